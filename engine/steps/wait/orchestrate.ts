/**
 * `wait`: a duration or `{ until }`. Timers beyond the host's `maximumShortTimerDuration` are split by
 * the SDK itself (replay schema V3: a LongTimerTask of sub-timers), so one createTimer suffices here.
 */
import { compileValue, type CompiledValue } from '../../expressions';
import { compileDuration, durationMs, type DurationPlan } from '../../plan/duration';
import { evaluateIn } from '../../orchestrator/evaluate';
import { StepFailure } from '../../orchestrator/failure';
import type { StepKind } from '../../orchestrator/kind';
import { nowMs } from '../../orchestrator/run';

type WaitBody = { duration: DurationPlan } | { until: CompiledValue };

/** The wait step kind; output null. */
export const wait: StepKind<WaitBody> = {
  kind: 'wait',
  io: false,
  compile: (step, compiler) =>
    typeof step.wait === 'object' ? { until: compileValue(step.wait.until) } : { duration: compileDuration(step.wait!, compiler.path) },
  *orchestrate(step, scope, run, path) {
    let fireAt: number;
    if ('duration' in step.body) {
      try {
        fireAt = nowMs(run) + durationMs(step.body.duration, scope);
      } catch (error) {
        throw new StepFailure({ name: 'ExpressionError', message: (error as Error).message, retryable: false }, path);
      }
    } else {
      const until = evaluateIn(step.body.until, scope, path);
      fireAt = typeof until === 'string' || typeof until === 'number' ? new Date(until).getTime() : Number.NaN;
      if (Number.isNaN(fireAt)) {
        throw new StepFailure({ name: 'ValidationError', message: `\`until\` yielded ${JSON.stringify(until)}, not a timestamp`, retryable: false }, path);
      }
    }
    // A moment already past still takes a timer: it fires at once and keeps the actions the same on replay.
    const timer = run.df.createTimer(new Date(Math.max(fireAt, nowMs(run))));
    run.waiting?.(path, { kind: 'wait', until: fireAt });
    try {
      yield timer;
    } finally {
      run.waiting?.(path); // also when a deadline drops this flow
    }
    return null;
  },
};
