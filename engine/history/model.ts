/**
 * The run-history records as stores write them, and the pure rules that merge them.
 * Writers send partial records (patches) at different moments and possibly more than once
 * (Durable activities run at least once), so every merge here is idempotent and never moves
 * a run or step backwards from a final status.
 */
import type { Attempt, Run, RunStatus, Step, StepStatus, ValueSummary } from './run.generated';

export type { Attempt, AttemptError, DeadLetter, Degraded, Lineage, Progress, Run, RunError, RunStatus, Step, StepStatus,
  Trigger, TriggerKind, ValueSummary, Waiting } from './run.generated';

/** A run without its steps, input and output: what listings return. */
export type RunSummary = Omit<Run, 'steps' | 'input' | 'output' | 'inputSummary' | 'outputSummary'>;

/** A partial run record: `id` always, `workflow` and `createdAt` when the run is first written. */
export type RunPatch = { id: string } & Partial<Omit<Run, 'id' | 'steps' | 'lineage' | 'current'>> & {
  lineage?: Partial<Run['lineage']>;
};

/** A partial step record; attempts are recorded separately (one record each). */
export type StepPatch = { path: string } & Partial<Omit<Step, 'path' | 'attempts'>> & {
  /** The attempt this patch comes from: an older attempt's patch never overrides a newer one's status. */
  fromAttempt?: number;
};

/** An attempt record as stored: the attempt plus the step it belongs to. */
export type AttemptRecord = Attempt & { kind?: string };

/** Largest step output stored as is, in bytes of JSON; larger ones are kept as a summary. */
export const STEP_OUTPUT_CAP_BYTES = 8 * 1024;
/** Largest run input or output stored as is, in bytes of JSON. */
export const RUN_VALUE_CAP_BYTES = 64 * 1024;
const PREVIEW_CHARS = 512;

const finalRun: ReadonlySet<RunStatus> = new Set(['Completed', 'Failed', 'DeadLettered', 'Terminated']);
const finalStep: ReadonlySet<StepStatus> = new Set(['Completed', 'Failed', 'Skipped', 'Degraded']);

/** Whether a run status is final. */
export function isFinalRunStatus(status: RunStatus): boolean {
  return finalRun.has(status);
}

/** Keeps a value when its JSON fits the cap, otherwise replaces it by its size and a preview. */
export function capValue(value: unknown, capBytes: number): { value?: unknown; summary?: ValueSummary } {
  if (value === undefined) return {};
  const text = JSON.stringify(value) ?? 'null';
  const bytes = Buffer.byteLength(text, 'utf8');
  if (bytes <= capBytes) return { value };
  return { summary: { bytes, preview: text.slice(0, PREVIEW_CHARS) } };
}

/** Normalizes an ISO time so that stored times sort lexically in time order. */
export function isoTime(value: string | null | undefined): string | null | undefined {
  if (value === null || value === undefined) return value;
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) throw new RangeError(`not a date-time: ${JSON.stringify(value)}`);
  return date.toISOString();
}

function durationOf(start?: string | null, end?: string | null): number | null | undefined {
  if (!start || !end) return undefined;
  return Math.max(0, Date.parse(end) - Date.parse(start));
}

function defined<T extends object>(patch: T): Partial<T> {
  return Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** Merges a run patch into what is stored (or nothing); throws when a new run lacks its header. */
export function mergeRun(existing: Run | undefined, patch: RunPatch): Run {
  const { lineage: lineagePatch, ...rest } = patch;
  const base: Run = existing ?? newRun(patch);
  const merged: Run = { ...base, ...defined(rest), steps: [] };
  if (existing && isFinalRunStatus(existing.status) && patch.status && !isFinalRunStatus(patch.status)) {
    merged.status = existing.status; // a late or replayed "started" must not reopen a finished run
  }
  merged.createdAt = earliest(base.createdAt, patch.createdAt) ?? base.createdAt;
  const children = new Set([...base.lineage.childRunIds, ...(lineagePatch?.childRunIds ?? [])]);
  merged.lineage = { ...base.lineage, ...defined(lineagePatch ?? {}), childRunIds: [...children] };
  merged.durationMs = durationOf(merged.startedAt, merged.endedAt) ?? merged.durationMs;
  return merged;
}

function newRun(patch: RunPatch): Run {
  if (!patch.workflow || !patch.createdAt) {
    throw new TypeError(`run ${patch.id} is not recorded yet: its first record needs workflow and createdAt`);
  }
  return {
    id: patch.id,
    workflow: patch.workflow,
    definitionHash: patch.definitionHash ?? '',
    trigger: patch.trigger ?? { kind: 'api' },
    status: patch.status ?? 'Pending',
    createdAt: patch.createdAt,
    lineage: { childRunIds: [] },
    steps: [],
  };
}

function earliest(a?: string | null, b?: string | null): string | null | undefined {
  if (!a) return b;
  if (!b) return a;
  return a < b ? a : b;
}

/** A step record as stored, before its attempts are attached. */
export type StoredStep = Omit<Step, 'attempts'> & { fromAttempt?: number };

/** Merges a step patch into what is stored; an older attempt's patch cannot override a newer status. */
export function mergeStep(existing: StoredStep | undefined, patch: StepPatch): StoredStep {
  const base: StoredStep = existing ?? { path: patch.path, kind: patch.kind ?? 'unknown', status: 'Pending', degraded: null };
  const stale = patch.fromAttempt !== undefined && (base.fromAttempt ?? 0) > patch.fromAttempt;
  const reopening = finalStep.has(base.status) && patch.status !== undefined && !finalStep.has(patch.status);
  if (stale || reopening) {
    return { ...base, startedAt: earliest(base.startedAt, patch.startedAt) ?? base.startedAt };
  }
  const merged: StoredStep = { ...base, ...defined(patch) };
  if (patch.kind === 'unknown' && base.kind !== 'unknown') merged.kind = base.kind;
  merged.startedAt = earliest(base.startedAt, patch.startedAt);
  merged.durationMs = durationOf(merged.startedAt, merged.endedAt) ?? merged.durationMs;
  return merged;
}

/** Joins a run with its step and attempt records into the shape readers get. */
export function assembleRun(run: Run, steps: StoredStep[], attempts: Array<AttemptRecord & { path: string }>): Run {
  const byPath = new Map<string, Step>();
  const recordedUpTo = new Map<string, number>();
  for (const { fromAttempt, ...step } of steps) {
    byPath.set(step.path, { ...step, attempts: [] });
    recordedUpTo.set(step.path, fromAttempt ?? 0);
  }
  for (const { path, kind, ...attempt } of attempts) {
    let step = byPath.get(path);
    if (!step) {
      // The step record may not be written yet (or was lost): the attempt alone still shows the step ran.
      step = { path, kind: kind ?? 'unknown', status: attempt.endedAt ? (attempt.error ? 'Failed' : 'Completed') : 'Running', degraded: null, attempts: [] };
      byPath.set(path, step);
    }
    step.attempts.push(attempt);
  }
  const ordered = [...byPath.values()];
  for (const step of ordered) {
    step.attempts.sort((a, b) => a.attempt - b.attempt);
    step.startedAt ??= step.attempts[0]?.startedAt ?? null;
    const latest = step.attempts[step.attempts.length - 1];
    // A retry in flight: the step record still shows the previous attempt's failure.
    if (latest && !latest.endedAt && latest.attempt > (recordedUpTo.get(step.path) ?? 0) && step.status !== 'Skipped') step.status = 'Running';
  }
  ordered.sort(executionOrder);
  return { ...run, steps: ordered };
}

/**
 * Steps in the order they ran: by start time, then by the orchestrator's sequence number (steps that
 * start in the same millisecond), then by path. The orchestrator numbers steps as it starts them on a
 * clock that never goes back, so for numbered steps this is their sequence order; steps only an
 * activity has recorded so far (no number yet) fall in by their start time.
 */
export function executionOrder(a: Step, b: Step): number {
  const time = (a.startedAt ?? '\uffff').localeCompare(b.startedAt ?? '\uffff');
  if (time !== 0) return time;
  const seq = (a.seq ?? Number.MAX_SAFE_INTEGER) - (b.seq ?? Number.MAX_SAFE_INTEGER);
  return seq !== 0 ? seq : a.path.localeCompare(b.path);
}

/** The listing view of a run. */
export function summarizeRun(run: Run): RunSummary {
  const { steps: _s, input: _i, output: _o, inputSummary: _is, outputSummary: _os, ...summary } = run;
  return summary;
}
