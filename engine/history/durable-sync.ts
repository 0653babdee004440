/**
 * History agrees with Durable. The orchestrator records a run's start and end itself, but some
 * changes happen where no orchestrator code runs: a termination (through Sluice's API, the Durable
 * extension's own webhook, the portal or a dashboard), a suspension and a resumption, or an end whose
 * `sluice.run.finished` could not be written. So every read of a run that history still has as live
 * (Pending, Running, Suspended) asks Durable for the instance's status; when Durable reports another
 * state, that state is the answer and is written back to history (so the next reader, the CLI
 * included, sees it without asking). The management endpoints that terminate, suspend and resume call
 * the same function once Durable has acted. Live runs also get `current`: where they are now, from
 * the orchestrator's custom status.
 */
import { isFinalRunStatus } from './model';
import type { Progress, Run, RunPatch, RunStatus, RunSummary, Waiting } from './model';
import type { RunHistoryStore } from './store';

/** What the read path needs of one Durable instance status (DurableOrchestrationStatus, loosely). */
export interface DurableView {
  runtimeStatus?: unknown;
  lastUpdatedTime?: unknown;
  output?: unknown;
  customStatus?: unknown;
}

/** Reads one instance's Durable status; undefined when Durable does not know the instance (purged, never started). */
export type DurableStatusReader = (id: string) => Promise<DurableView | undefined>;

const liveStatuses: ReadonlySet<RunStatus> = new Set(['Pending', 'Running', 'Suspended']);
const MAX_WAITING = 20;

/** The history patch that makes a live record agree with Durable, or undefined when they agree. */
export function patchFromDurable(run: RunSummary, view: DurableView): RunPatch | undefined {
  if (!liveStatuses.has(run.status)) return undefined; // final records are the orchestrator's own account
  // Durable's times may be whole seconds (the local host's are): an end never precedes the recorded start.
  const reported = timeOf(view.lastUpdatedTime);
  const endedAt = reported && run.startedAt && reported < run.startedAt ? run.startedAt : reported;
  switch (String(view.runtimeStatus)) {
    case 'Terminated': {
      const reason = typeof view.output === 'string' && view.output ? view.output : 'terminated';
      return { id: run.id, status: 'Terminated', endedAt, error: { name: 'Terminated', message: reason, step: null } };
    }
    case 'Suspended':
      return run.status === 'Suspended' ? undefined : { id: run.id, status: 'Suspended' };
    case 'Running':
      return run.status === 'Suspended' ? { id: run.id, status: 'Running' } : undefined;
    // The orchestrator records these itself before it ends; reaching here means that record was lost.
    case 'Completed':
      return { id: run.id, status: 'Completed', endedAt };
    case 'Failed':
      return { id: run.id, status: 'Failed', endedAt };
    case 'Canceled':
      return { id: run.id, status: 'Terminated', endedAt, error: { name: 'Terminated', message: 'canceled', step: null } };
    default:
      return undefined;
  }
}

/** `current` from a custom status the orchestrator set (sluice.ts `RunStatus`), or undefined for anything else. */
export function progressOf(customStatus: unknown): Progress | undefined {
  const status = typeof customStatus === 'string' ? safeJson(customStatus) : customStatus;
  if (!status || typeof status !== 'object') return undefined;
  const { step, completed, total, waiting } = status as Record<string, unknown>;
  if (typeof completed !== 'number' || typeof total !== 'number') return undefined;
  const waits = Array.isArray(waiting) ? (waiting as Waiting[]) : [];
  return {
    step: typeof step === 'string' ? step : null,
    completed,
    total,
    waiting: waits.slice(0, MAX_WAITING),
    ...(waits.length > MAX_WAITING ? { waitingCount: waits.length } : {}),
  };
}

/**
 * A run (or summary) as Durable has it now: patched and written back when they disagree, with `current`
 * while it is live. Durable being unreachable leaves the record as history has it.
 */
export async function withDurableTruth<T extends RunSummary | Run>(store: RunHistoryStore, run: T, read: DurableStatusReader): Promise<T> {
  if (!liveStatuses.has(run.status)) return run;
  const view = await read(run.id).catch(() => undefined);
  if (!view) return run;
  const patch = patchFromDurable(run, view);
  let result: T = run;
  if (patch) {
    await store.upsertRun(patch).catch((error: unknown) => console.warn(`run history: ${(error as Error)?.message ?? error}`));
    const { id: _id, ...changes } = patch;
    result = { ...run, ...changes } as T;
    if (result.endedAt && result.startedAt) result.durationMs = Math.max(0, Date.parse(result.endedAt) - Date.parse(result.startedAt));
  }
  const current = isFinalRunStatus(result.status) ? undefined : progressOf(view.customStatus);
  return current ? { ...result, current } : result;
}

/**
 * After a management call (terminate, suspend, resume): waits briefly for Durable to report a state
 * other than `from`, then brings the record in line. The read path does the same later if Durable is slower.
 */
export async function settleWithDurable(store: RunHistoryStore, id: string, read: DurableStatusReader, from: readonly string[], waitMs = 3_000): Promise<void> {
  const until = Date.now() + waitMs;
  for (;;) {
    const view = await read(id).catch(() => undefined);
    if (!view || !from.includes(String(view.runtimeStatus)) || Date.now() >= until) break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const run = await store.getRun(id).catch(() => undefined);
  if (run) await withDurableTruth(store, run, read);
}

function timeOf(value: unknown): string | undefined {
  const date = value instanceof Date ? value : typeof value === 'string' ? new Date(value) : undefined;
  return date && !Number.isNaN(date.getTime()) ? date.toISOString() : undefined;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
