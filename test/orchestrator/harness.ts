/**
 * A small replay harness that plays the Durable host for the REAL durable-functions handler (the one
 * `df.app.orchestration` registers): it builds the history episode by episode (one completion event per
 * episode, durable-protocol.md §2/§5), sends the trigger exactly as the extension does (§1), assigns
 * event ids to new actions depth-first, and splits long timers as the SDK expects (§4).
 */
import * as functions from '@azure/functions';
import * as df from 'durable-functions';

export type Handler = (trigger: unknown, context: functions.InvocationContext) => Promise<OrchestratorState>;

/** What the SDK returns per episode. */
export interface OrchestratorState {
  isDone: boolean;
  actions: Action[][];
  output?: unknown;
  error?: string;
  customStatus?: unknown;
}

/** An action as the SDK emits it. */
export interface Action {
  actionType: number;
  functionName?: string;
  input?: unknown;
  instanceId?: string;
  fireAt?: Date | string;
  isCanceled?: boolean;
  externalEventName?: string;
  compoundActions?: Action[];
  [key: string]: unknown;
}

/** Captures the real handler that `df.app.orchestration(name, fn)` registers (protocol doc §7). */
export function handlerOf(register: (durable: typeof df) => void, name = 'sluice'): Handler {
  const app = functions.app as unknown as { generic: (n: string, options: { handler: Handler }) => void };
  const original = app.generic;
  let captured: Handler | undefined;
  app.generic = (functionName, options) => {
    if (functionName === name) captured = options.handler;
  };
  try {
    register(df);
  } finally {
    app.generic = original;
  }
  if (!captured) throw new Error(`no orchestration named ${name} was registered`);
  return captured;
}

/** The handler of a hand-written generator, registered through the same path. */
export function handlerOfGenerator(fn: df.OrchestrationHandler): Handler {
  return handlerOf((durable) => durable.app.orchestration('handwritten', fn), 'handwritten');
}

const SHORT_MAX_MS = 6 * 86_400_000;
const LONG_INTERVAL_MS = 3 * 86_400_000;
const SCHEDULING_EVENT: Record<number, number> = { 0: 4, 2: 7, 5: 10 };

interface TimerState {
  /** Id of the segment now outstanding (changes as a long timer advances). */
  segmentId: number;
  segmentFireAt: number;
  fireAt: number;
}

/** One episode's outcome. */
export interface Episode {
  state: OrchestratorState;
  /** Actions new in this episode, with the event id the host gave each atomic one. */
  added: Array<{ id?: number; action: Action }>;
  /** Top-level actions new in this episode. */
  top: Action[];
  done: boolean;
  failed: boolean;
  output?: unknown;
  error?: string;
}

/** Plays the host for one orchestration instance. */
export class ReplayHost {
  readonly history: Record<string, unknown>[] = [];
  /** Every atomic action by id. */
  readonly scheduled = new Map<number, Action>();
  private readonly timers = new Map<number, TimerState>();
  private nextId = 0;
  private actionCount = 0;
  now: number;
  last?: Episode;
  /** Per episode: how many history events the SDK saw and what it returned (JSON). */
  readonly log: Array<{ seen: number } & Snapshot> = [];

  constructor(
    private readonly handler: Handler,
    readonly input: unknown,
    private readonly options: { instanceId?: string; start?: string; name?: string } = {},
  ) {
    this.now = Date.parse(options.start ?? '2026-01-01T00:00:00.000Z');
  }

  /** The first episode. */
  async start(): Promise<Episode> {
    this.beginEpisode();
    this.push({ EventType: 0, EventId: -1, Name: this.options.name ?? 'sluice', Input: JSON.stringify(this.input), OrchestrationInstance: { InstanceId: this.instanceId } });
    return this.run();
  }

  /** Delivers TaskCompleted (or SubOrchestrationInstanceCompleted) for `id`. */
  async complete(id: number, result: unknown): Promise<Episode> {
    const action = this.actionFor(id);
    this.beginEpisode();
    this.push({ EventType: action.actionType === 2 ? 8 : 5, EventId: -1, TaskScheduledId: id, Result: JSON.stringify(result ?? null) });
    return this.run();
  }

  /**
   * Delivers several completions in one episode. Only for completions that schedule nothing new in
   * between (e.g. the rest of a fan-out): with new actions the id interleaving would be ambiguous (§5).
   */
  async completeMany(results: Array<[number, unknown]>): Promise<Episode> {
    this.beginEpisode();
    for (const [id, result] of results) {
      const action = this.actionFor(id);
      this.push({ EventType: action.actionType === 2 ? 8 : 5, EventId: -1, TaskScheduledId: id, Result: JSON.stringify(result ?? null) });
    }
    return this.run();
  }

  /** Delivers TaskFailed (or SubOrchestrationInstanceFailed) for `id`. */
  async fail(id: number, reason: string, details = 'stack'): Promise<Episode> {
    const action = this.actionFor(id);
    this.beginEpisode();
    this.push({ EventType: action.actionType === 2 ? 9 : 6, EventId: -1, TaskScheduledId: id, Reason: reason, Details: details });
    return this.run();
  }

  /** Fires timer `id` (advancing the clock to its fire time; long timers segment by segment). */
  async fire(id: number): Promise<Episode> {
    const timer = this.timers.get(id);
    if (!timer) throw new Error(`no timer ${id}`);
    for (;;) {
      const segment = timer.segmentId;
      this.now = Math.max(this.now, timer.segmentFireAt);
      this.beginEpisode();
      this.push({ EventType: 11, EventId: -1, TimerId: segment, FireAt: new Date(timer.segmentFireAt).toISOString() });
      if (timer.segmentFireAt < timer.fireAt) {
        // The SDK reserves the next segment's id before any new action (protocol §4/§5).
        timer.segmentId = this.nextId++;
        timer.segmentFireAt = timer.fireAt - timer.segmentFireAt > SHORT_MAX_MS ? timer.segmentFireAt + LONG_INTERVAL_MS : timer.fireAt;
        const episode = await this.run();
        if (episode.done || episode.failed) return episode;
        continue;
      }
      return this.run();
    }
  }

  /** Delivers EventRaised. */
  async raise(name: string, payload: unknown, advanceMs = 0): Promise<Episode> {
    this.now += advanceMs;
    this.beginEpisode();
    this.push({ EventType: 15, EventId: -1, Name: name, Input: JSON.stringify(payload) });
    return this.run();
  }

  /** The id of the single outstanding atomic action named `functionName` (most recent first). */
  idOf(predicate: (action: Action) => boolean): number {
    const ids = [...this.scheduled.entries()].filter(([, action]) => predicate(action)).map(([id]) => id);
    if (ids.length === 0) throw new Error('no such action');
    return ids[ids.length - 1];
  }

  get instanceId(): string {
    return this.options.instanceId ?? 'run-1';
  }

  private actionFor(id: number): Action {
    const action = this.scheduled.get(id);
    if (!action) throw new Error(`no action with id ${id}`);
    return action;
  }

  private beginEpisode(): void {
    for (const event of this.history) event.IsPlayed = true;
    this.push({ EventType: 12, EventId: -1, Timestamp: new Date(this.now).toISOString() });
  }

  private push(event: Record<string, unknown>): void {
    this.history.push({ IsPlayed: false, Timestamp: new Date(this.now).toISOString(), ...event });
  }

  private async run(): Promise<Episode> {
    const seen = this.history.length;
    const { state, failed } = await replayHistory(this.handler, this.input, this.history, this.instanceId);
    this.log.push({ seen, ...snapshot(state) });
    assertNoRepeatedActions(state.actions);
    const all = state.actions[0] ?? [];
    const added: Episode['added'] = [];
    const top = all.slice(this.actionCount);
    for (const action of top) this.assign(action, added);
    this.actionCount = all.length;
    for (const { id, action } of added) {
      if (id === undefined) continue;
      const type = SCHEDULING_EVENT[action.actionType];
      if (type !== undefined) this.push({ EventType: type, EventId: id, Name: action.functionName, FireAt: action.fireAt });
    }
    this.push({ EventType: 13, EventId: -1 });
    const episode: Episode = { state, added, top, done: state.isDone, failed, output: state.output, error: state.error };
    this.last = episode;
    return episode;
  }

  private assign(action: Action, added: Episode['added']): void {
    if (action.compoundActions) {
      added.push({ action });
      for (const child of action.compoundActions) this.assign(child, added);
      return;
    }
    if (action.actionType === 6) {
      added.push({ action });
      return;
    }
    const id = this.nextId++;
    this.scheduled.set(id, action);
    added.push({ id, action });
    if (action.actionType === 5) {
      const fireAt = new Date(action.fireAt as Date).getTime();
      const long = fireAt - this.now > SHORT_MAX_MS;
      this.timers.set(id, { segmentId: id, segmentFireAt: long ? this.now + LONG_INTERVAL_MS : fireAt, fireAt });
    }
  }
}

/** An orchestrator state as JSON, for fixtures and comparisons. */
export interface Snapshot {
  actions: unknown;
  isDone: boolean;
  output: unknown;
  error: string | null;
  customStatus: unknown;
}

/** The JSON view of a state. */
export function snapshot(state: OrchestratorState): Snapshot {
  return JSON.parse(
    JSON.stringify({ actions: state.actions, isDone: state.isDone, output: state.output ?? null, error: state.error ?? null, customStatus: state.customStatus ?? null }),
  );
}

/** Calls the handler once with `history`, as the extension would (protocol §1); a failure is returned, not thrown. */
export async function replayHistory(handler: Handler, input: unknown, history: unknown[], instanceId: string): Promise<{ state: OrchestratorState; failed: boolean }> {
  const trigger = {
    history: structuredClone(history),
    input: structuredClone(input),
    instanceId,
    parentInstanceId: null,
    isReplaying: history.filter((e) => (e as { EventType: number }).EventType === 12).length > 1,
    upperSchemaVersion: 1,
    upperSchemaVersionNew: 2,
    longRunningTimerIntervalDuration: '3.00:00:00',
    maximumShortTimerDuration: '6.00:00:00',
    defaultHttpAsyncRequestSleepTimeMillseconds: 30000,
  };
  const context = new functions.InvocationContext({ functionName: 'sluice', invocationId: `replay-${history.length}` });
  try {
    return { state: await handler(trigger, context), failed: false };
  } catch (error) {
    const message = (error as Error).message;
    const marker = message.indexOf('$OutOfProcData$:');
    if (marker < 0) throw error;
    return { state: JSON.parse(message.slice(marker + '$OutOfProcData$:'.length)), failed: true };
  }
}

/**
 * Fails when an action list repeats an action: the same action object (one task) at two positions,
 * which the Durable extension would schedule twice (durable-protocol.md §5).
 */
export function assertNoRepeatedActions(actions: Action[][]): void {
  const seen = new Set<Action>();
  const walk = (list: Action[], where: string): void => {
    list.forEach((action, index) => {
      if (seen.has(action)) throw new Error(`action at ${where}[${index}] repeats an earlier one: ${JSON.stringify(action)}`);
      seen.add(action);
      if (action.compoundActions) walk(action.compoundActions, `${where}[${index}].compound`);
    });
  };
  walk(actions[0] ?? [], 'actions');
}

/** A compact view of actions for assertions: `call sluice.http`, `timer 2026-…`, `any[…]`, `all[…]`. */
export function describe(action: Action): string {
  switch (action.actionType) {
    case 0:
      return `call ${action.functionName}`;
    case 2:
      return `sub ${action.functionName}${action.instanceId ? ` ${action.instanceId}` : ''}`;
    case 5:
      return `timer ${new Date(action.fireAt as Date).toISOString()}${action.isCanceled ? ' cancelled' : ''}`;
    case 6:
      return `event ${action.externalEventName}`;
    case 11:
      return `any[${action.compoundActions!.map(describe).join(', ')}]`;
    case 12:
      return `all[${action.compoundActions!.map(describe).join(', ')}]`;
    default:
      return `type${action.actionType}`;
  }
}

/** The top-level actions added in an episode, described. */
export function addedTop(episode: Episode): string[] {
  return episode.top.map(describe);
}
