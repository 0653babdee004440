/**
 * The leaf of every I/O step: one activity call (`sluice.<kind>`) with the step's evaluated config,
 * raced with a timer when the step has a timeout.
 */
import type { Task, TimerTask } from 'durable-functions';
import { activityNameOf, type StepActivityInput, type StepActivityResult, type StepError } from '../activities/contract';
import { durationMs } from '../plan/duration';
import type { PlanStep } from '../plan/model';
import { failureOf, StepFailure } from './failure';
import type { Flow } from './kind';
import { nowMs, type Run } from './run';
import type { Scope } from './scope';
import type { ActivityCall } from './secret-sites';

/** Runs one attempt of an I/O step through its activity; returns the output or throws a StepFailure. */
export function* callStepActivity(run: Run, step: PlanStep, scope: Scope, path: string, attempt: number, kind: string, call: ActivityCall): Flow<unknown> {
  const timeoutMs = stepTimeoutMs(step, scope, path);
  let task = scheduleStepActivity(run, kind, path, attempt, call, timeoutMs);
  if (timeoutMs === undefined) {
    // settle() without a timer, inline: this runs once per step on every replay.
    try {
      yield task;
    } catch {
      // Read below through task.isFaulted.
    }
  } else {
    task = yield* run.settle(task, timeoutMs, path);
  }
  return stepActivityOutput(run, task, path, kind);
}

/**
 * Creates (does not yet yield) the activity call of one attempt of an I/O step. The secret sites travel
 * beside the config for every interpreter version: Durable matches scheduled tasks by id and name,
 * never by input, so runs in flight replay unchanged and their later calls resolve secrets too.
 */
export function scheduleStepActivity(run: Run, kind: string, path: string, attempt: number, call: ActivityCall, timeoutMs?: number): Task {
  const input: StepActivityInput = { run: run.ref, stepPath: path, attempt, config: call.config };
  if (call.secrets !== undefined) input.secrets = call.secrets;
  if (timeoutMs !== undefined) input.timeoutMs = timeoutMs;
  return run.df.callActivity(activityNameOf(kind), input);
}

/** The output of a settled step activity call, or the StepFailure it reports. */
export function stepActivityOutput(run: Run, task: Task, path: string, kind: string): unknown {
  const outcome = stepActivityOutcome(run, task, path, kind);
  if (outcome instanceof ReportedFailure) throw new StepFailure(outcome.error, path);
  if (outcome instanceof StepFailure) throw outcome;
  return outcome;
}

/**
 * A failure an activity reported in its result, as a value: the error is all a retry needs, and a retried
 * failure (far more common than one that ends a step) then costs neither an Error nor a throw.
 */
export class ReportedFailure {
  constructor(readonly error: StepError) {}
}

/** The output of a settled step activity call, or (never thrown) the failure it reports. */
export function stepActivityOutcome(run: Run, task: Task, path: string, kind: string): unknown {
  if (task.isFaulted) return failureOf(task.result, path, 'ActivityError');
  const result = task.result as StepActivityResult;
  if (!result || typeof result !== 'object' || !('ok' in result)) {
    return new StepFailure({ name: 'ActivityError', message: `activity ${activityNameOf(kind)} returned no result`, retryable: false }, path);
  }
  if (!result.ok) return new ReportedFailure(result.error);
  if (result.usage) run.aiTokens = (run.aiTokens ?? 0) + result.usage.totalTokens;
  if (result.degraded) run.degraded.set(path, result.degraded.reason);
  return result.output;
}

/** The step's timeout in milliseconds (expressions evaluated), if it has one. */
export function stepTimeoutMs(step: PlanStep, scope: Scope, path: string): number | undefined {
  if (!step.timeout) return undefined;
  try {
    return durationMs(step.timeout, scope);
  } catch (error) {
    throw new StepFailure({ name: 'ExpressionError', message: (error as Error).message, retryable: false }, path);
  }
}

/**
 * Awaits `task`, or races it with a timer. The timer is cancelled when the task wins; when the timer
 * wins the step fails with a retryable `Timeout` and the task's late result is ignored. When both have
 * settled by the time this flow resumes (possible inside `together`), the task's result wins.
 */
export function* settle(run: Run, task: Task, timeoutMs: number | undefined, path: string): Flow<Task> {
  if (timeoutMs === undefined) {
    try {
      yield task;
    } catch {
      // The caller reads task.isFaulted.
    }
    return task;
  }
  const timer: TimerTask = run.df.createTimer(new Date(nowMs(run) + timeoutMs));
  yield run.df.Task.any([task, timer]);
  if (!task.isCompleted && !task.isFaulted) {
    throw new StepFailure({ name: 'Timeout', message: `step \`${path}\` did not finish within ${timeoutMs} ms`, retryable: true }, path);
  }
  if (!timer.isCompleted) timer.cancel();
  return task;
}
