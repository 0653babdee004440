/**
 * The project's lint configuration: `.sluice.yaml` at the project root (the folder with package.json).
 *
 *     rules:                      # a code's severity: off, warning or error
 *       insecure-url: off
 *       foreach-no-concurrency: error
 *     ignore:                     # globs, relative to the project root
 *       - workflows/experiments/**
 *
 * A file of its own rather than a `sluice` key in package.json: YAML takes comments, and a rule turned off
 * should say why next to it; the workflows it configures are YAML too. Codes whose file cannot load or is
 * not a definition (YAML, limits, schema) keep their severity: the runtime refuses such a file whatever
 * lint says, so it cannot be turned into a warning or off.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { allCodes, codes, type DiagnosticCode } from '../diagnostics/codes';
import type { Diagnostic, Severity } from '../diagnostics/diagnostic';
import { closest } from '../diagnostics/suggest';
import { yaml } from '../definition/yaml-lib';

/** The configuration file's name, at the project root. */
export const CONFIG_FILE = '.sluice.yaml';

/** What `.sluice.yaml` says about linting. */
export interface LintConfig {
  /** Where it was read from. */
  file: string;
  rules: ReadonlyMap<DiagnosticCode, Severity | 'off'>;
  /** Ignored paths: globs relative to `root`. */
  ignore: readonly string[];
  root: string;
}

/** A configuration file Sluice cannot use (a usage error: exit 2). */
export class ConfigError extends Error {}

/** Loading and schema codes: the runtime refuses such a file, so lint cannot be told otherwise. */
const FIXED = new Set<DiagnosticCode>(['yaml-syntax', 'duplicate-key', 'alias-limit', 'merge-key', 'forbidden-key', 'file-too-large', 'too-deep', 'multiple-documents', 'unknown-key', 'missing-key', 'wrong-type', 'invalid-value', 'step-kind', 'cosmos-operation', 'input-not-allowed']);
const LEVELS = ['off', 'warning', 'error'] as const;

/** Reads `.sluice.yaml` at `root`; undefined when there is none. */
export function loadLintConfig(root: string): LintConfig | undefined {
  const file = path.join(root, CONFIG_FILE);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new ConfigError(`cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  const document = yaml().parseDocument(text, { uniqueKeys: true });
  if (document.errors.length > 0) throw new ConfigError(`${file}: ${document.errors[0].message.split('\n')[0]}`);
  return parseConfig(document.toJS() ?? {}, file, root);
}

/** Checks and reads the configuration's value. */
export function parseConfig(value: unknown, file: string, root: string): LintConfig {
  const fail = (message: string): never => {
    throw new ConfigError(`${file}: ${message}`);
  };
  if (value === null || typeof value !== 'object' || Array.isArray(value)) fail('the configuration is a mapping with `rules` and `ignore`');
  const { rules = {}, ignore = [], ...rest } = value as Record<string, unknown>;
  for (const key of Object.keys(rest)) fail(`unknown key \`${key}\`${closest(key, ['rules', 'ignore']) ? `; did you mean \`${closest(key, ['rules', 'ignore'])}\`?` : ''}`);
  if (rules === null || typeof rules !== 'object' || Array.isArray(rules)) fail('`rules` maps lint codes to off, warning or error');
  const severities = new Map<DiagnosticCode, Severity | 'off'>();
  for (const [code, level] of Object.entries(rules as Record<string, unknown>)) {
    if (!(code in codes)) {
      const guess = closest(code, allCodes());
      fail(`\`rules\`: \`${code}\` is not a lint code${guess ? `; did you mean \`${guess}\`?` : ''}`);
    }
    if (!LEVELS.includes(level as (typeof LEVELS)[number])) fail(`\`rules.${code}\` is \`${String(level)}\`; use off, warning or error`);
    if (FIXED.has(code as DiagnosticCode) && level !== 'error') fail(`\`rules.${code}\`: \`${code}\` cannot be changed (the runtime refuses such a file whatever lint says)`);
    severities.set(code as DiagnosticCode, level as Severity | 'off');
  }
  if (!Array.isArray(ignore) || ignore.some((glob) => typeof glob !== 'string' || glob === '')) fail('`ignore` is a list of globs relative to the project root');
  return { file, rules: severities, ignore: ignore as string[], root };
}

/** The diagnostics with the configured severities (`off` drops them). */
export function applyRuleSeverities(diagnostics: readonly Diagnostic[], config: LintConfig | undefined): Diagnostic[] {
  if (!config || config.rules.size === 0) return [...diagnostics];
  const kept: Diagnostic[] = [];
  for (const diagnostic of diagnostics) {
    const level = config.rules.get(diagnostic.code);
    if (level === 'off') continue;
    kept.push(level && level !== diagnostic.severity ? { ...diagnostic, severity: level } : diagnostic);
  }
  return kept;
}

/** A test of whether a file (absolute, or relative to `cwd`) is ignored by the configuration. */
export function ignoredBy(config: LintConfig | undefined, cwd: string, globToRegExp: (glob: string) => RegExp): (file: string) => boolean {
  if (!config || config.ignore.length === 0) return () => false;
  // A glob naming a folder (`legacy/`, `legacy`) ignores what is below it.
  const matchers = config.ignore.map((glob) => globToRegExp(glob.replace(/\\/g, '/').replace(/^\.\//, '').replace(/\/$/, '/**')));
  const folders = config.ignore.filter((glob) => !/[*?]/.test(glob)).map((glob) => glob.replace(/\\/g, '/').replace(/^\.\//, '').replace(/\/$/, ''));
  return (file) => {
    const relative = path.relative(config.root, path.resolve(cwd, file)).replace(/\\/g, '/');
    return matchers.some((matcher) => matcher.test(relative)) || folders.some((folder) => relative === folder || relative.startsWith(folder + '/'));
  };
}
