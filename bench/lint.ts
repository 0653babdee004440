/**
 * Item 5, lint: 1,000 generated workflows (bench/corpus.ts) written to a temp folder and linted in one
 * cold process (bench/lint-worker.js) on the compiled engine, as `sluice lint` runs in CI. The headline:
 * files of typical size (a little larger than the shipped examples) on every core, wall time, as the
 * goal's 1,300 files/s per core × 2 cores reads; then the same files on one thread (per core, CPU time),
 * and long flows (several times any example) on every core. Warm passes and bare parsers show the floors.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { availableParallelism, tmpdir } from 'node:os';
import { mkdtempSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { compileEngine } from './build';
import { CORPUS_ACTIVITIES, CORPUS_SIZES, workflowText, type CorpusSize } from './corpus';
import { figure, notMeasured, type Figure } from './figure';
import { rounded } from './measure';
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
  jsYamlEvents?: Timing;
  yamlDocument?: Timing;
}

const ROOT = resolve(__dirname, '..');

/** Writes `files` generated workflows of one size into `dir`. */
function writeCorpus(dir: string, files: number, size: CorpusSize): void {
  mkdirSync(dir, { recursive: true });
  for (let i = 0; i < files; i++) writeFileSync(join(dir, `generated-${String(i).padStart(4, '0')}.yaml`), workflowText(i, size));
}

/** Lints the corpus folder in a cold child process on `threads` threads. */
function lintInChild(compiled: string, dir: string, threads: number, floors = false): LintReport {
  const args = [join(__dirname, 'lint-worker.js'), compiled, dir, String(threads), CORPUS_ACTIVITIES.join(','), ...(floors ? ['floors'] : [])];
  const report = JSON.parse(execFileSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 1 << 20 }).trim().split('\n').pop()!) as LintReport;
  if (report.cold.errors > 0) throw new Error(`the generated corpus has lint errors: ${report.cold.firstError}`);
  return report;
}

/**
 * `rounds` cold processes; the one with the median cold time (wall on every core, CPU on one thread) is
 * reported, with every round's figure beside it. The last round also measures the parsers' floors.
 */
function medianOfRounds(compiled: string, dir: string, threads: number, rounds: number): { report: LintReport; spread: number[] } {
  const reports = Array.from({ length: rounds }, (_, round) => lintInChild(compiled, dir, threads, round === rounds - 1));
  const key = (report: LintReport) => (threads === 1 ? report.cold.cpuMs : report.cold.wallMs);
  const sorted = [...reports].sort((a, b) => key(a) - key(b));
  const median = sorted[Math.floor((sorted.length - 1) / 2)];
  const floorsFrom = reports[reports.length - 1];
  return { report: { ...median, jsYamlEvents: floorsFrom.jsYamlEvents, yamlDocument: floorsFrom.yamlDocument }, spread: sorted.map((report) => rounded(perSecond(report.files, key(report)))) };
}

const perSecond = (files: number, ms: number) => files / (ms / 1000);

function floors(report: LintReport): string {
  const bytes = Math.round(report.bytes / report.files);
  const rate = (timing?: Timing) => (timing ? rounded(perSecond(report.files, timing.cpuMs)) : '?');
  return `one thread's floors on these files (${bytes} bytes each): js-yaml's event parser ${rate(report.jsYamlEvents)} files/s, \`yaml\`'s document ${rate(report.yamlDocument)} files/s`;
}

/** The headline figure of one corpus linted on every core: wall time, since the work is spread over them. */
function allCores({ report, spread }: { report: LintReport; spread: number[] }, size: CorpusSize, goal: boolean): Figure {
  return figure(5, `lint ${report.files} generated workflows (${size.name} size), cold process, ${report.threads} threads`, perSecond(report.files, report.cold.wallMs), 'files/s', {
    ...(goal ? { goal: { op: '>=', target: 2600 } } : {}),
    detail: {
      files: report.files,
      averageBytes: Math.round(report.bytes / report.files),
      topLevelSteps: `${size.minSteps}-${size.maxSteps}`,
      threads: report.threads,
      filesPerSecondEachRound: spread,
      filesPerThread: report.cold.filesPerThread,
      coldWallMs: rounded(report.cold.wallMs),
      coldCpuMs: rounded(report.cold.cpuMs),
      warmFilesPerSecond: rounded(perSecond(report.files, report.warm.wallMs)),
      linterImportMs: rounded(report.load.wallMs),
    },
    limit: `${floors(report)}; the rest is the schema check, the semantic rules, starting the worker thread, and each thread's JIT warm-up`,
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
    spawnSync(process.execPath, [join(__dirname, 'lint-worker.js'), compiled, typical, '1', CORPUS_ACTIVITIES.join(',')]);
    const cores = availableParallelism();
    const all = medianOfRounds(compiled, typical, cores, sizes.rounds);
    const single = medianOfRounds(compiled, typical, 1, sizes.rounds);
    const one = single.report;
    const big = medianOfRounds(compiled, large, cores, sizes.rounds);
    return [
      allCores(all, CORPUS_SIZES.typical, true),
      figure(5, `lint ${one.files} generated workflows (typical size), cold process, 1 thread (per core)`, perSecond(one.files, one.cold.cpuMs), 'files/s', {
        goal: { op: '>=', target: 1300 },
        detail: { filesPerSecondEachRound: single.spread, coldCpuMs: rounded(one.cold.cpuMs), coldWallMs: rounded(one.cold.wallMs), warmFilesPerSecond: rounded(perSecond(one.files, one.warm.cpuMs)), linterImportMs: rounded(one.load.wallMs) },
        limit: `${floors(one)}; the cold pass runs mostly in V8's lower tiers: the warm pass is ${rounded(one.cold.cpuMs / one.warm.cpuMs)}× faster`,
      }),
      allCores(big, CORPUS_SIZES.large, false),
    ];
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
