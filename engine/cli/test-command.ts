/**
 * `sluice test [paths or globs…]`: runs workflow tests (`*.test.yaml`, engine/testing/) on the real
 * orchestrator with mocked activities and virtual time. Exit 0 when every case passes, 1 when one fails
 * or a file cannot run, 2 on usage errors.
 */
import { mkdirSync, watch, writeFileSync, type FSWatcher } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { findProjectRoot } from '../adapters/project-root';
import { CoverageCollector, formatCoverage } from '../testing/coverage';
import { formatJunit } from '../testing/reporters/junit';
import { formatCase, formatProblems, formatSummary, totals } from '../testing/reporters/text';
import { runTestFiles } from '../testing/runner';
import { expandPaths } from './files';
import { UsageError, type CliIo } from './io';

export const testUsage = `usage: sluice test [paths or globs…] [options]

Runs workflow tests: *.test.yaml files (default: those in the workflows folder, SLUICE_WORKFLOWS_DIR
or workflows/). Each case runs its workflow on the real orchestrator with mocked steps and virtual time
(waits, timeouts and retry intervals pass instantly). The file format: docs/testing.md.

options:
  --format text|junit      text (default): one line per case and a diff per failure; junit: JUnit XML
  --output <file>          write the report there instead of stdout (the text summary still prints)
  --coverage               print which steps and switch/if/catch branches no case exercised, and
                           write a JSON report (see --coverage-file)
  --coverage-file <file>   where --coverage writes its JSON (default coverage/sluice-test-coverage.json)
  -u, --update-snapshots   rewrite the run-record snapshots of cases with \`snapshot: true\`
  --watch                  run again whenever a test file or workflow changes (Ctrl-C stops)
  -h, --help               this help

exit code: 0 every case passed, 1 a case failed or a file could not run, 2 usage error`;

const FORMATS = ['text', 'junit'] as const;

/** Runs `sluice test`. */
export async function testCommand(args: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseOptions(args);
  const format = (values.format ?? 'text') as (typeof FORMATS)[number];
  if (!FORMATS.includes(format)) throw new UsageError(`unknown format \`${format}\`; use ${FORMATS.join(', ')}`);
  const root = findProjectRoot(io.cwd);
  const workflowsDir = io.env.SLUICE_WORKFLOWS_DIR ?? 'workflows';
  const targets = positionals.length > 0 ? positionals : [path.relative(io.cwd, path.resolve(root, workflowsDir)) || '.'];
  const once = () => runOnce(targets, { io, root, workflowsDir, format, output: values.output, coverage: values.coverage ?? false, coverageFile: values['coverage-file'], update: values['update-snapshots'] ?? false });
  if (!values.watch) return once();
  return watchAndRun(targets, io, root, workflowsDir, once);
}

interface OnceOptions {
  io: CliIo;
  root: string;
  workflowsDir: string;
  format: (typeof FORMATS)[number];
  output?: string;
  coverage: boolean;
  coverageFile?: string;
  update: boolean;
}

async function runOnce(targets: readonly string[], options: OnceOptions): Promise<number> {
  const { io } = options;
  const { files, missing } = expandPaths(targets, io.cwd, 'tests');
  if (missing.length > 0) throw new UsageError(`no test files (*.test.yaml) match ${missing.map((arg) => `\`${arg}\``).join(', ')}`);
  const started = performance.now();
  const coverage = options.coverage ? new CoverageCollector() : undefined;
  const live = options.format === 'text' && !options.output;
  const results = await runTestFiles(files, {
    root: options.root,
    cwd: io.cwd,
    workflowsDir: options.workflowsDir,
    updateSnapshots: options.update,
    coverage,
    onCase: live ? (file, result) => io.stdout(formatCase(file, result)) : undefined,
  });
  const elapsed = performance.now() - started;
  const problems = formatProblems(results);
  let report = '';
  if (options.format === 'junit') report = formatJunit(results, elapsed);
  else if (!live) report = results.flatMap((result) => result.cases.map((c) => formatCase(result.file, c))).join('\n');
  if (options.output) {
    const target = path.resolve(io.cwd, options.output);
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, report + '\n');
  } else if (report) io.stdout(report);
  const toText = options.format === 'text' ? io.stdout : io.stderr;
  if (problems) toText(problems);
  if (coverage) {
    const report = coverage.report();
    toText(formatCoverage(report));
    const target = path.resolve(io.cwd, options.coverageFile ?? path.join('coverage', 'sluice-test-coverage.json'));
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, JSON.stringify({ workflows: report }, null, 2) + '\n');
    toText(`coverage report: ${path.relative(io.cwd, target)}`);
  }
  toText(formatSummary(results, elapsed));
  const { failed, broken } = totals(results);
  return failed > 0 || broken > 0 ? 1 : 0;
}

// Watches the folders of the targets and of the workflows; a burst of changes runs the tests once.
async function watchAndRun(targets: readonly string[], io: CliIo, root: string, workflowsDir: string, once: () => Promise<number>): Promise<number> {
  let running = false;
  let again = false;
  const run = async (): Promise<void> => {
    if (running) {
      again = true;
      return;
    }
    running = true;
    try {
      await once();
    } catch (error) {
      io.stderr(`sluice test: ${(error as Error).message}`);
    }
    running = false;
    io.stderr('watching for changes (Ctrl-C stops)…');
    if (again) {
      again = false;
      void run();
    }
  };
  const dirs = new Set([path.resolve(root, workflowsDir), ...targets.map((target) => path.resolve(io.cwd, target.replace(/[*?].*$/, '') || '.'))]);
  const watchers: FSWatcher[] = [];
  let pending: NodeJS.Timeout | undefined;
  for (const dir of dirs) {
    try {
      watchers.push(
        watch(dir, { recursive: true }, (_event, name) => {
          if (name && !/\.ya?ml$/i.test(String(name))) return;
          clearTimeout(pending);
          pending = setTimeout(() => void run(), 100);
        }),
      );
    } catch {
      // A target that is a file: its folder is watched through the workflows folder or another target.
    }
  }
  await run();
  return new Promise<number>((resolve) => {
    process.once('SIGINT', () => {
      for (const watcher of watchers) watcher.close();
      resolve(0);
    });
  });
}

function parseOptions(args: readonly string[]) {
  try {
    return parseArgs({
      args: [...args],
      allowPositionals: true,
      options: {
        format: { type: 'string', short: 'f' },
        output: { type: 'string', short: 'o' },
        coverage: { type: 'boolean' },
        'coverage-file': { type: 'string' },
        'update-snapshots': { type: 'boolean', short: 'u' },
        watch: { type: 'boolean', short: 'w' },
      },
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}
