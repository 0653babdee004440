/**
 * Deadlines (interpreter version 4): a workflow's own `timeout`, and a `timeout` on a composite step
 * (group, parallel, forEach, switch) or a waitForEvent step. The flow under a deadline runs in this
 * orchestration, every task it waits on raced with one timer (race.ts); when the timer wins the flow is
 * dropped where it stands, so **none of its work starts afterwards**: its unfinished fibers never resume,
 * and a task it created but had not yet yielded is never sent. Children it started (forEach lanes and
 * chunks, sub-workflows) carry the deadline in their input and hold to it the same way, failing with
 * `Timeout` at it. What cannot be stopped: an activity already running finishes (its result is ignored),
 * as Durable offers no way to cancel one.
 */
import type { Task, TimerTask } from 'durable-functions';
import { StepFailure } from './failure';
import type { Flow } from './kind';
import { firstOf, raceable, settled } from './race';
import { nowMs, type Run } from './run';

/**
 * Runs `flow` until `deadline` (ms since the epoch); past it, throws a `Timeout` StepFailure for `path`.
 * While the flow runs, `run.deadline` is the nearest enclosing deadline, for the children it starts.
 */
export function* withDeadline<T>(run: Run, flow: Flow<T>, deadline: number, path: string, what: string): Flow<T> {
  const outer = run.deadline;
  const nearest = outer === undefined ? deadline : Math.min(outer, deadline);
  let timer: TimerTask | undefined;
  let value: unknown;
  let isError = false;
  for (;;) {
    let step: IteratorResult<Task, T>;
    run.deadline = nearest;
    try {
      step = isError ? flow.throw(value) : flow.next(value);
    } finally {
      run.deadline = outer;
    }
    if (step.done) {
      if (timer && !settled(timer)) timer.cancel();
      return step.value;
    }
    const task: Task = step.value;
    if (!settled(task)) {
      if (nowMs(run) >= deadline) throw timeout(path, what);
      timer ??= run.df.createTimer(new Date(deadline));
      if (raceable(task)) {
        try {
          yield firstOf(run.df, [task, timer]);
        } catch {
          // The task's own state is read below.
        }
      } else {
        // An event wait yielded before cannot join a race (race.ts): wait for it alone.
        try {
          yield task;
        } catch {
          // Read below.
        }
      }
      if (!settled(task)) throw timeout(path, what);
    }
    value = task.result;
    isError = task.isFaulted;
  }
}

/** The deadline `timeoutMs` from now, never later than the enclosing one. */
export function deadlineIn(run: Run, timeoutMs: number): number {
  return nowMs(run) + timeoutMs;
}

function timeout(path: string, what: string): StepFailure {
  return new StepFailure({ name: 'Timeout', message: `${what} did not finish within its timeout`, retryable: true }, path);
}
