/**
 * What the two run-recording activities tell the operator: `sluice.run.started` logs the start;
 * `sluice.run.finished` logs the end (and each degraded step and the dead letter), counts the run, and
 * emits the run's span and one span per step, built from the orchestrator's step records and the
 * attempts in run history, with their own times. Recording activities may execute again (at least
 * once): a run already final in history is not reported twice.
 */
import type { AiUsage } from '../activities/contract';
import type { RunFinishedInput, RunStartedInput, StepSummary } from '../history/recording';
import { isFinalRunStatus, type Run, type Step } from '../history/model';
import type { RunHistoryStore } from '../history/store';
import { runTraceOf, spanIdOf } from './ids';
import { log } from './log';
import { emitSpans, sluiceMetrics, type SpanRecord } from './otel';

type RecordingActivity<T> = (input: T) => Promise<null>;

/** The run-finished input as the orchestrator may send it from version 4 on (its trace parent, when it has one). */
export type ObservedFinish = RunFinishedInput & { traceparent?: string };

/** Wraps `sluice.run.started`: logs the start once per process. */
export function observedRunStarted(activity: RecordingActivity<RunStartedInput>): RecordingActivity<RunStartedInput> {
  const logged = new Set<string>();
  return async (run) => {
    const result = await activity(run);
    if (!logged.has(run.id)) {
      if (logged.size > 10_000) logged.clear();
      logged.add(run.id);
      log('info', 'run started', { runId: run.id, workflow: run.workflow, trigger: run.trigger.kind, ...(run.parentRunId ? { parentRunId: run.parentRunId } : {}) });
    }
    return result;
  };
}

/** Wraps `sluice.run.finished`: logs, metrics, spans and the run's AI token total, once per run. */
export function observedRunFinished(store: () => Promise<RunHistoryStore>, activity: RecordingActivity<RunFinishedInput>): RecordingActivity<ObservedFinish> {
  return async (end) => {
    const before = await readRun(store, end.id);
    const result = await activity(end);
    // Another execution of this activity already reported the run (history holds its final status).
    if (before && isFinalRunStatus(before.status)) return result;
    const workflow = before?.workflow ?? '?';
    const steps = mergedSteps(before?.steps ?? [], end.steps ?? []);
    const aiUsage = totalUsage(steps);
    if (aiUsage) await store().then((history) => history.upsertRun({ id: end.id, aiUsage } as never)).catch(() => undefined);
    report(end, workflow, steps, aiUsage);
    emitSpans(spansOf(end, before, workflow, steps));
    return result;
  };
}

async function readRun(store: () => Promise<RunHistoryStore>, id: string): Promise<Run | undefined> {
  try {
    return await (await store()).getRun(id);
  } catch {
    return undefined;
  }
}

type StepView = Pick<Step, 'path' | 'kind' | 'status' | 'startedAt' | 'endedAt'> & {
  degraded?: { reason: string } | null;
  error?: { name: string; message: string } | null;
  attempts: Array<{ attempt: number; usage?: AiUsage }>;
  /** Whether the orchestrator's record names this step (its word on status is the last). */
  summarised: boolean;
};

// The steps as history holds them (activities recorded every attempt, also inside forEach iterations),
// with the orchestrator's summaries laid over them (not yet read back: this runs beside the write).
function mergedSteps(stored: readonly Step[], summaries: readonly StepSummary[]): StepView[] {
  const byPath = new Map<string, StepView>();
  for (const step of stored) {
    byPath.set(step.path, { ...step, attempts: (step.attempts ?? []) as StepView['attempts'], summarised: false } as StepView);
  }
  for (const summary of summaries) {
    const known = byPath.get(summary.path);
    byPath.set(summary.path, {
      ...(known ?? { attempts: [] }),
      path: summary.path,
      kind: summary.kind,
      status: summary.status ?? known?.status ?? 'Completed',
      startedAt: summary.startedAt ?? known?.startedAt,
      endedAt: summary.endedAt ?? known?.endedAt,
      degraded: summary.degraded ?? known?.degraded ?? null,
      error: (summary.error as StepView['error']) ?? known?.error ?? null,
      summarised: true,
    });
  }
  return [...byPath.values()];
}

function totalUsage(steps: readonly StepView[]): { promptTokens: number; outputTokens: number; totalTokens: number } | undefined {
  let found = false;
  const total = { promptTokens: 0, outputTokens: 0, totalTokens: 0 };
  for (const step of steps) {
    for (const attempt of step.attempts) {
      if (!attempt.usage) continue;
      found = true;
      total.promptTokens += attempt.usage.promptTokens;
      total.outputTokens += attempt.usage.outputTokens;
      total.totalTokens += attempt.usage.totalTokens;
    }
  }
  return found ? total : undefined;
}

function report(end: ObservedFinish, workflow: string, steps: readonly StepView[], aiUsage: { totalTokens: number } | undefined): void {
  const metrics = sluiceMetrics();
  const failed = end.status !== 'Completed';
  for (const step of steps) {
    if (step.status === 'Degraded' && step.summarised) {
      log('warn', 'step degraded', { runId: end.id, workflow, step: step.path, kind: step.kind, reason: step.degraded?.reason });
      metrics?.degraded.add(1, { workflow, kind: step.kind, reason: reasonClass(step.degraded?.reason) });
    }
    const duration = durationOf(step);
    if (duration !== undefined) metrics?.stepDuration.record(duration, { workflow, kind: step.kind, status: step.status });
  }
  if (end.deadLetter) {
    log('warn', 'dead letter sent', { runId: end.id, workflow, queue: end.deadLetter.queue, messageId: end.deadLetter.messageId ?? undefined, error: end.error ?? undefined });
    metrics?.deadLetters.add(1, { workflow, queue: end.deadLetter.queue });
  }
  log(failed ? 'error' : 'info', 'run finished', {
    runId: end.id,
    workflow,
    status: end.status,
    ...(end.error ? { step: end.error.step ?? undefined, error: { name: end.error.name, message: end.error.message } } : {}),
    ...(aiUsage ? { aiTokens: aiUsage.totalTokens } : {}),
  });
  metrics?.runs.add(1, { workflow, status: end.status });
}

// Metric attributes must stay few: `budget`, else the error name before the colon (`Timeout`, `AiError`…).
function reasonClass(reason: string | undefined): string {
  if (!reason) return 'unknown';
  const colon = reason.indexOf(':');
  return colon < 0 ? reason : reason.slice(0, colon);
}

function durationOf(step: StepView): number | undefined {
  if (!step.startedAt || !step.endedAt) return undefined;
  return Math.max(0, Date.parse(step.endedAt) - Date.parse(step.startedAt));
}

function spansOf(end: ObservedFinish, run: Run | undefined, workflow: string, steps: readonly StepView[]): SpanRecord[] {
  const trace = runTraceOf(end.id, run?.lineage?.parentRunId, end.traceparent);
  const runSpanId = spanIdOf(end.id);
  const endMs = Date.parse(end.endedAt);
  const startMs = run?.startedAt ? Date.parse(run.startedAt) : endMs;
  const paths = new Set(steps.map((step) => step.path));
  const spans: SpanRecord[] = [
    {
      name: `run ${workflow}`,
      traceId: trace.traceId,
      spanId: runSpanId,
      ...(trace.parentSpanId ? { parentSpanId: trace.parentSpanId, parentIsRemote: !run?.lineage?.parentRunId } : {}),
      startMs,
      endMs,
      kind: run?.trigger?.kind === 'http' ? 'server' : 'internal',
      ...(end.status === 'Completed' ? {} : { error: end.error ? `${end.error.name}: ${end.error.message}` : end.status }),
      attributes: {
        'sluice.run.id': end.id,
        'sluice.workflow': workflow,
        'sluice.run.status': end.status,
        ...(run?.trigger?.kind ? { 'sluice.trigger': run.trigger.kind } : {}),
        ...(end.deadLetter ? { 'sluice.dead_letter.queue': end.deadLetter.queue } : {}),
      },
    },
  ];
  for (const step of steps) {
    const parentPath = enclosingStep(step.path, paths);
    const stepStart = step.startedAt ? Date.parse(step.startedAt) : startMs;
    spans.push({
      name: `${step.kind} ${step.path}`,
      traceId: trace.traceId,
      spanId: spanIdOf(end.id, step.path),
      parentSpanId: parentPath === undefined ? runSpanId : spanIdOf(end.id, parentPath),
      startMs: stepStart,
      endMs: step.endedAt ? Date.parse(step.endedAt) : stepStart,
      ...(step.status === 'Failed' ? { error: step.error ? `${step.error.name}: ${step.error.message}` : 'Failed' } : {}),
      attributes: {
        'sluice.run.id': end.id,
        'sluice.workflow': workflow,
        'sluice.step.path': step.path,
        'sluice.step.kind': step.kind,
        'sluice.step.status': step.status,
        'sluice.step.attempts': step.attempts.length,
        ...(step.degraded?.reason ? { 'sluice.degraded.reason': step.degraded.reason } : {}),
        ...(step.error ? { 'error.type': step.error.name } : {}),
      },
    });
  }
  return spans;
}

// The nearest step path that encloses `path` (`a[3].b` → `a[3]` → `a`), skipping iteration and catch
// paths that are not steps themselves.
function enclosingStep(path: string, steps: ReadonlySet<string>): string | undefined {
  let rest = path;
  for (;;) {
    const cut = Math.max(rest.lastIndexOf('.'), rest.lastIndexOf('['));
    if (cut <= 0) return undefined;
    rest = rest.slice(0, cut);
    if (steps.has(rest)) return rest;
  }
}
