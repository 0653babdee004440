/**
 * What a step's state is called on the page. History records Completed, Failed, Skipped, Degraded,
 * Running and Pending; the page also says `caught` (failed, and a catch clause ran: the history field
 * `caught` when the server records it, else a step under `<path>.catch[`) and `waiting` (a running wait or
 * waitForEvent step).
 */
import type { Run, Step } from '../../engine/history/run.generated';

/** The states the page colours. */
export type ShownStatus = 'completed' | 'failed' | 'caught' | 'degraded' | 'skipped' | 'running' | 'waiting' | 'pending';

/** A step as the page reads it: history fields plus the ones newer servers add. */
export type StepRecord = Step & { seq?: number; caught?: boolean; [field: string]: unknown };

/** Run statuses that do not change any more. */
export const FINAL_RUN = new Set(['Completed', 'Failed', 'DeadLettered', 'Terminated']);

/** The id a step path ends with: `check.catch[0].notify` → `notify`, `items[3].score` → `score`. */
export function stepIdOf(path: string): string {
  return path.split('.').at(-1)!.replace(/\[\d+\]$/, '');
}

/** Each step's shown status, by path. */
export function shownStatuses(run: Run): Map<string, ShownStatus> {
  const steps = run.steps as StepRecord[];
  const handled = new Set<string>();
  for (const step of steps) {
    const at = step.path.lastIndexOf('.catch[');
    if (at > 0) handled.add(step.path.slice(0, at));
  }
  const shown = new Map<string, ShownStatus>();
  for (const step of steps) shown.set(step.path, shownStatus(step, handled.has(step.path)));
  return shown;
}

function shownStatus(step: StepRecord, handlerRan: boolean): ShownStatus {
  switch (step.status) {
    case 'Completed':
      return 'completed';
    case 'Failed':
      return step.caught === true || (step.caught === undefined && handlerRan) ? 'caught' : 'failed';
    case 'Degraded':
      return 'degraded';
    case 'Skipped':
      return 'skipped';
    case 'Running':
      return step.kind === 'wait' || step.kind === 'waitForEvent' ? 'waiting' : 'running';
    default:
      return 'pending';
  }
}

/** Steps in execution order: by `seq` when the server records it, else by start time, then path. */
export function orderedSteps(run: Run): StepRecord[] {
  const steps = [...(run.steps as StepRecord[])];
  const bySeq = steps.every((step) => typeof step.seq === 'number');
  return steps.sort((a, b) =>
    bySeq ? a.seq! - b.seq! : (a.startedAt ?? '\uffff').localeCompare(b.startedAt ?? '\uffff') || a.path.localeCompare(b.path),
  );
}

const precedence: ShownStatus[] = ['failed', 'running', 'waiting', 'degraded', 'caught', 'completed', 'skipped', 'pending'];

/** One status for a graph node that stands for many step records (a forEach body step runs once per item). */
export function combined(statuses: readonly ShownStatus[]): ShownStatus | undefined {
  if (statuses.length === 0) return undefined;
  return precedence.find((status) => statuses.includes(status));
}
