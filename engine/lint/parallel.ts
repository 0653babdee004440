/**
 * Linting many files on several threads: the calling thread and `threads - 1` worker threads take
 * batches of files from one shared counter (so a worker that starts late simply takes fewer), each file
 * is linted exactly as `lintText` does, and the cross-file checks run once, here, on the facts each file
 * yields. Few files lint on the calling thread alone: starting a worker costs more than it saves. Every
 * thread keeps only each file's diagnostics and facts: keeping its data and document until the end made
 * the garbage collector copy and promote all of it (a quarter of a cold lint's time on one thread).
 *
 * One lint thread per two cores by default. A cold lint spends most of its time warming up V8 (every
 * thread anew), and V8 compiles optimised code and collects garbage on background threads meanwhile: on
 * 2 cores, 1,000 typical files took 250 ms on one thread and 374 ms on two (bench/results.json, item 5).
 */
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { sortDiagnostics, type Diagnostic } from '../diagnostics/diagnostic';
import { crossFileDiagnostics, factsOf, type CrossFileFacts } from './cross-file';
import { lintText, type LintOptions, type SourceText } from './lint';
import { applySuppressions } from './suppressions';

/** Lint threads by default: one per two cores (see above), at least one. */
export function defaultLintThreads(): number {
  return Math.max(1, Math.floor(availableParallelism() / 2));
}

/** Below this many files a single thread is faster than starting workers. */
export const PARALLEL_THRESHOLD = 100;
/** Files taken from the shared counter at a time. */
const BATCH = 8;

/** What a thread sends back for one file. */
export interface FileResult {
  index: number;
  diagnostics: Diagnostic[];
  facts: CrossFileFacts;
}

/** The work a lint thread is given: every file, the options, and the shared counter of the next file. */
export interface LintThreadData {
  sources: readonly SourceText[];
  options: LintOptions;
  next: SharedArrayBuffer;
  /** The thread says `ready` (its linter loaded) before it takes batches. */
  announce?: boolean;
}

/** Takes batches from the shared counter until none are left; the same loop on every thread. */
export function lintBatches({ sources, options, next }: LintThreadData): FileResult[] {
  const counter = new Int32Array(next);
  const results: FileResult[] = [];
  for (let start = Atomics.add(counter, 0, BATCH); start < sources.length; start = Atomics.add(counter, 0, BATCH)) {
    for (let index = start; index < Math.min(start + BATCH, sources.length); index++) {
      const { file, text } = sources[index];
      const linted = lintText(file, text, options);
      results.push({ index, diagnostics: linted.diagnostics, facts: factsOf(linted.loaded.value, linted.definition, linted.sites, linted.childReads) });
    }
  }
  return results;
}

/** The diagnostics of a parallel lint, and how many files each thread linted (the calling thread first). */
export interface ParallelLint {
  diagnostics: Diagnostic[];
  filesPerThread: number[];
}

/**
 * Lints files together (each file, then the cross-file checks) on up to `threads` threads. With
 * `startTogether` the calling thread waits until every worker has loaded the linter before it takes a
 * batch, so that every thread lints a share whatever the machine's load (tests; slower otherwise).
 */
export async function lintFilesInParallel(
  sources: readonly SourceText[],
  options: LintOptions = {},
  threads: number = defaultLintThreads(),
  { startTogether = false } = {},
): Promise<ParallelLint> {
  const workers = Math.min(Math.max(0, threads - 1), 7, Math.floor(sources.length / PARALLEL_THRESHOLD));
  const data: LintThreadData = { sources, options, next: new SharedArrayBuffer(4), announce: startTogether };
  const threadsStarted = Array.from({ length: workers }, () => runThread(data));
  const started = threadsStarted.map((thread) => thread.results);
  if (startTogether) await Promise.all(threadsStarted.map((thread) => thread.ready));
  const results = lintBatches(data);
  const filesPerThread = [results.length];
  for (const more of await Promise.all(started)) {
    filesPerThread.push(more.length);
    results.push(...more);
  }
  if (results.length !== sources.length) throw new Error(`lint threads returned ${results.length} of ${sources.length} files`);
  results.sort((a, b) => a.index - b.index);
  const all = results.flatMap((result) => result.diagnostics);
  const inputs = results.map(({ index, facts }) => ({ facts, loaded: { file: sources[index].file, text: sources[index].text, value: undefined, diagnostics: [] } }));
  all.push(...crossFileDiagnostics(inputs));
  return { diagnostics: sortDiagnostics(applySuppressions(all, sources)), filesPerThread };
}

// A worker's results, and (when it announces) when it is ready to take batches.
function runThread(data: LintThreadData): { ready: Promise<void>; results: Promise<FileResult[]> } {
  let isReady: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => (isReady = resolve));
  const results = new Promise<FileResult[]>((resolve, reject) => {
    const worker = newLintWorker(data);
    let answer: FileResult[] | undefined;
    worker.on('message', (message: FileResult[] | 'ready') => (message === 'ready' ? isReady() : (answer = message)));
    worker.once('error', reject);
    worker.once('exit', (code) => {
      // A thread that died before saying ready must not keep the caller waiting.
      isReady();
      if (answer) resolve(answer);
      else reject(new Error(`a lint thread exited with code ${code} before answering`));
    });
  });
  return { ready, results };
}

/** The worker entry sits beside this module: compiled JavaScript, or TypeScript run through tsx in a checkout. */
function newLintWorker(workerData: LintThreadData): Worker {
  const entry = path.join(__dirname, `lint-thread${path.extname(__filename)}`);
  if (entry.endsWith('.js')) return new Worker(entry, { workerData });
  const tsx = require.resolve('tsx/cjs');
  return new Worker(`require(${JSON.stringify(tsx)}); require(${JSON.stringify(entry)});`, { eval: true, workerData });
}
