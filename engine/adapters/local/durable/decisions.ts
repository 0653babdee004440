/**
 * Turns what the SDK returned into history events and new work, keeping the host's ids in step
 * with the SDK's (durable-protocol.md §5): first the continuation the delivered event triggers
 * in an existing task (retry timer, re-attempt, next long-timer segment), then the new actions.
 */
import { type ExecutionBook, type NewWork, type OpenTask, decodeActionInput, retryDelay, type RetryPolicy } from './book';
import { EventType, type HistoryEvent, historyEvent, jsonText } from './events';

/** The facts of one episode the decisions depend on. */
export interface EpisodeFacts {
  instanceId: string;
  /** 0 for the first execution, +1 per continueAsNew; keeps default child ids unique. */
  generation: number;
  now: number;
  timestamp: string;
  maxShortTimerMs: number;
  longTimerIntervalMs: number;
}

/** Events to append and work to start, or a reason the execution cannot go on. */
export interface Decisions {
  events: HistoryEvent[];
  work: NewWork[];
  failure?: string;
}

/** A returned action, loosely typed: the SDK's action classes. */
export interface Action {
  actionType: number;
  functionName?: string;
  input?: unknown;
  instanceId?: string;
  retryOptions?: RetryPolicy;
  fireAt?: Date | string;
  isCanceled?: boolean;
  compoundActions?: Action[];
}

/** The default child id: `<parent>:<n>`, plus the generation after a continueAsNew so ids never repeat. */
export function childInstanceId(facts: EpisodeFacts, taskId: number): string {
  return facts.generation === 0 ? `${facts.instanceId}:${taskId}` : `${facts.instanceId}:${facts.generation}:${taskId}`;
}

function schedule(book: ExecutionBook, facts: EpisodeFacts, out: Decisions, target: 'activity' | 'suborch', name: string, input: unknown, fixedId: string | undefined, chain?: number): void {
  const id = book.nextId++;
  book.open[id] = chain === undefined ? { kind: target } : { kind: target, chain };
  if (target === 'activity') {
    out.events.push(historyEvent(EventType.TaskScheduled, facts.timestamp, { Name: name, Input: jsonText(input) }, id));
    out.work.push({ kind: 'activity', taskId: id, name, input });
  } else {
    const instanceId = fixedId ?? childInstanceId(facts, id);
    out.events.push(historyEvent(EventType.SubOrchestrationInstanceCreated, facts.timestamp, { Name: name, InstanceId: instanceId, Input: jsonText(input) }, id));
    out.work.push({ kind: 'suborch', taskId: id, name, instanceId, input });
  }
}

function createTimer(book: ExecutionBook, facts: EpisodeFacts, out: Decisions, fireAt: number, task: OpenTask): number {
  const id = book.nextId++;
  book.open[id] = task;
  if (task.path !== undefined) book.timerPaths[task.path] = id;
  out.events.push(historyEvent(EventType.TimerCreated, facts.timestamp, { FireAt: new Date(fireAt).toISOString() }, id));
  out.work.push({ kind: 'timer', timerId: id, fireAt });
  return id;
}

function nextSegment(facts: EpisodeFacts, finalAt: number): number {
  return finalAt - facts.now > facts.maxShortTimerMs ? facts.now + facts.longTimerIntervalMs : finalAt;
}

/** Applies the one delivered event to the book: closes its id and performs any continuation. */
export function applyDelivered(book: ExecutionBook, event: HistoryEvent, facts: EpisodeFacts): Decisions {
  const out: Decisions = { events: [], work: [] };
  const type = event.EventType;
  const id = (type === EventType.TimerFired ? event.TimerId : event.TaskScheduledId) as number | undefined;
  if (id === undefined || !(id in book.open)) return out;
  const task = book.open[id];
  delete book.open[id];
  if (task.path !== undefined && book.timerPaths[task.path] === id) delete book.timerPaths[task.path];
  const chain = task.chain === undefined ? undefined : book.chains[task.chain];
  if (!chain || book.finish) {
    if (task.chain !== undefined) delete book.chains[task.chain];
    return out;
  }
  const failed = type === EventType.TaskFailed || type === EventType.SubOrchestrationInstanceFailed;
  if (chain.kind === 'longTimer') {
    // LongTimerTask.trySetValue: another segment while the final fire time is still ahead.
    if (chain.finalAt > facts.now) {
      createTimer(book, facts, out, nextSegment(facts, chain.finalAt), { kind: 'timer', chain: task.chain, path: chain.path });
    } else delete book.chains[task.chain!];
    return out;
  }
  if (type === EventType.TimerFired) {
    if (chain.exhausted) delete book.chains[task.chain!];
    else {
      chain.attempt++;
      schedule(book, facts, out, chain.target, chain.name, chain.input, chain.instanceId, task.chain);
    }
    return out;
  }
  if (!failed) {
    delete book.chains[task.chain!];
    return out;
  }
  const timeout = chain.policy.retryTimeoutInMilliseconds;
  if (timeout !== undefined && timeout > 0 && facts.now - chain.firstAt >= timeout) {
    // DTFx stops without a timer here and the SDK would wait forever (durable-js#629): fail loudly instead.
    out.failure = `The retry timeout of ${timeout} ms for '${chain.name}' expired after ${chain.attempt} attempt(s).`;
    return out;
  }
  chain.exhausted = chain.attempt >= Math.max(1, chain.policy.maxNumberOfAttempts);
  // Even the last failure is followed by a timer (fireAt = now): the SDK fails the task when it fires.
  const delay = chain.exhausted ? 0 : retryDelay(chain.policy, chain.attempt);
  createTimer(book, facts, out, facts.now + delay, { kind: 'timer', chain: task.chain });
  return out;
}

/** Walks the actions returned beyond `book.actionCount` depth-first and schedules each new one. */
export function assignActions(book: ExecutionBook, actions: Action[], facts: EpisodeFacts): Decisions {
  const out: Decisions = { events: [], work: [] };
  const seen = new Set<Action>();
  const remember = (action: Action): void => {
    seen.add(action);
    action.compoundActions?.forEach(remember);
  };
  for (let i = 0; i < book.actionCount && i < actions.length; i++) remember(actions[i]);
  const visit = (action: Action, path: string): void => {
    // A task yielded again inside Task.all/any repeats its action object but takes no new id.
    if (seen.has(action) || out.failure) return;
    seen.add(action);
    switch (action.actionType) {
      case 0:
      case 1: {
        const input = decodeActionInput(action.actionType, action.input);
        const chain = action.actionType === 1 ? book.nextId : undefined;
        if (chain !== undefined) book.chains[chain] = { kind: 'retry', target: 'activity', name: action.functionName!, input, policy: action.retryOptions!, attempt: 1, firstAt: facts.now, exhausted: false };
        schedule(book, facts, out, 'activity', action.functionName!, input, undefined, chain);
        return;
      }
      case 2:
      case 3: {
        const chain = action.actionType === 3 ? book.nextId : undefined;
        if (chain !== undefined) book.chains[chain] = { kind: 'retry', target: 'suborch', name: action.functionName!, input: action.input, instanceId: action.instanceId || undefined, policy: action.retryOptions!, attempt: 1, firstAt: facts.now, exhausted: false };
        schedule(book, facts, out, 'suborch', action.functionName!, action.input, action.instanceId || undefined, chain);
        return;
      }
      case 4: // continueAsNew: handled when the state says isDone
      case 6: // waits consume no id; EventRaised matches by name
        return;
      case 5: {
        const fireAt = new Date(action.fireAt!).getTime();
        if (fireAt - facts.now > facts.maxShortTimerMs) {
          const chain = book.nextId;
          book.chains[chain] = { kind: 'longTimer', finalAt: fireAt, path };
          createTimer(book, facts, out, nextSegment(facts, fireAt), { kind: 'timer', chain, path });
        } else createTimer(book, facts, out, fireAt, { kind: 'timer', path });
        return;
      }
      case 11:
      case 12:
        action.compoundActions!.forEach((child, index) => visit(child, `${path}.${index}`));
        return;
      default:
        out.failure = `Action type ${action.actionType} (entities, callHttp, locks) is not supported by the local Durable host.`;
    }
  };
  for (let i = book.actionCount; i < actions.length; i++) visit(actions[i], String(i));
  return out;
}

/** Finds timers whose action the orchestrator cancelled since; they stop blocking completion. */
export function detectCancels(book: ExecutionBook, actions: Action[]): number[] {
  const cancelled: number[] = [];
  for (const [path, id] of Object.entries(book.timerPaths)) {
    let action: Action | undefined;
    for (const index of path.split('.').map(Number)) {
      action = action === undefined ? actions[index] : action.compoundActions?.[index];
    }
    if (!action?.isCanceled) continue;
    const task = book.open[id];
    delete book.timerPaths[path];
    delete book.open[id];
    if (task?.chain !== undefined) delete book.chains[task.chain];
    cancelled.push(id);
  }
  return cancelled;
}
