/**
 * `sluice lint [paths or globs…]`: exit 0 when clean, 1 on errors (warnings too with `--strict`), 2 on
 * usage errors. Human output by default, `--format json|sarif`; CI annotations when run in Azure
 * Pipelines (`TF_BUILD`) or GitHub Actions (`GITHUB_ACTIONS`). Many files are linted on several threads (one per two cores).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { countDiagnostics } from '../diagnostics/diagnostic';
import { detectCi, formatCiAnnotations } from '../diagnostics/printers/ci';
import { formatJson } from '../diagnostics/printers/json';
import { formatSarif } from '../diagnostics/printers/sarif';
import { formatSummary, formatText } from '../diagnostics/printers/text';
import { estimateBudget, formatBudget } from '../lint/budget';
import { lintText, type SourceText } from '../lint/lint';
import { lintFilesInParallel } from '../lint/parallel';
import { findProjectRoot } from '../adapters/project-root';
import { localSetting } from '../adapters/local/local-settings';
import { SECRETS_SETTING } from '../secret-settings';
import { loadActivityNames } from './activity-names';
import { applyRuleSeverities, ConfigError, ignoredBy, loadLintConfig, type LintConfig } from '../lint/config';
import { expandPaths, globToRegExp } from './files';
import { UsageError, type CliIo } from './io';

export const lintUsage = [
  'usage: sluice lint [paths or globs… | -] [--format text|json|sarif] [--strict] [--max-warnings N] [--quiet]',
  '                   [--no-color] [--stdin-filename NAME] [--activities a,b,…] [--explain FILE]',
  '  -                    read one workflow from stdin (named by --stdin-filename, default <stdin>)',
  '  --strict             exit 1 on warnings too',
  '  --max-warnings N     exit 1 when there are more than N warnings',
  '  --quiet              report errors only (warnings still count for --strict and --max-warnings)',
  '  --explain FILE       also print the history budget of FILE step by step (events, payload bytes; text format)',
  '  --no-color           no ANSI colour (also NO_COLOR=1; colour is on only when stdout is a terminal)',
].join('\n');

const FORMATS = ['text', 'json', 'sarif'] as const;

/** Runs `sluice lint`. */
export async function lintCommand(args: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseOptions(args);
  const format = (values.format ?? 'text') as (typeof FORMATS)[number];
  if (!FORMATS.includes(format)) throw new UsageError(`unknown format \`${format}\`; use ${FORMATS.join(', ')}`);
  const maxWarnings = values['max-warnings'] === undefined ? undefined : Number(values['max-warnings']);
  if (maxWarnings !== undefined && (!Number.isInteger(maxWarnings) || maxWarnings < 0)) throw new UsageError(`--max-warnings takes a whole number, not \`${values['max-warnings']}\``);
  const explain = values.explain;
  if (explain !== undefined && format !== 'text') throw new UsageError('--explain prints text: it cannot be combined with --format json or sarif');
  const fromStdin = positionals.includes('-');
  if (fromStdin && positionals.length > 1) throw new UsageError('`-` (stdin) cannot be combined with paths');
  const targets = positionals.length > 0 ? positionals : explain !== undefined ? [explain] : [io.env.SLUICE_WORKFLOWS_DIR ?? 'workflows'];
  const config = projectConfig(io.cwd);
  const expanded = fromStdin ? { files: [values['stdin-filename'] ?? '<stdin>'], missing: [] } : expandPaths(targets, io.cwd);
  if (expanded.missing.length > 0) throw new UsageError(`no workflow files match ${expanded.missing.map((arg) => `\`${arg}\``).join(', ')}`);
  const ignored = ignoredBy(config, io.cwd, globToRegExp);
  const files = fromStdin ? expanded.files : expanded.files.filter((file) => !ignored(file));
  const activities = values.activities !== undefined
    ? values.activities.split(',').map((name) => name.trim()).filter(Boolean)
    : await loadActivityNames(projectRoot());
  const sources: SourceText[] = fromStdin ? [{ file: files[0], text: await (io.stdin ?? readStdin)() }] : files.map((file) => ({ file, text: readText(path.resolve(io.cwd, file)) }));
  const linted = await lintFilesInParallel(sources, { activities, allowedSecrets: localSecretsSetting(io) }, lintThreads(io));
  const found = applyRuleSeverities(linted.diagnostics, config);
  const { errors, warnings } = countDiagnostics(found);
  const diagnostics = values.quiet ? found.filter((diagnostic) => diagnostic.severity === 'error') : found;
  if (format === 'json') io.stdout(formatJson(diagnostics));
  else if (format === 'sarif') io.stdout(formatSarif(diagnostics));
  else {
    const ci = detectCi(io.env);
    if (ci && diagnostics.length > 0) io.stdout(formatCiAnnotations(diagnostics, ci));
    const colour = !values['no-color'] && !io.env.NO_COLOR && (io.isTTY ?? false);
    if (explain !== undefined) io.stdout(explainBudget(explain, sources, io.cwd));
    if (diagnostics.length > 0) io.stdout(formatText(diagnostics, new Map(sources.map((source) => [source.file, source.text])), colour) + '\n');
    io.stdout(formatSummary(files.length, errors, warnings));
  }
  if (maxWarnings !== undefined && warnings > maxWarnings && format === 'text') io.stderr(`sluice lint: ${warnings} warning${warnings === 1 ? "" : "s"}, more than --max-warnings ${maxWarnings}`);
  return errors > 0 || (values.strict && warnings > 0) || (maxWarnings !== undefined && warnings > maxWarnings) ? 1 : 0;
}

function parseOptions(args: readonly string[]) {
  try {
    return parseArgs({
      args: [...args],
      allowPositionals: true,
      options: {
        format: { type: 'string', short: 'f' },
        strict: { type: 'boolean' },
        activities: { type: 'string' },
        'max-warnings': { type: 'string' },
        quiet: { type: 'boolean', short: 'q' },
        'no-color': { type: 'boolean' },
        'stdin-filename': { type: 'string' },
        explain: { type: 'string' },
      },
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

/** `--explain FILE`: the budget estimate of one linted file (engine/lint/budget.ts). */
function explainBudget(file: string, sources: readonly SourceText[], cwd: string): string {
  const wanted = path.resolve(cwd, file);
  const source = sources.find((candidate) => candidate.file === file || path.resolve(cwd, candidate.file) === wanted) ?? { file, text: readText(wanted) };
  const linted = lintText(source.file, source.text);
  if (!linted.definition) return `${source.file}: no estimate: the file is not a valid definition (its errors are below)\n`;
  return formatBudget(source.file, estimateBudget(linted.definition));
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** Unreadable files become a diagnostic through the loader's path: an empty text cannot hide them. */
function readText(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    throw new UsageError(`cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
}

/**
 * `SLUICE_SECRETS` as the local runtime would see it: the environment, else the project's
 * local.settings.json; undefined when neither sets it (a fresh clone, a CI agent): then lint cannot know
 * the allow-list and reports only reserved names, since it differs per environment anyway.
 */
function localSecretsSetting(io: CliIo): string | undefined {
  if (io.env[SECRETS_SETTING] !== undefined) return io.env[SECRETS_SETTING]!;
  let root: string;
  try {
    root = findProjectRoot(io.cwd);
  } catch {
    return undefined;
  }
  return localSetting(root, SECRETS_SETTING);
}

/** `.sluice.yaml` at the project root (engine/lint/config.ts); none outside a project. */
function projectConfig(cwd: string): LintConfig | undefined {
  let root: string;
  try {
    root = findProjectRoot(cwd);
  } catch {
    return undefined;
  }
  try {
    return loadLintConfig(root);
  } catch (error) {
    if (error instanceof ConfigError) throw new UsageError(error.message);
    throw error;
  }
}

/** `SLUICE_LINT_THREADS` overrides the thread count (a positive integer); otherwise the default. */
function lintThreads(io: CliIo): number | undefined {
  const value = io.env.SLUICE_LINT_THREADS;
  if (value === undefined || value === '') return undefined;
  const threads = Number(value);
  if (!Number.isInteger(threads) || threads < 1) throw new UsageError(`SLUICE_LINT_THREADS must be a positive integer, not \`${value}\``);
  return threads;
}

function projectRoot(): string {
  // engine/cli/ (sources) or dist/engine/cli/ (compiled): the root is the folder holding package.json.
  const up2 = path.resolve(__dirname, '..', '..');
  return path.basename(up2) === 'dist' ? path.dirname(up2) : up2;
}
