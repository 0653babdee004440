/** Reading and linting the golden cases in `test/lint/err` and `test/lint/ok`. */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { lintFiles, type LintOptions } from '../../engine/lint/lint';
import type { Diagnostic } from '../../engine/diagnostics/diagnostic';

const here = __dirname;
export const activities = ['reserveStock', 'checkLine'];

/** The main files of the golden cases in a folder (companions excluded). */
export function goldenCases(folder: string): string[] {
  return readdirSync(path.join(here, folder)).filter((name) => name.endsWith('.yaml') && !/\.\d+\.yaml$/.test(name)).sort();
}

function companions(folder: string, main: string): string[] {
  const stem = main.replace(/\.yaml$/, '');
  return readdirSync(path.join(here, folder)).filter((name) => name.startsWith(stem + '.') && /\.\d+\.yaml$/.test(name)).sort();
}

function optionsFor(text: string): LintOptions {
  const directive = /^# sluice-test: (.*)$/m.exec(text.split('\n')[0] ?? '')?.[1];
  const maxChars = directive ? /maxChars=(\d+)/.exec(directive)?.[1] : undefined;
  // `secrets=A,B_*`: the local SLUICE_SECRETS the case is linted with.
  const secrets = directive ? /secrets=(\S*)/.exec(directive)?.[1] : undefined;
  return { activities, ...(maxChars ? { limits: { maxChars: Number(maxChars) } } : {}), ...(secrets !== undefined ? { allowedSecrets: secrets } : {}) };
}

/** Lints a case and renders its diagnostics one per line, as the .out files hold them. */
export function lintCase(folder: string, main: string): Diagnostic[] {
  const names = [main, ...companions(folder, main)];
  const sources = names.map((name) => ({ file: name, text: readFileSync(path.join(here, folder, name), 'utf8') }));
  return lintFiles(sources, optionsFor(sources[0].text)).diagnostics;
}

