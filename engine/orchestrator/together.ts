/**
 * Concurrency inside one orchestration: `parallel` children and `forEach` iterations run as fibers
 * (generators that yield Durable tasks), interleaved by this scheduler.
 *
 * The protocol rule that shapes it (docs/orchestrator.md, durable-protocol §5): a Task.any/Task.all may
 * only contain tasks that were never yielded before. Re-yielding an already scheduled task inside a new
 * compound repeats its action and the Durable extension would schedule it a second time. Re-yielding a
 * single scheduled task on its own is safe. So each wait is one of:
 *   - the fresh tasks of the fibers that just advanced, as one compound: Task.all when they are all the
 *     work there is and every one is an activity call (bare or raced with its timeout timer): the same
 *     actions as a hand-written fan-out, and one resume instead of one per completion; else Task.any.
 *     Activities report failures as results (StepActivityResult), so Task.all waits for the whole wave:
 *     a failed activity's retry starts when its wave has finished. That is why waves holding event
 *     waits, timers or sub-orchestrations (which may take days) use Task.any;
 *   - when nothing is fresh, the oldest scheduled task alone.
 * After each wait every fiber whose task has settled is resumed, in fiber order (deterministic), and
 * freed window slots are refilled.
 *
 * Version 4 (`exact`): a wait covers every unfinished task, the fresh ones and those already scheduled,
 * through race.ts (which sends the actions of the fresh ones only: the same actions as above). So a slow
 * task holds back nothing: whichever task settles first resumes its fiber and refills its slot, a true
 * sliding window. Event waits scheduled earlier cannot join (race.ts); while other tasks are pending
 * they are harvested with them, and when only they remain the oldest is waited on alone.
 */
import type { DurableOrchestrationContext, Task } from 'durable-functions';
import type { Flow } from './kind';
import { firstOf, raceable } from './race';
import { Continuation, StepCall } from './step-call';

// A fiber is a generator, or (a bare activity step's first attempt) a StepCall until its task settles.
interface Fiber {
  index: number;
  flow: Flow<unknown> | undefined;
  call: StepCall | undefined;
  task?: Task;
  done: boolean;
}

/** Internal SDK fields this scheduler reads (stable across durable-functions 3.x). */
interface TaskInternals {
  alreadyScheduled?: boolean;
  children?: TaskInternals[];
  actionObj?: { actionType?: number };
}

const CALL_ACTIVITY = 0;
const CREATE_TIMER = 5;
const WAIT_FOR_EXTERNAL_EVENT = 6;
const WHEN_ANY = 11;

/**
 * Runs `count` flows with at most `window` in flight; returns outputs in index order; fails fast. `start`
 * may give a StepCall instead of a flow; `resume` (sequence.ts resumeCall) finishes it once its task settled.
 */
export function* together(
  df: DurableOrchestrationContext,
  count: number,
  start: (index: number) => Flow<unknown> | StepCall,
  resume: (call: StepCall) => unknown,
  window = Number.POSITIVE_INFINITY,
  exact = false,
): Flow<unknown[]> {
  const outputs: unknown[] = new Array(count).fill(null);
  let live: Fiber[] = [];
  let next = 0;
  let failure: { error: unknown } | undefined;

  // Resumes a StepCall fiber whose task settled: done, or a generator from now on (retries).
  const resumeCall = (fiber: Fiber): boolean => {
    let after: unknown;
    try {
      after = resume(fiber.call!);
    } catch (error) {
      fiber.done = true;
      failure ??= { error };
      return false;
    }
    fiber.call = undefined;
    if (after instanceof Continuation) {
      fiber.flow = after.flow;
      return true;
    }
    outputs[fiber.index] = after;
    fiber.done = true;
    return false;
  };
  const advance = (fiber: Fiber, value: unknown, isError: boolean): void => {
    if (fiber.call && !resumeCall(fiber)) return;
    const flow = fiber.flow!;
    for (;;) {
      let step: IteratorResult<Task, unknown>;
      try {
        step = isError ? flow.throw(value) : flow.next(value);
      } catch (error) {
        fiber.done = true;
        failure ??= { error };
        return;
      }
      if (step.done) {
        outputs[fiber.index] = step.value;
        fiber.done = true;
        return;
      }
      const task = step.value;
      // The SDK resumes at once on a task that already has its result; so do we.
      if (!settled(task)) {
        fiber.task = task;
        return;
      }
      value = task.result;
      isError = task.isFaulted;
    }
  };
  const refill = (): void => {
    while (!failure && next < count && live.length < window) {
      const started = start(next);
      // Every field set here: a field added later would cost each fiber a separate property store.
      const fiber: Fiber =
        started instanceof StepCall
          ? { index: next, flow: undefined, call: started, task: started.task, done: false }
          : { index: next, flow: started, call: undefined, task: undefined, done: false };
      next += 1;
      live.push(fiber);
      // A StepCall's task that already has its result is resumed at once, as a generator's would be.
      if (!fiber.call) advance(fiber, undefined, false);
      else if (settled(fiber.task!)) {
        fiber.task = undefined;
        advance(fiber, undefined, false);
      }
      // A fiber that finished without waiting is the last one in `live`: drop it without a scan.
      if (fiber.done) live.pop();
    }
  };

  refill();
  while (!failure && live.length > 0) {
    const fresh: Task[] = [];
    for (const fiber of live) if (!scheduled(fiber.task!)) fresh.push(fiber.task!);
    let wait: Task;
    if (exact && fresh.length < live.length) wait = everyPending(df, live);
    else if (fresh.length === 1) wait = fresh[0];
    else if (fresh.length > 1) wait = fresh.length === live.length && next >= count && fresh.every(isActivityCall) ? df.Task.all(fresh) : df.Task.any(fresh);
    else wait = oldestToReyield(live);
    try {
      yield wait;
    } catch {
      // Failures are read from each fiber's own task below.
    }
    for (const fiber of live) {
      const task = fiber.task!;
      if (!settled(task)) continue;
      fiber.task = undefined;
      advance(fiber, task.result, task.isFaulted);
      if (failure) break;
    }
    live = live.filter((fiber) => !fiber.done);
    refill();
  }
  if (failure) throw failure.error;
  return outputs;
}

// Version 4: the first of every pending task (race.ts); the oldest event wait alone when only those remain.
function everyPending(df: DurableOrchestrationContext, live: Fiber[]): Task {
  const pending: Task[] = [];
  for (const fiber of live) if (raceable(fiber.task!)) pending.push(fiber.task!);
  return pending.length > 0 ? firstOf(df, pending) : oldestToReyield(live);
}

function settled(task: Task): boolean {
  return task.isCompleted || task.isFaulted;
}

function scheduled(task: Task): boolean {
  return (task as unknown as TaskInternals).alreadyScheduled === true;
}

// Re-yielding a task that waits for an external event makes the SDK track that wait twice (it keeps a
// list per event name), which could let a later event of the same name be consumed by the stale entry.
// Prefer any other task; fall back to the oldest when only event waits remain.
function oldestToReyield(live: Fiber[]): Task {
  for (const fiber of live) if (!waitsForEvent(fiber.task as unknown as TaskInternals)) return fiber.task!;
  return live[0].task!;
}

// An activity, or an activity raced with its timeout timer (orchestrator/call.ts settle()).
function isActivityCall(task: Task): boolean {
  const internals = task as unknown as TaskInternals;
  if (!internals.children) return internals.actionObj?.actionType === CALL_ACTIVITY;
  return (
    internals.actionObj?.actionType === WHEN_ANY &&
    internals.children.some((child) => child.actionObj?.actionType === CALL_ACTIVITY) &&
    internals.children.every((child) => child.actionObj?.actionType === CALL_ACTIVITY || child.actionObj?.actionType === CREATE_TIMER)
  );
}

function waitsForEvent(task: TaskInternals): boolean {
  if (task.children) return task.children.some(waitsForEvent);
  return task.actionObj?.actionType === WAIT_FOR_EXTERNAL_EVENT;
}
