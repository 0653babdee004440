/**
 * `waitForEvent`: waits for an external event raised on the run. With a timeout it races the event with
 * a timer and cancels the timer when the event wins; on timeout it outputs `default`, or fails with
 * `Timeout` when there is none.
 */
import { compileValue, type CompiledValue } from '../../expressions';
import { compileDuration, durationMs, type DurationPlan } from '../../plan/duration';
import { evaluateIn } from '../../orchestrator/evaluate';
import { StepFailure } from '../../orchestrator/failure';
import type { StepKind } from '../../orchestrator/kind';
import { nowMs } from '../../orchestrator/run';

interface WaitForEventBody {
  name: CompiledValue;
  timeout?: DurationPlan;
  default?: CompiledValue;
}

/** The waitForEvent step kind. */
export const waitForEvent: StepKind<WaitForEventBody> = {
  kind: 'waitForEvent',
  io: false,
  compile: (step, compiler) => {
    const body = step.waitForEvent!;
    return {
      name: compileValue(body.name),
      timeout: body.timeout === undefined ? undefined : compileDuration(body.timeout, `${compiler.path}.timeout`),
      default: 'default' in body ? compileValue(body.default ?? null) : undefined,
    };
  },
  *orchestrate(step, scope, run, path) {
    const name = String(evaluateIn(step.body.name, scope, path));
    const event = run.df.waitForExternalEvent(name);
    if (!step.body.timeout) {
      run.waiting?.(path, { kind: 'waitForEvent', event: name });
      try {
        return yield event;
      } finally {
        run.waiting?.(path); // also when a deadline drops this flow
      }
    }
    let timeoutMs: number;
    try {
      timeoutMs = durationMs(step.body.timeout, scope);
    } catch (error) {
      throw new StepFailure({ name: 'ExpressionError', message: (error as Error).message, retryable: false }, path);
    }
    const timer = run.df.createTimer(new Date(nowMs(run) + timeoutMs));
    run.waiting?.(path, { kind: 'waitForEvent', event: name, until: nowMs(run) + timeoutMs });
    try {
      yield run.df.Task.any([event, timer]);
    } finally {
      run.waiting?.(path);
    }
    if (event.isCompleted) {
      if (!timer.isCompleted) timer.cancel();
      return event.result ?? null;
    }
    if (step.body.default !== undefined) return evaluateIn(step.body.default, scope, path);
    throw new StepFailure({ name: 'Timeout', message: `no \`${name}\` event within ${timeoutMs} ms`, retryable: false }, path);
  },
};
