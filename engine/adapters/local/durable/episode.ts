/**
 * One episode: append `OrchestratorStarted` and exactly one new event, replay the execution's
 * history through the real SDK handler, and decide what to append and start. Pure apart from the
 * handler call; the host commits the result in one transaction.
 */
import { type ExecutionBook, type Finish, type NewWork, decodeActionInput, hasOutstanding } from './book';
import { type Action, type EpisodeFacts, applyDelivered, assignActions, detectCancels } from './decisions';
import { EventType, type HistoryEvent, OrchestrationStatusCode, historyEvent, jsonText } from './events';
import { type OrchestrationHandler, newInvocationContext } from './registrations';

/** What an episode consumes: the start of an execution, one completion/event, or a termination. */
export type Message =
  | { type: 'event'; event: HistoryEvent }
  | { type: 'terminate'; reason: string };

/** How the execution ended in this episode, if it did. */
export type Ending =
  | { status: 'Completed'; output: unknown }
  | { status: 'Failed'; reason: string; details?: string }
  | { status: 'Terminated'; reason: string }
  | { status: 'ContinuedAsNew'; input: unknown };

/** What the host needs to run an episode. */
export interface EpisodeInput {
  name: string;
  parentInstanceId: string | null;
  input: unknown;
  /** The execution's earlier events as JSON text (already played). */
  played: string[];
  book: ExecutionBook;
  handler: OrchestrationHandler | undefined;
  message: Message;
  facts: EpisodeFacts;
  timerDurations: { maximumShort: string; longRunningInterval: string };
}

/** The episode's outcome: events to append, work to start, timers cancelled, the custom status. */
export interface EpisodeResult {
  events: HistoryEvent[];
  work: NewWork[];
  cancelledTimers: number[];
  customStatus?: unknown;
  ending?: Ending;
}

interface ReturnedState {
  isDone: boolean;
  actions: Action[][];
  output?: unknown;
  error?: string;
  customStatus?: unknown;
}

/** Reads the state the SDK packs into `OrchestrationFailureError` (durable-protocol.md §1). */
export function parseFailure(err: unknown): { error: string; state?: ReturnedState; stack?: string } {
  const message = err instanceof Error ? err.message : String(err);
  const label = '$OutOfProcData$:';
  const at = message.indexOf(label);
  if (at >= 0) {
    try {
      const state = JSON.parse(message.slice(at + label.length)) as ReturnedState;
      return { error: state.error ?? 'unknown error', state };
    } catch {
      // fall through: report the raw message
    }
  }
  return { error: message, stack: err instanceof Error ? err.stack : undefined };
}

/** Runs one episode (see the file comment). The book is updated in place. */
export async function runEpisode(ep: EpisodeInput): Promise<EpisodeResult> {
  const { facts, book } = ep;
  const events: HistoryEvent[] = [historyEvent(EventType.OrchestratorStarted, facts.timestamp)];
  const result: EpisodeResult = { events, work: [], cancelledTimers: [] };
  const end = (ending: Ending): EpisodeResult => {
    result.ending = ending;
    events.push(endingEvent(ending, book.nextId, facts.timestamp));
    events.push(historyEvent(EventType.OrchestratorCompleted, facts.timestamp));
    return result;
  };
  if (ep.message.type === 'terminate') {
    events.push(historyEvent(EventType.ExecutionTerminated, facts.timestamp, { Input: ep.message.reason }));
    return end({ status: 'Terminated', reason: ep.message.reason });
  }
  const delivered: HistoryEvent = { ...ep.message.event, IsPlayed: false, Timestamp: facts.timestamp };
  events.push(delivered);
  const continuation = applyDelivered(book, delivered, facts);
  if (continuation.failure) return end({ status: 'Failed', reason: continuation.failure });
  if (!ep.handler) return end({ status: 'Failed', reason: `The orchestrator function '${ep.name}' is not registered.` });

  let state: ReturnedState;
  let failure: { error: string; stack?: string } | undefined;
  try {
    state = (await ep.handler(buildTrigger(ep, events), newInvocationContext(ep.name))) as ReturnedState;
  } catch (err) {
    const parsed = parseFailure(err);
    failure = parsed;
    state = parsed.state ?? { isDone: false, actions: [[]] };
  }
  if (state.customStatus) result.customStatus = state.customStatus;
  if (failure) return end({ status: 'Failed', reason: `Orchestrator function '${ep.name}' failed: ${failure.error}`, details: failure.stack });

  const actions = state.actions[0] ?? [];
  const assigned = assignActions(book, actions, facts);
  events.push(...continuation.events, ...assigned.events);
  result.work.push(...continuation.work, ...assigned.work);
  if (assigned.failure) return end({ status: 'Failed', reason: assigned.failure });
  result.cancelledTimers = detectCancels(book, actions);
  book.actionCount = actions.length;

  if (state.isDone && !book.finish) book.finish = finishOf(state, actions);
  // DTFx completes an execution only when nothing non-cancelled is outstanding (§4).
  if (book.finish && !hasOutstanding(book)) {
    const finish: Finish = book.finish;
    return end(finish.kind === 'output' ? { status: 'Completed', output: finish.output } : { status: 'ContinuedAsNew', input: finish.input });
  }
  events.push(historyEvent(EventType.OrchestratorCompleted, facts.timestamp));
  return result;
}

function finishOf(state: ReturnedState, actions: Action[]): Finish {
  const continueAsNew = actions.find((a) => a.actionType === 4);
  return continueAsNew ? { kind: 'continueAsNew', input: decodeActionInput(4, continueAsNew.input) } : { kind: 'output', output: state.output };
}

function endingEvent(ending: Ending, eventId: number, timestamp: string): HistoryEvent {
  switch (ending.status) {
    case 'Completed':
      return historyEvent(EventType.ExecutionCompleted, timestamp, { OrchestrationStatus: OrchestrationStatusCode.Completed, Result: jsonText(ending.output) }, eventId);
    case 'ContinuedAsNew':
      return historyEvent(EventType.ContinueAsNew, timestamp, { Result: jsonText(ending.input) }, eventId);
    case 'Failed':
      return historyEvent(EventType.ExecutionCompleted, timestamp, { OrchestrationStatus: OrchestrationStatusCode.Failed, Result: ending.reason, Details: ending.details ?? null }, eventId);
    case 'Terminated':
      return historyEvent(EventType.ExecutionCompleted, timestamp, { OrchestrationStatus: OrchestrationStatusCode.Terminated, Result: ending.reason }, eventId);
  }
}

// The SDK mutates the trigger (Timestamps become Dates), so it always gets a fresh parse.
function buildTrigger(ep: EpisodeInput, current: HistoryEvent[]): Record<string, unknown> {
  const texts = ep.played.length === 0 ? current.map((e) => JSON.stringify(e)) : [...ep.played, ...current.map((e) => JSON.stringify(e))];
  return {
    history: JSON.parse(`[${texts.join(',')}]`),
    input: ep.input,
    instanceId: ep.facts.instanceId,
    parentInstanceId: ep.parentInstanceId,
    isReplaying: ep.played.length > 0,
    upperSchemaVersion: 1,
    upperSchemaVersionNew: 2,
    maximumShortTimerDuration: ep.timerDurations.maximumShort,
    longRunningTimerIntervalDuration: ep.timerDurations.longRunningInterval,
    defaultHttpAsyncRequestSleepTimeMillseconds: 30000,
  };
}
