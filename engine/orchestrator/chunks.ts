/**
 * forEach work that runs in child `sluice` orchestrations (fragment mode), so histories stay bounded
 * and a concurrency bound is a true sliding window:
 * - chunks: a list longer than the chunk size is cut into contiguous chunks of at most that size, each
 *   a child (10,000 items: 10 children, 20 events in the parent). Without a bound they all run at
 *   once; with one they run one after the other, each keeping the bound inside.
 * - lanes: a bounded forEach over more items than its bound runs N children, lane k taking items
 *   k, k+N, k+2N… one after the other. Each lane moves on as soon as its item is done, so N stay in
 *   flight (no batches), which one orchestration cannot do: it would have to wait on a mix of fresh and
 *   already scheduled tasks (see together.ts).
 */
import type { Task } from 'durable-functions';
import type { PlanStep } from '../plan/model';
import type { FragmentInput, RunInput } from '../plan/run-input';
import type { ForEachBody } from '../steps/forEach/orchestrate';
import { childError, StepFailure } from './failure';
import type { Flow } from './kind';
import type { Run, StepRecord } from './run';
import { pick, scopeNeeds } from './fragment-scope';
import type { Scope } from './scope';

/** What a fragment orchestration returns. */
export interface FragmentResult {
  outputs: unknown[];
  records: StepRecord[];
  /** For a `step` fragment: the outputs of the steps inside it, visible to later steps of the run. */
  steps?: Record<string, { output: unknown }>;
}

/** A fragment's step record in this run's execution order: numbered as it arrives (a fragment's own numbers are not sent). */
export function renumbered(run: Run, record: StepRecord): StepRecord {
  return { ...record, seq: run.started++ };
}

/** Runs `items` of the forEach `step` as chunks; returns outputs in item order. */
export function* runChunks(run: Run, step: PlanStep<ForEachBody>, scope: Scope, path: string, items: unknown[]): Flow<unknown[]> {
  const starts: Task[] = [];
  for (let offset = 0, chunk = 0; offset < items.length; offset += run.chunkSize, chunk++) {
    const fragment = fragmentOf(run, step, scope, path, 'chunk', items.slice(offset, offset + run.chunkSize), offset, 1);
    starts.push(startFragment(run, fragment, `${run.ref.id}:${path}:chunk${chunk}`));
  }
  const results = step.body.concurrency === undefined ? yield* allAtOnce(starts, run, path) : yield* oneAfterAnother(starts, path);
  const outputs: unknown[] = [];
  for (const result of results) {
    for (const output of result.outputs) outputs.push(output);
    for (const record of result.records) run.records.push(renumbered(run, record));
  }
  return outputs;
}

/** Runs `items` (the first at index `offset`) in `lanes` lanes; returns outputs in item order. */
export function* runLanes(run: Run, step: PlanStep<ForEachBody>, scope: Scope, path: string, items: unknown[], offset: number, lanes: number): Flow<unknown[]> {
  const starts: Task[] = [];
  for (let lane = 0; lane < lanes; lane++) {
    const laneItems: unknown[] = [];
    for (let i = lane; i < items.length; i += lanes) laneItems.push(items[i]);
    const fragment = fragmentOf(run, step, scope, path, 'lane', laneItems, offset + lane, lanes);
    // Named by the index of the lane's first item: unique across the chunks of one forEach.
    starts.push(startFragment(run, fragment, `${run.ref.id}:${path}:lane${offset + lane}`));
  }
  const results = yield* allAtOnce(starts, run, path);
  const outputs: unknown[] = new Array(items.length);
  results.forEach((result, lane) => {
    result.outputs.forEach((output, j) => (outputs[lane + j * lanes] = output));
    for (const record of result.records) run.records.push(renumbered(run, record));
  });
  return outputs;
}

/**
 * Version 4: a bounded forEach over more items than its bound. The items are cut into batches (one item
 * each for up to BATCHES_PER_SLOT × the bound items, at most MAX_BATCHES batches unless the bound is
 * larger; larger batches beyond, so the run holds a bounded number of children in its history); each batch is a child that runs its items one after the other, and the run
 * keeps `window` batches in flight in a true sliding window (together.ts), refilling a slot the moment
 * its batch is done. So at most `window` items run at once, and a slow item holds back only the items
 * of its own batch (none while batches are single items), never every Nth item after it.
 */
export function* runBatches(run: Run, step: PlanStep<ForEachBody>, scope: Scope, path: string, items: unknown[], offset: number, window: number): Flow<unknown[]> {
  const size = Math.max(1, Math.ceil(items.length / Math.max(window, Math.min(MAX_BATCHES, window * BATCHES_PER_SLOT))));
  const count = Math.ceil(items.length / size);
  const results = (yield* run.together(count, (batch) => runBatch(run, step, scope, path, items, offset, size, batch), window)) as FragmentResult[];
  const outputs: unknown[] = [];
  for (const result of results) {
    for (const output of result.outputs) outputs.push(output);
    for (const record of result.records) run.records.push(renumbered(run, record));
  }
  return outputs;
}

/**
 * Batches per window slot, at most, and batches per forEach (chunk), at most, unless the bound itself is
 * larger: what bounds the run's history (about 4 events a batch) and the work of its replays, which
 * restart every batch's fiber (so that work grows with the square of the batch count).
 */
export const BATCHES_PER_SLOT = 4;
export const MAX_BATCHES = 100;

function* runBatch(run: Run, step: PlanStep, scope: Scope, path: string, items: unknown[], offset: number, size: number, batch: number): Flow<FragmentResult> {
  const start = batch * size;
  const fragment = fragmentOf(run, step, scope, path, 'lane', items.slice(start, start + size), offset + start, 1);
  // Named by the index of the batch's first item: unique across the chunks of one forEach.
  const task = startFragment(run, fragment, `${run.ref.id}:${path}:batch${offset + start}`);
  try {
    yield task;
  } catch {
    // Read through task.isFaulted.
  }
  if (task.isFaulted) throw fragmentFailure(task, path);
  return task.result as FragmentResult;
}

/** The input of a fragment of `step` run at `path` in `scope`. */
export function fragmentOf(run: Run, step: PlanStep, scope: Scope, path: string, kind: FragmentInput['kind'], items: unknown[], offset: number, stride: number): FragmentInput {
  const { steps, input: _input, run: _run, ...vars } = scope;
  // Version 3: earlier step outputs only as far as the fragment's steps read them.
  const carried = run.input.interpreterVersion >= 3 ? pick(steps, scopeNeeds(step, kind).steps) : steps;
  return { kind, step: step.path, path, items, offset, stride, scope: { steps: carried, vars }, run: run.info };
}

/** Creates (does not yet yield) the child orchestration of a fragment. */
export function startFragment(run: Run, fragment: FragmentInput, instanceId: string): Task {
  const step = run.input.interpreterVersion >= 3 ? run.plan.byPath.get(fragment.step) : undefined;
  // Version 3: the run input only as far as the fragment's steps read it.
  const input: RunInput = { ...run.input, ...(step ? { input: pick(run.input.input, scopeNeeds(step, fragment.kind).input) } : {}), fragment, record: false };
  // Version 4: the child holds to the deadline it was started under (deadline.ts).
  if (run.deadline !== undefined) input.deadline = run.deadline;
  else delete input.deadline;
  return run.df.callSubOrchestrator('sluice', input, instanceId);
}

function* allAtOnce(starts: Task[], run: Run, path: string): Flow<FragmentResult[]> {
  try {
    yield run.df.Task.all(starts);
  } catch {
    // Task.all fails fast: the fragment that failed first is the one reported.
  }
  const failed = starts.find((task) => task.isFaulted);
  if (failed) throw fragmentFailure(failed, path);
  return starts.map((task) => task.result as FragmentResult);
}

function* oneAfterAnother(starts: Task[], path: string): Flow<FragmentResult[]> {
  const results: FragmentResult[] = [];
  for (const task of starts) {
    try {
      yield task;
    } catch {
      throw fragmentFailure(task, path);
    }
    results.push(task.result as FragmentResult);
  }
  return results;
}

/** The StepFailure a failed fragment stands for (its JSON error, else an ActivityError). */
export function fragmentFailure(task: Task, path: string): StepFailure {
  const message = (task.result as Error | undefined)?.message;
  const child = childError(message);
  if (!child) return new StepFailure({ name: 'ActivityError', message: message ?? 'a forEach fragment failed', retryable: false }, path);
  return new StepFailure({ ...child.error, retryable: false }, child.step ?? path);
}
