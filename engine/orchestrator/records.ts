/**
 * The two run-level bookkeeping activities (`sluice.run.started`, `sluice.run.finished`, defined in
 * engine/history/recording.ts). Recording must never change how a run ends: a failing recording
 * activity is ignored.
 */
import { RUN_FINISHED_ACTIVITY, RUN_STARTED_ACTIVITY } from '../activities/contract';
import type { RunFinishedInput, RunStartedInput, StepSummary } from '../history/recording';
import { capValue, STEP_OUTPUT_CAP_BYTES } from '../history/model';
import type { Flow } from './kind';
import type { Run, StepRecord } from './run';

/** Calls `sluice.run.started` with the run header. */
export function* recordStarted(run: Run): Flow<void> {
  const header: RunStartedInput = {
    id: run.ref.id,
    workflow: run.plan.name,
    definitionHash: run.plan.hash,
    version: run.plan.version ?? null,
    trigger: { kind: run.input.trigger.kind, source: run.input.trigger.source ?? null },
    startedAt: run.info.startedAt,
    input: run.input.input,
    parentRunId: run.input.parent?.runId ?? null,
    redriveOf: run.input.redriveOf ?? null,
    ...(run.input.redrive ? { redrive: run.input.redrive } : {}),
  };
  yield* quietly(run, RUN_STARTED_ACTIVITY, header);
}

/** Calls `sluice.run.finished` with the final status and the step records. */
export function* recordFinished(run: Run, end: Omit<RunFinishedInput, 'id' | 'endedAt' | 'steps'>): Flow<void> {
  const finished: RunFinishedInput = {
    id: run.ref.id,
    endedAt: run.df.currentUtcDateTime.toISOString(),
    ...end,
    steps: run.records.map(summaryOf),
    // Version 4 (additive): the trace the run hangs under, for its span (engine/telemetry/runs.ts).
    ...(run.ref.traceparent ? { traceparent: run.ref.traceparent } : {}),
  } as RunFinishedInput;
  yield* quietly(run, RUN_FINISHED_ACTIVITY, finished);
}

// The history model has no attempt count on a step summary (attempts are recorded by the activities
// themselves); StepRecord.attempts stays in the orchestrator for fragments and tests.
function summaryOf(record: StepRecord): StepSummary {
  return {
    path: record.path,
    kind: record.kind,
    status: record.status,
    degraded: record.degraded === undefined ? null : { reason: record.degraded },
    ...outputOf(record.output),
    ...(record.error ? { error: record.error } : {}),
    ...(record.caught ? { caught: true } : {}),
    ...(record.seq !== undefined ? { seq: record.seq } : {}),
    startedAt: new Date(record.startedAt).toISOString(),
    endedAt: new Date(record.endedAt).toISOString(),
  };
}

// A large output (a sub-workflow's) goes as the summary history would keep anyway: the activity input stays small.
function outputOf(output: unknown): Pick<StepSummary, 'output' | 'outputSummary'> {
  if (output === undefined) return {};
  const { value, summary } = capValue(output, STEP_OUTPUT_CAP_BYTES);
  return summary ? { outputSummary: summary } : { output: value };
}

function* quietly(run: Run, name: string, input: unknown): Flow<void> {
  try {
    yield run.df.callActivity(name, input);
  } catch {
    // The run's outcome does not depend on its record being written.
  }
}
