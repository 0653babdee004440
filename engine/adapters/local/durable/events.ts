/**
 * Durable history events as the Durable Task Framework writes them (PascalCase, §2 of
 * durable-protocol.md). Only the fields the SDK reads or a status reader shows are kept.
 */

/** DTFx EventType numbers. */
export const EventType = {
  ExecutionStarted: 0,
  ExecutionCompleted: 1,
  ExecutionTerminated: 3,
  TaskScheduled: 4,
  TaskCompleted: 5,
  TaskFailed: 6,
  SubOrchestrationInstanceCreated: 7,
  SubOrchestrationInstanceCompleted: 8,
  SubOrchestrationInstanceFailed: 9,
  TimerCreated: 10,
  TimerFired: 11,
  OrchestratorStarted: 12,
  OrchestratorCompleted: 13,
  EventRaised: 15,
  ContinueAsNew: 16,
} as const;

/** DTFx OrchestrationStatus numbers used in `ExecutionCompleted`. */
export const OrchestrationStatusCode = { Completed: 1, Failed: 3, Terminated: 5 } as const;

/** One history event: the common fields plus the type's own. */
export interface HistoryEvent {
  EventType: number;
  EventId: number;
  IsPlayed: boolean;
  Timestamp: string;
  [field: string]: unknown;
}

/** Builds an event stamped with the episode's time; `EventId` -1 marks completions and markers. */
export function historyEvent(type: number, timestamp: string, fields: Record<string, unknown> = {}, eventId = -1): HistoryEvent {
  return { EventType: type, EventId: eventId, IsPlayed: false, Timestamp: timestamp, ...fields };
}

/** JSON text for a `Result`/`Input` field; the SDK needs a string or null, never undefined. */
export function jsonText(value: unknown): string | null {
  const text = JSON.stringify(value);
  return text === undefined ? null : text;
}

/** Parses a JSON text field back to a value (`null`/missing → undefined). */
export function parseJsonText(text: unknown): unknown {
  return typeof text === 'string' ? JSON.parse(text) : undefined;
}

/** The extension's name for an event type, as the HTTP status API shows it. */
export function eventTypeName(type: number): string {
  const names: Record<number, string> = {
    0: 'ExecutionStarted', 1: 'ExecutionCompleted', 2: 'ExecutionFailed', 3: 'ExecutionTerminated',
    4: 'TaskScheduled', 5: 'TaskCompleted', 6: 'TaskFailed', 7: 'SubOrchestrationInstanceCreated',
    8: 'SubOrchestrationInstanceCompleted', 9: 'SubOrchestrationInstanceFailed', 10: 'TimerCreated',
    11: 'TimerFired', 12: 'OrchestratorStarted', 13: 'OrchestratorCompleted', 14: 'EventSent',
    15: 'EventRaised', 16: 'ContinueAsNew',
  };
  return names[type] ?? `EventType${type}`;
}
