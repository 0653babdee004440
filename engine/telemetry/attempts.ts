/**
 * What each execution of a step activity tells the operator: log lines (attempt started, retrying,
 * failed, degraded), its span (real start and end, a child of the step's span) and metrics (retries, AI
 * tokens). An activity executes once per attempt, so nothing here repeats on replay.
 */
import type { StepActivityInput, StepActivityResult } from '../activities/contract';
import { spanIdOf, traceIdOf } from './ids';
import { log } from './log';
import { emitSpans, sluiceMetrics } from './otel';

type StepActivity = (input: StepActivityInput) => Promise<StepActivityResult>;

/** Wraps a step activity so each attempt logs, traces and counts itself. */
export function observedActivity(kind: string, activity: StepActivity, now: () => number = Date.now): StepActivity {
  return async (input) => {
    const { run, stepPath: step, attempt } = input;
    const fields = { runId: run.id, workflow: run.workflow, step, attempt, kind };
    const startMs = now();
    if (attempt > 1) {
      log('info', 'step retrying', fields);
      sluiceMetrics()?.retries.add(1, { workflow: run.workflow, kind });
    }
    log('debug', 'step attempt started', fields);
    let result: StepActivityResult | undefined;
    let thrown: unknown;
    try {
      result = await activity(input);
    } catch (error) {
      thrown = error;
    }
    const endMs = now();
    const error = thrown !== undefined ? { name: 'ActivityError', message: (thrown as Error)?.message ?? String(thrown), retryable: true } : result && !result.ok ? result.error : undefined;
    if (error) log(error.retryable ? 'warn' : 'error', 'step attempt failed', { ...fields, error: { name: error.name, message: error.message }, retryable: error.retryable, durationMs: endMs - startMs });
    else if (result?.ok && result.degraded) log('warn', 'step degraded', { ...fields, reason: result.degraded.reason });
    else log('debug', 'step attempt completed', { ...fields, durationMs: endMs - startMs });
    const usage = result?.ok ? result.usage : undefined;
    if (usage) {
      const metrics = sluiceMetrics();
      const base = { workflow: run.workflow, model: usage.model };
      metrics?.aiTokens.add(usage.promptTokens, { ...base, type: 'prompt' });
      metrics?.aiTokens.add(usage.outputTokens, { ...base, type: 'output' });
    }
    emitSpans([
      {
        name: `${kind} ${step} #${attempt}`,
        traceId: traceIdOf(run.id, run.traceparent),
        spanId: spanIdOf(run.id, step, attempt),
        parentSpanId: spanIdOf(run.id, step),
        startMs,
        endMs,
        kind: kind === 'http' || kind === 'ai' || kind === 'queue' || kind === 'cosmos' ? 'client' : 'internal',
        ...(error ? { error: `${error.name}: ${error.message}` } : {}),
        attributes: {
          'sluice.run.id': run.id,
          'sluice.workflow': run.workflow,
          'sluice.step.path': step,
          'sluice.step.kind': kind,
          'sluice.attempt': attempt,
          'sluice.attempt.status': error ? 'Failed' : result?.ok && result.degraded ? 'Degraded' : 'Completed',
          ...(error ? { 'error.type': error.name, 'sluice.error.retryable': error.retryable } : {}),
          ...(result?.ok && result.degraded ? { 'sluice.degraded.reason': result.degraded.reason } : {}),
          ...(usage
            ? { 'gen_ai.request.model': usage.model, 'gen_ai.usage.input_tokens': usage.promptTokens, 'gen_ai.usage.output_tokens': usage.outputTokens, 'sluice.ai.total_tokens': usage.totalTokens }
            : {}),
        },
      },
    ]);
    if (thrown !== undefined) throw thrown;
    return result!;
  };
}
