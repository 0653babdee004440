/**
 * Item 5, lint: 1,000 generated workflows (bench/corpus.ts) written to a temp folder and linted in one
 * cold process (bench/lint-worker.js) on the compiled engine, as `sluice lint` runs in CI; files per
 * second of wall time, median of several cold processes, each started with the Node options the `sluice`
 * command starts with (its shebang). The headline: files of typical size (sized after the shipped
 * examples, erring large) with the threads `sluice lint` picks; then the same files on one thread per
 * core (why it does not), in a process with Node's default options (why the command sizes V8's pool),
 * and long flows. Warm passes and bare parsers show the floors.
 */
import { execFileSync } from 'node:child_process';
import { availableParallelism, tmpdir } from 'node:os';
import { mkdtempSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { compileEngine } from './build';
import { CORPUS_ACTIVITIES, CORPUS_SIZES, workflowText, type CorpusSize } from './corpus';
import { figure, notMeasured, type Figure } from './figure';
import { medianBy, rounded } from './measure';
import type { Sizes } from './sizes';

interface Timing {
  cpuMs: number;
  wallMs: number;
}

type Pass = Timing & { filesPerThread: number[]; errors: number; warnings: number; firstError?: string };

/** What the worker prints. */
export interface LintReport {
  files: number;
  bytes: number;
  threads: number;
  load: Timing;
  cold: Pass;
  warm: Pass;
  /** One thread's floors, measured in the last run only. */
  fastReader?: Timing;
  yamlDocument?: Timing;
}

const ROOT = resolve(__dirname, '..');

/** The Node options the `sluice` command starts with: those on its shebang, `#!/usr/bin/env -S node …`. */
export function commandNodeOptions(): string[] {
  const shebang = readFileSync(join(ROOT, 'bin', 'sluice.js'), 'utf8').split('\n', 1)[0];
  const options = /^#!\/usr\/bin\/env(?: -S)? node((?: --[a-z0-9-]+(?:=\S+)?)*)$/.exec(shebang);
  if (!options) throw new Error(`bin/sluice.js does not start with a shebang running node: ${shebang}`);
  return options[1].split(' ').filter(Boolean);
}

/** Writes `files` generated workflows of one size into `dir`. */
function writeCorpus(dir: string, files: number, size: CorpusSize): void {
  mkdirSync(dir, { recursive: true });
  for (let i = 0; i < files; i++) writeFileSync(join(dir, `generated-${String(i).padStart(4, '0')}.yaml`), workflowText(i, size));
}

/**
 * Lints the corpus folder in a cold child process started with `nodeOptions` (`threads`: a count, or
 * `default` as `sluice lint` picks).
 */
function lintInChild(compiled: string, dir: string, threads: string, nodeOptions: string[], floors = false): LintReport {
  const args = [...nodeOptions, join(__dirname, 'lint-worker.js'), compiled, dir, threads, CORPUS_ACTIVITIES.join(','), ...(floors ? ['floors'] : [])];
  const report = JSON.parse(execFileSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 1 << 20 }).trim().split('\n').pop()!) as LintReport;
  if (report.cold.errors > 0) throw new Error(`the generated corpus has lint errors: ${report.cold.firstError}`);
  return report;
}

const perSecond = (files: number, ms: number) => files / (ms / 1000);

/**
 * `rounds` cold processes; the one with the median cold wall time is reported, with every round's
 * figure beside it. The last round also measures the parsers' floors.
 */
function medianOfRounds(compiled: string, dir: string, threads: string, nodeOptions: string[], rounds: number): LintRounds {
  const reports = Array.from({ length: rounds }, (_, round) => lintInChild(compiled, dir, threads, nodeOptions, round === rounds - 1));
  const median = medianBy(reports, (report) => report.cold.wallMs);
  const floorsFrom = reports[reports.length - 1];
  return {
    report: { ...median, fastReader: floorsFrom.fastReader, yamlDocument: floorsFrom.yamlDocument },
    spread: reports.map((report) => rounded(perSecond(report.files, report.cold.wallMs))).sort((a, b) => b - a),
    nodeOptions,
  };
}

/** A configuration's cold processes: the median report, every round's files per second (fastest first), the Node options. */
interface LintRounds {
  report: LintReport;
  spread: number[];
  nodeOptions: string[];
}

function floors(report: LintReport): string {
  const bytes = Math.round(report.bytes / report.files);
  const rate = (timing?: Timing) => (timing ? rounded(perSecond(report.files, timing.cpuMs)) : '?');
  return `one thread's floors on these files (${bytes} bytes each): the fast reader ${rate(report.fastReader)} files/s, \`yaml\`'s document ${rate(report.yamlDocument)} files/s`;
}

/** One configuration's figure: files per second of wall time in a cold process. */
function lintFigure({ report, spread, nodeOptions }: LintRounds, size: CorpusSize, how: string, extra: { goal?: Figure['goal']; limit: string }): Figure {
  return figure(5, `lint ${report.files} generated workflows (${size.name} size), cold process, ${how}`, perSecond(report.files, report.cold.wallMs), 'files/s', {
    ...(extra.goal ? { goal: extra.goal } : {}),
    detail: {
      files: report.files,
      averageBytes: Math.round(report.bytes / report.files),
      topLevelSteps: `${size.minSteps}-${size.maxSteps}`,
      threads: report.threads,
      nodeOptions: nodeOptions.join(' ') || '(none)',
      filesPerSecondEachRound: spread,
      filesPerThread: report.cold.filesPerThread,
      coldWallMs: rounded(report.cold.wallMs),
      coldCpuMs: rounded(report.cold.cpuMs),
      warmFilesPerSecond: rounded(perSecond(report.files, report.warm.wallMs)),
      linterImportMs: rounded(report.load.wallMs),
    },
    limit: extra.limit,
  });
}

/** Measures item 5. */
export function measureLint(sizes: Sizes['lint']): Figure[] {
  const work = mkdtempSync(join(tmpdir(), 'sluice-lint-'));
  try {
    const compiled = join(work, 'dist');
    try {
      compileEngine(compiled);
    } catch (error) {
      return [notMeasured(5, 'lint generated workflows, cold process', 'files/s', `the engine did not compile: ${(error as Error).message.split('\n')[0]}`, { op: '>=', target: 2600 })];
    }
    symlinkSync(join(ROOT, 'node_modules'), join(work, 'node_modules'), 'dir');
    const typical = join(work, 'typical');
    const large = join(work, 'large');
    writeCorpus(typical, sizes.files, CORPUS_SIZES.typical);
    writeCorpus(large, sizes.files, CORPUS_SIZES.large);
    // One untimed run warms the OS file cache, as a CI step's fresh checkout has it warm too.
    const options = commandNodeOptions();
    lintInChild(compiled, typical, 'default', options);
    const cores = availableParallelism();
    const headline = medianOfRounds(compiled, typical, 'default', options, sizes.rounds);
    const everyCore = medianOfRounds(compiled, typical, String(cores), options, sizes.rounds);
    const nodeDefaults = medianOfRounds(compiled, typical, 'default', [], sizes.rounds);
    const big = medianOfRounds(compiled, large, 'default', options, sizes.rounds);
    const warmUp = `the cold pass is ${rounded(headline.report.cold.wallMs / headline.report.warm.wallMs)}× the warm one: most of it is V8 warming up (lower tiers, then background optimisation)`;
    return [
      lintFigure(headline, CORPUS_SIZES.typical, `as \`sluice lint\` runs it (${headline.report.threads} thread${headline.report.threads === 1 ? '' : 's'} on ${cores} cores)`, {
        goal: { op: '>=', target: 2600 },
        limit: `${floors(headline.report)}; ${warmUp}`,
      }),
      lintFigure(everyCore, CORPUS_SIZES.typical, `${cores} threads (one per core)`, {
        limit: 'each thread warms V8 up anew, and the background compiler and GC threads then have no core of their own: why `sluice lint` uses one thread per two cores',
      }),
      lintFigure(nodeDefaults, CORPUS_SIZES.typical, 'as `sluice lint` runs it but with Node\'s default options', {
        limit: `Node starts four V8 background threads whatever the cores; on ${cores} cores they take CPU from the main thread while it warms up: why the \`sluice\` command starts Node with ${options.join(' ') || 'its options'}`,
      }),
      lintFigure(big, CORPUS_SIZES.large, `as \`sluice lint\` runs it`, { limit: floors(big.report) }),
    ];
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
