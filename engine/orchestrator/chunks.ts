/**
 * A forEach over more items than the chunk size runs as child `sluice` orchestrations in fragment mode,
 * one per chunk of items, so each history stays bounded (10,000 items: 10 children of 1,000 plus 20
 * events in the parent). With a concurrency bound the chunks run one after the other, each with the
 * bound as its window, so the bound holds for the whole list; without one they all run at once.
 */
import type { Task } from 'durable-functions';
import type { PlanStep } from '../plan/model';
import type { FragmentInput, RunInput } from '../plan/run-input';
import type { ForEachBody } from '../steps/forEach/orchestrate';
import { childError, StepFailure } from './failure';
import type { Flow } from './kind';
import type { Run, StepRecord } from './run';
import type { Scope } from './scope';

/** What a fragment orchestration returns. */
export interface FragmentResult {
  outputs: unknown[];
  records: StepRecord[];
}

/** Runs the forEach `step` over `items` as chunked child orchestrations; returns outputs in item order. */
export function* runChunks(run: Run, step: PlanStep<ForEachBody>, scope: Scope, path: string, items: unknown[]): Flow<unknown[]> {
  const starts: Task[] = [];
  const chunkCount = Math.ceil(items.length / run.chunkSize);
  const { steps: outputsByStep, ...vars } = scope;
  delete vars.input;
  delete vars.run;
  for (let chunk = 0; chunk < chunkCount; chunk++) {
    const offset = chunk * run.chunkSize;
    const fragment: FragmentInput = {
      step: step.path,
      path,
      items: items.slice(offset, offset + run.chunkSize),
      offset,
      scope: { steps: outputsByStep, vars },
      run: run.info,
    };
    const input: RunInput = { ...run.input, fragment, record: false };
    starts.push(run.df.callSubOrchestrator('sluice', input, `${run.ref.id}:${path}:chunk${chunk}`));
  }
  const results: FragmentResult[] = [];
  if (step.body.concurrency === undefined) {
    try {
      yield run.df.Task.all(starts);
    } catch {
      // Task.all fails fast: the chunk that failed first is the one reported.
    }
    const failed = starts.find((task) => task.isFaulted);
    if (failed) settledChunk(failed, path);
    for (const task of starts) results.push(settledChunk(task, path));
  } else {
    for (const task of starts) {
      try {
        yield task;
      } catch {
        // Read by settledChunk.
      }
      results.push(settledChunk(task, path));
    }
  }
  const outputs: unknown[] = [];
  for (const result of results) {
    for (const output of result.outputs) outputs.push(output);
    run.records.push(...result.records);
  }
  return outputs;
}

function settledChunk(task: Task, path: string): FragmentResult {
  if (!task.isFaulted && task.isCompleted) return task.result as FragmentResult;
  if (!task.isFaulted) throw new StepFailure({ name: 'ActivityError', message: 'a chunk did not finish', retryable: false }, path);
  const message = (task.result as Error | undefined)?.message;
  const child = childError(message);
  if (!child) throw new StepFailure({ name: 'ActivityError', message: message ?? 'a chunk failed', retryable: false }, path);
  throw new StepFailure({ ...child.error, retryable: false }, child.step ?? path);
}
