/**
 * How runs get recorded without inflating orchestrations:
 * - step activities record their own attempts (`recordingActivity` wraps the activity function), so
 *   there is no bookkeeping activity per step;
 * - orchestrator-level facts take exactly two extra activities per run, `sluice.run.started` and
 *   `sluice.run.finished`, whose inputs are defined here.
 * Every write uses a deterministic record id, so at-least-once re-execution overwrites, never duplicates.
 */
import type { StepActivityInput, StepActivityResult } from '../activities/contract';
import { isoTime } from './model';
import type { AttemptError, DeadLetter, RunError, RunStatus, StepPatch, Trigger } from './model';
import { withRedaction, type SecretValues } from './redact';
import type { RunHistoryStore } from './store';

/** Durable activity names of the two run-level recording activities. */
export { RUN_FINISHED_ACTIVITY, RUN_STARTED_ACTIVITY } from '../activities/contract';

/** Input of `sluice.run.started`: the run header. Times come from the orchestration context. */
export interface RunStartedInput {
  id: string;
  workflow: string;
  definitionHash: string;
  version?: number | string | null;
  trigger: Trigger;
  /** When the run was scheduled; defaults to startedAt. */
  createdAt?: string;
  startedAt: string;
  /** The run input as received (secret values are redacted before it is stored). */
  input?: unknown;
  /** Set for a sub-workflow run: the parent's lineage gains this run as a child. */
  parentRunId?: string | null;
  /** Set for a redrive: the redriven run's lineage points to this run. */
  redriveOf?: string | null;
  /** Set for a redrive: which try of which run it is. */
  redrive?: { originalRunId: string; runAttempt: number };
}

/** A step's final state as the orchestrator knows it: for steps that are not activities (set, switch,
 * wait, forEach, skipped steps…) and marks such as degraded; activity steps need not be repeated. */
export type StepSummary = Omit<StepPatch, 'fromAttempt'> & { path: string; kind: string };

/** Input of `sluice.run.finished`: how the run ended. */
export interface RunFinishedInput {
  id: string;
  status: Extract<RunStatus, 'Completed' | 'Failed' | 'DeadLettered' | 'Terminated'>;
  endedAt: string;
  output?: unknown;
  error?: RunError;
  deadLetter?: DeadLetter;
  childRunIds?: string[];
  steps?: StepSummary[];
}

/** `fromAttempt` of the step summaries the orchestrator sends: later than any attempt's patch. */
const ORCHESTRATOR_VERDICT = Number.MAX_SAFE_INTEGER;

/** Options of `sluice.run.started`. */
export interface RunStartedOptions {
  /** The workflow definition with a content hash, when this app has it (every deployed workflow): stored once per hash. */
  definitionFor?: (hash: string) => unknown;
}

/**
 * The `sluice.run.started` activity: writes the run header (and lineage links on related runs), and the
 * run's definition under its hash when history does not have it yet.
 *
 * An instance id can be used again once its run finished (Durable allows it: a start through the
 * extension's own API with an existing id). A header with another start time than the recorded one is
 * such a new execution: the old record is removed first, so the record is the run Durable reports, never
 * a merge of two runs (Durable itself keeps only the latest execution of an instance id).
 */
export function runStartedActivity(store: RunHistoryStore, secretValues?: SecretValues, options: RunStartedOptions = {}) {
  const target = secretValues ? withRedaction(store, secretValues) : store;
  const stored = new Set<string>();
  return async (run: RunStartedInput): Promise<null> => {
    if (run.definitionHash && options.definitionFor && !stored.has(run.definitionHash)) {
      const definition = options.definitionFor(run.definitionHash);
      if (definition !== undefined) {
        await target.putDefinition(run.definitionHash, definition);
        stored.add(run.definitionHash);
      }
    }
    const existing = await target.getRun(run.id);
    if (existing?.startedAt && existing.startedAt !== isoTime(run.startedAt)) await target.deleteRun(run.id);
    await target.upsertRun({
      id: run.id,
      workflow: run.workflow,
      definitionHash: run.definitionHash,
      version: run.version ?? null,
      trigger: run.trigger,
      status: 'Running',
      createdAt: run.createdAt ?? run.startedAt,
      startedAt: run.startedAt,
      input: run.input,
      lineage: { parentRunId: run.parentRunId ?? null, redriveOf: run.redriveOf ?? null, ...(run.redrive ?? {}) },
    });
    // Related runs already exist (a parent is running; a redriven run was dead-lettered), so a patch merges.
    if (run.parentRunId) await target.upsertRun({ id: run.parentRunId, lineage: { childRunIds: [run.id] } });
    if (run.redriveOf) await target.upsertRun({ id: run.redriveOf, lineage: { redrivenAs: run.id } });
    return null;
  };
}

/** The `sluice.run.finished` activity: final status, output, error, dead letter and step summaries. */
export function runFinishedActivity(store: RunHistoryStore, secretValues?: SecretValues) {
  const target = secretValues ? withRedaction(store, secretValues) : store;
  return async (end: RunFinishedInput): Promise<null> => {
    // The orchestrator's word on a step is the last: an activity attempt that ends after it (one it
    // timed out and went on without, its fallback taken) must not turn a Degraded step back into Failed.
    for (const step of end.steps ?? []) await target.recordStep(end.id, { ...step, fromAttempt: ORCHESTRATOR_VERDICT });
    await target.upsertRun({
      id: end.id,
      status: end.status,
      ...((end.steps ?? []).some((step) => step.status === 'Degraded') ? { degraded: true } : {}),
      endedAt: end.endedAt,
      ...('output' in end ? { output: end.output } : {}),
      error: end.error ?? null,
      deadLetter: end.deadLetter ?? null,
      lineage: { childRunIds: end.childRunIds ?? [] },
    });
    return null;
  };
}

/** Options of the recording wrapper. */
export interface RecordingOptions {
  /** Secret values to redact from what is recorded (outputs, error messages). */
  secretValues?: SecretValues;
  /** The clock for attempt times (activities may read the host clock; orchestrators may not). */
  now?: () => Date;
  /** Called when history cannot be written: recording never changes a step's outcome. */
  onRecordError?: (error: unknown) => void;
}

type StepActivity = (input: StepActivityInput) => Promise<StepActivityResult>;

/** Wraps a step activity so each execution records its attempt and the step's latest state. */
export function recordingActivity(store: RunHistoryStore, kind: string, activity: StepActivity, options: RecordingOptions = {}): StepActivity {
  const target = options.secretValues ? withRedaction(store, options.secretValues) : store;
  const now = options.now ?? (() => new Date());
  const report = options.onRecordError ?? ((error: unknown) => console.warn(`run history: ${(error as Error)?.message ?? error}`));
  const safely = async (write: () => Promise<void>): Promise<void> => {
    try {
      await write();
    } catch (error) {
      report(error); // a history outage must not fail (and so re-run) the step's real effect
    }
  };

  return async (input) => {
    const { run, stepPath: path, attempt } = input;
    const startedAt = now().toISOString();
    await safely(() => target.recordAttempt(run.id, path, { attempt, startedAt, kind }));
    let result: StepActivityResult;
    try {
      result = await activity(input);
    } catch (thrown) {
      const error: AttemptError = { name: 'ActivityError', message: (thrown as Error)?.message ?? String(thrown), retryable: true };
      await finish(error, { path, kind, status: 'Failed', error, fromAttempt: attempt });
      throw thrown;
    }
    if (result.ok) {
      const status = result.degraded ? 'Degraded' : 'Completed';
      // Listings filter on the run's mark: set it now, not only when the run ends.
      if (result.degraded) await safely(() => target.upsertRun({ id: run.id, degraded: true }));
      await finish(null, { path, kind, status, output: result.output, degraded: result.degraded ?? null, error: null, fromAttempt: attempt, ...(result.usage ? { usage: result.usage } : {}) });
    } else {
      const error: AttemptError = { ...result.error };
      await finish(error, { path, kind, status: 'Failed', error, fromAttempt: attempt });
    }
    return result;

    async function finish(error: AttemptError, step: StepPatch): Promise<void> {
      const endedAt = now().toISOString();
      await safely(() => target.recordAttempt(run.id, path, { attempt, startedAt, endedAt, kind, ...(error ? { error } : {}), ...(step.usage ? { usage: step.usage } : {}) }));
      await safely(() => target.recordStep(run.id, { ...step, startedAt, endedAt }));
    }
  };
}
