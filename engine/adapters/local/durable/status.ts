/**
 * The Durable status JSON (what the extension's `GET instances/{id}` returns), built from the
 * store's row and, when asked, the history in the extension's condensed form.
 */
import { EventType, type HistoryEvent, eventTypeName } from './events';
import type { InstanceRow } from './store';
import { isFinished } from '../../run-status';

/** Runtime statuses, as the extension spells them. */
export type RuntimeStatus = 'Pending' | 'Running' | 'Completed' | 'ContinuedAsNew' | 'Failed' | 'Terminated' | 'Suspended';

/** The status of one instance (the shape `DurableOrchestrationStatus` is built from). */
export interface InstanceStatus {
  name: string;
  instanceId: string;
  runtimeStatus: RuntimeStatus;
  input: unknown;
  customStatus: unknown;
  output: unknown;
  createdTime: string;
  lastUpdatedTime: string;
  historyEvents?: Record<string, unknown>[];
}

/** What to include in a status. */
export interface StatusOptions {
  showHistory?: boolean;
  showHistoryOutput?: boolean;
  /** Defaults to true for one instance (as the extension does). */
  showInput?: boolean;
}

/** Whether a status is final. */
export function isTerminal(status: string): boolean {
  return isFinished(status);
}

// The extension prints times without milliseconds.
function isoSeconds(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

function parse(text: string | null): unknown {
  return text === null ? null : JSON.parse(text);
}

/** Builds the status JSON; `history` is the raw current-execution history when `showHistory` is set. */
export function toStatus(row: InstanceRow, options: StatusOptions, history?: HistoryEvent[]): InstanceStatus {
  const status: InstanceStatus = {
    name: row.name,
    instanceId: row.id,
    runtimeStatus: row.status as RuntimeStatus,
    input: options.showInput === false ? null : parse(row.input),
    customStatus: parse(row.customStatus),
    output: parse(row.output),
    createdTime: isoSeconds(row.createdAt),
    lastUpdatedTime: isoSeconds(row.updatedAt),
  };
  if (options.showHistory && history) status.historyEvents = condenseHistory(history, options.showHistoryOutput ?? false);
  return status;
}

/**
 * The extension's history view: no OrchestratorStarted/Completed markers, scheduling events
 * folded into their completions (FunctionName, ScheduledTime), results only with showHistoryOutput.
 */
export function condenseHistory(history: HistoryEvent[], showOutput: boolean): Record<string, unknown>[] {
  const scheduled = new Map<number, HistoryEvent>();
  const out: Record<string, unknown>[] = [];
  for (const event of history) {
    const type = event.EventType;
    if (type === EventType.OrchestratorStarted || type === EventType.OrchestratorCompleted) continue;
    if (type === EventType.TaskScheduled || type === EventType.SubOrchestrationInstanceCreated) {
      scheduled.set(event.EventId, event);
      if (type === EventType.TaskScheduled) continue;
    }
    const view: Record<string, unknown> = { EventType: eventTypeName(type), EventId: event.EventId, Timestamp: event.Timestamp };
    const origin = typeof event.TaskScheduledId === 'number' ? scheduled.get(event.TaskScheduledId) : undefined;
    if (origin) {
      view.FunctionName = origin.Name;
      view.ScheduledTime = origin.Timestamp;
    }
    if (type === EventType.ExecutionStarted || type === EventType.SubOrchestrationInstanceCreated) view.FunctionName = event.Name;
    if (type === EventType.SubOrchestrationInstanceCreated) view.InstanceId = event.InstanceId;
    if (type === EventType.TimerCreated || type === EventType.TimerFired) view.FireAt = event.FireAt;
    if (type === EventType.TimerFired) view.TimerId = event.TimerId;
    if (type === EventType.EventRaised) view.Name = event.Name;
    if (type === EventType.TaskFailed || type === EventType.SubOrchestrationInstanceFailed) {
      view.Reason = event.Reason;
      view.Details = event.Details;
    }
    if (type === EventType.ExecutionCompleted) view.OrchestrationStatus = ({ 1: 'Completed', 3: 'Failed', 5: 'Terminated' } as Record<number, string>)[event.OrchestrationStatus as number];
    if (showOutput) {
      if (typeof event.Result === 'string') view.Result = resultValue(event.Result);
      if (type === EventType.EventRaised || type === EventType.ExecutionStarted) view.Input = resultValue(event.Input);
    }
    out.push(view);
  }
  return out;
}

function resultValue(text: unknown): unknown {
  if (typeof text !== 'string') return null;
  try {
    return JSON.parse(text);
  } catch {
    return text; // failure reasons are plain text
  }
}
