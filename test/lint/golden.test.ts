/**
 * Golden files, actionlint-style: every `err/X.yaml` has the expected diagnostics in `err/X.out`; every
 * `ok/*.yaml` lints clean. Companions `X.2.yaml` are linted together with `X.yaml` (cross-file checks).
 * A first-line `# sluice-test: maxChars=N` comment lowers a loader limit for that case.
 * Run with UPDATE_GOLDEN=1 to rewrite the .out files, then review the diff.
 */
import { readdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintFiles, type LintOptions } from '../../engine/lint/lint';
import type { Diagnostic } from '../../engine/diagnostics/diagnostic';

const here = __dirname;
const activities = ['reserveStock', 'checkLine'];

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
  return { activities, ...(maxChars ? { limits: { maxChars: Number(maxChars) } } : {}) };
}

/** Lints a case and renders its diagnostics one per line, as the .out files hold them. */
export function lintCase(folder: string, main: string): Diagnostic[] {
  const names = [main, ...companions(folder, main)];
  const sources = names.map((name) => ({ file: name, text: readFileSync(path.join(here, folder, name), 'utf8') }));
  return lintFiles(sources, optionsFor(sources[0].text)).diagnostics;
}

function render(diagnostics: Diagnostic[]): string {
  return diagnostics.map((d) => `${d.file}:${d.line}:${d.column}: ${d.severity} ${d.message} [${d.code}]`).join('\n') + '\n';
}

describe('golden: err/', () => {
  const cases = goldenCases('err');
  it('has at least 40 broken definitions', () => expect(cases.length).toBeGreaterThanOrEqual(40));
  for (const main of cases) {
    it(main, () => {
      const actual = render(lintCase('err', main));
      const expectedFile = path.join(here, 'err', main.replace(/\.yaml$/, '.out'));
      if (process.env.UPDATE_GOLDEN) writeFileSync(expectedFile, actual);
      expect(existsSync(expectedFile), `${expectedFile} is missing: run with UPDATE_GOLDEN=1`).toBe(true);
      expect(actual.trim().length, 'an err case must produce diagnostics').toBeGreaterThan(0);
      expect(actual).toBe(readFileSync(expectedFile, 'utf8'));
    });
  }
});

describe('golden: ok/', () => {
  for (const main of goldenCases('ok')) {
    it(main, () => expect(render(lintCase('ok', main)).trim()).toBe(''));
  }
});
