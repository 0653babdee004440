/**
 * Item 5, lint: 1,000 generated workflows (bench/corpus.ts) written to a temp folder and linted in one
 * cold process (bench/lint-worker.js) on the compiled engine, as `sluice lint` runs in CI: every core
 * (the headline, wall time, as the goal's 1,300 files/s per core × 2 cores reads), then one thread in a
 * second cold process (files/s per core, CPU time). The warm pass and the bare parsers show the floors.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { availableParallelism, tmpdir } from 'node:os';
import { mkdtempSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { compileEngine } from './build';
import { CORPUS_ACTIVITIES, workflowText } from './corpus';
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
  jsYamlEvents: Timing;
  yamlDocument: Timing;
  /** Spawn to exit, node's own start-up included (measured here, not by the worker). */
  processWallMs: number;
}

const ROOT = resolve(__dirname, '..');

/** Writes `files` generated workflows into `dir`. */
function writeCorpus(dir: string, files: number): void {
  mkdirSync(dir, { recursive: true });
  for (let i = 0; i < files; i++) writeFileSync(join(dir, `generated-${String(i).padStart(4, '0')}.yaml`), workflowText(i));
}

/** Lints the corpus folder in a cold child process on `threads` threads. */
function lintInChild(compiled: string, dir: string, threads: number): LintReport {
  const started = performance.now();
  const out = execFileSync(process.execPath, [join(__dirname, 'lint-worker.js'), compiled, dir, String(threads), CORPUS_ACTIVITIES.join(',')], { encoding: 'utf8', maxBuffer: 1 << 20 });
  const processWallMs = performance.now() - started;
  return { ...(JSON.parse(out.trim().split('\n').pop()!) as Omit<LintReport, 'processWallMs'>), processWallMs };
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
    const corpus = join(work, 'corpus');
    writeCorpus(corpus, sizes.files);
    // One untimed run warms the OS file cache, as a CI step's checkout has.
    spawnSync(process.execPath, [join(__dirname, 'lint-worker.js'), compiled, corpus, '1', CORPUS_ACTIVITIES.join(',')]);
    const cores = availableParallelism();
    const all = lintInChild(compiled, corpus, cores);
    const one = lintInChild(compiled, corpus, 1);
    for (const report of [all, one]) if (report.cold.errors > 0) throw new Error(`the generated corpus has lint errors: ${report.cold.firstError}`);
    const perSecond = (files: number, ms: number) => files / (ms / 1000);
    const averageBytes = Math.round(all.bytes / all.files);
    const floors = `one thread's floors on these files (${averageBytes} bytes each): js-yaml's event parser ${rounded(perSecond(all.files, all.jsYamlEvents.cpuMs))} files/s, \`yaml\`'s document ${rounded(perSecond(all.files, all.yamlDocument.cpuMs))} files/s`;
    return [
      figure(5, `lint ${all.files} generated workflows, cold process, ${cores} threads`, perSecond(all.files, all.cold.wallMs), 'files/s', {
        goal: { op: '>=', target: 2600 },
        detail: {
          files: all.files,
          averageBytes,
          threads: cores,
          filesPerThread: all.cold.filesPerThread,
          coldWallMs: rounded(all.cold.wallMs),
          coldCpuMs: rounded(all.cold.cpuMs),
          warmFilesPerSecond: rounded(perSecond(all.files, all.warm.wallMs)),
          linterImportMs: rounded(all.load.wallMs),
          wholeProcessMs: rounded(all.processWallMs),
        },
        limit: `${floors}; the rest is the schema check and the semantic rules, and starting the worker thread`,
      }),
      figure(5, `lint ${one.files} generated workflows, cold process, 1 thread (per core)`, perSecond(one.files, one.cold.cpuMs), 'files/s', {
        goal: { op: '>=', target: 1300 },
        detail: { coldCpuMs: rounded(one.cold.cpuMs), coldWallMs: rounded(one.cold.wallMs), warmFilesPerSecond: rounded(perSecond(one.files, one.warm.cpuMs)), linterImportMs: rounded(one.load.wallMs) },
        limit: floors,
      }),
    ];
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
