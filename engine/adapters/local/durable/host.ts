/**
 * LocalDurableHost: runs durable-functions orchestrations on one machine without the Functions
 * host. Each round it takes ready instances, runs one episode each through the real SDK handler,
 * commits every episode's events and work (plus finished activity results and API commands) in
 * ONE SQLite transaction, and only then starts activities, arms timers and reports completions.
 * Guarantees and storage layout: README.md next to this file.
 */
import { log } from '../../../telemetry/log';
import { EventEmitter } from 'node:events';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { ActivityRunner, type ActivityJob } from './activities';
import { newBook } from './book';
import { type Clock, WallClock } from './clock';
import { EventType, type HistoryEvent, historyEvent, jsonText } from './events';
import type { Message } from './episode';
import { chill, type LiveInstance, liveInstance, messageRow, thaw } from './live';
import type { CapturedRegistrations } from './registrations';
import { Rounds } from './rounds';
import { type InstanceStatus, type RuntimeStatus, type StatusOptions, isTerminal, toStatus } from './status';
import { DurableStore, type InstanceRow, type StoreOp, type WorkRow } from './store';
import { timeSpanMs } from './timespan';

/** How a host is set up. */
export interface LocalDurableHostOptions {
  /** The app's orchestrations and activities (from `captureRegistrations`). */
  registrations: Pick<CapturedRegistrations, 'orchestrations' | 'activities'>;
  /** Where the store lives (default `.sluice/`); ignored when `file` is set. */
  dataDir?: string;
  /** The SQLite file, or `':memory:'`; default `<dataDir>/durable.sqlite`. */
  file?: string;
  /** An already opened store (the runtime opens it first, to read the definitions it keeps); `file` is then ignored. */
  store?: DurableStore;
  clock?: Clock;
  /** How many activities run at once (default 16). */
  activityConcurrency?: number;
  /** TimeSpan texts sent to the SDK (Azure Storage defaults `6.00:00:00` / `3.00:00:00`). */
  maximumShortTimerDuration?: string;
  longRunningTimerIntervalDuration?: string;
  /** SQLite `synchronous`: NORMAL survives a killed process, FULL also a power cut. */
  synchronous?: 'NORMAL' | 'FULL';
  /**
   * How many live instances keep their history in memory (least recently used beyond it are dropped
   * from memory when idle and loaded from the store before their next episode); default 5,000
   * (`SLUICE_HOST_CACHE_RUNS` in the embedded runtime).
   */
  cacheRuns?: number;
}

/** Live instances whose history stays in memory by default (the embedded runtime passes `SLUICE_HOST_CACHE_RUNS`). */
export const DEFAULT_CACHE_RUNS = 5000;

/** A refused request, with the reason the management API maps to a status code. */
export class DurableHostError extends Error {
  constructor(readonly code: 'NotFound' | 'Gone' | 'Conflict' | 'BadRequest' | 'PreconditionFailed' | 'NotImplemented', message: string) {
    super(message);
    this.name = 'DurableHostError';
  }
}

/** Filter and paging for `list`. */
export interface ListFilter {
  runtimeStatus?: RuntimeStatus[];
  createdTimeFrom?: Date;
  createdTimeTo?: Date;
  /** Only instances whose id starts with this text. */
  instanceIdPrefix?: string;
  top?: number;
  continuationToken?: string;
  showInput?: boolean;
}

/** What `completed` listeners receive. */
export interface CompletionNotice {
  instanceId: string;
  name: string;
  runtimeStatus: RuntimeStatus;
  output: unknown;
}

function isoOf(ms: number): string {
  return new Date(ms).toISOString();
}

/**
 * The embedded Durable host. Events: `completed` (CompletionNotice, after the final commit),
 * `continuedAsNew` (instanceId), `error` (a failed commit; the host stops).
 */
export class LocalDurableHost extends EventEmitter {
  readonly clock: Clock;
  readonly store: DurableStore;
  /** Instances that have not finished, by id. */
  readonly live = new Map<string, LiveInstance>();
  readonly runner: ActivityRunner;
  /** Warm live instances, least recently used first (the cache `cacheRuns` bounds). */
  readonly warmed = new Map<string, LiveInstance>();
  readonly cacheRuns: number;
  readonly timerSettings: { maximumShort: string; longRunningInterval: string; maxShortMs: number; intervalMs: number };
  private readonly rounds: Rounds;
  private started = false;
  // One 'completed' listener dispatches to waiters by id (thousands of waits stay O(1) each).
  private readonly waiters = new Map<string, Set<() => void>>();

  constructor(readonly options: LocalDurableHostOptions) {
    super();
    this.clock = options.clock ?? new WallClock();
    const file = options.file ?? join(options.dataDir ?? '.sluice', 'durable.sqlite');
    this.store = options.store ?? new DurableStore(file, { synchronous: options.synchronous });
    this.cacheRuns = Math.max(1, options.cacheRuns ?? DEFAULT_CACHE_RUNS);
    const maximumShort = options.maximumShortTimerDuration ?? '6.00:00:00';
    const longRunningInterval = options.longRunningTimerIntervalDuration ?? '3.00:00:00';
    this.timerSettings = { maximumShort, longRunningInterval, maxShortMs: timeSpanMs(maximumShort), intervalMs: timeSpanMs(longRunningInterval) };
    this.runner = new ActivityRunner(
      (name) => options.registrations.activities.get(name)?.handler,
      options.activityConcurrency ?? 16,
      (job, event) => this.rounds.activityDone(job, event),
    );
    this.rounds = new Rounds(this);
    this.on('completed', (notice: CompletionNotice) => {
      for (const finish of [...(this.waiters.get(notice.instanceId) ?? [])]) finish();
    });
  }

  /** Opens the store and resumes every in-flight instance (activities without a recorded result run again). */
  async start(): Promise<void> {
    if (this.started) return;
    this.started = true;
    const { instances, work } = this.store.loadLive();
    if (instances.length > 0) log('info', 'recovery', { instances: instances.length, pendingWork: work.length });
    // Every live instance starts cold: its history is read when its next episode needs it, so a restart
    // over 100,000 parked runs reads their rows, not their histories.
    for (const row of instances) {
      const live = liveInstance(row, []);
      chill(live);
      this.live.set(row.id, live);
    }
    for (const w of work) {
      const live = this.live.get(w.instanceId);
      if (!live || live.row.generation !== w.generation) continue;
      const body = JSON.parse(w.body);
      if (w.kind === 'message') this.rounds.deliver(live, w, body as Message);
      else if (w.kind === 'timer') this.rounds.armTimer(live, w, body.timerId, body.fireAt);
      else this.rounds.runActivity(live, w, body);
    }
  }

  /** Stops scheduling; running activities are abandoned (their rows stay, so they run again on restart). */
  async stop(): Promise<void> {
    await this.rounds.stop();
    this.store.close();
  }

  /** Starts an orchestration; resolves with its instance id once the start is committed. */
  async startNew(name: string, options: { instanceId?: string; input?: unknown } = {}): Promise<string> {
    // The extension answers an unknown orchestrator with 400 (an ArgumentException), not 404.
    if (!this.options.registrations.orchestrations.has(name)) {
      throw new DurableHostError('BadRequest', `The function '${name}' doesn't exist, is disabled, or is not an orchestrator function.`);
    }
    const id = options.instanceId ?? randomUUID().replace(/-/g, '');
    if (this.live.has(id)) throw new DurableHostError('Conflict', `An instance with ID '${id}' already exists.`);
    const ops: StoreOp[] = [];
    const live = this.createInstance(ops, { id, name, input: options.input });
    const [work, message] = this.startMessage(live);
    ops.push({ op: 'addWork', work });
    await this.rounds.command(ops, () => this.rounds.deliver(live, work, message));
    return id;
  }

  /**
   * Adds a Pending instance (replacing a finished one with the same id) to `ops` and to memory.
   * Used for top-level starts and sub-orchestrations.
   */
  createInstance(ops: StoreOp[], spec: { id: string; name: string; input: unknown; parent?: { id: string; taskId: number; generation: number } }): LiveInstance {
    if (this.store.getInstance(spec.id)) ops.push({ op: 'clearHistory', instanceId: spec.id }, { op: 'clearWork', instanceId: spec.id });
    const now = this.clock.now();
    const row: InstanceRow = {
      id: spec.id, name: spec.name, status: 'Pending', input: jsonText(spec.input), output: null, customStatus: null,
      createdAt: now, updatedAt: now, parentId: spec.parent?.id ?? null, parentTaskId: spec.parent?.taskId ?? null,
      parentGeneration: spec.parent?.generation ?? null, generation: 0, book: JSON.stringify(newBook()),
    };
    ops.push({ op: 'putInstance', row });
    const live = liveInstance(row, []);
    this.live.set(spec.id, live);
    this.warmed.delete(spec.id);
    this.warmed.set(spec.id, live);
    return live;
  }

  /** Loads a cold instance from the store (before an episode or a change of its row) and marks it most recently used. */
  warm(live: LiveInstance): void {
    const id = live.row.id;
    if (live.cold) {
      const row = this.store.getInstance(id);
      if (!row) throw new Error(`instance ${id} is live but not in the store`);
      thaw(live, row, this.store.getHistory(id));
    }
    this.warmed.delete(id);
    this.warmed.set(id, live);
  }

  /** Leaves at most `cacheRuns` warm instances: the least recently used idle ones go cold (the store has them). */
  trimCache(): void {
    let over = this.warmed.size - this.cacheRuns;
    if (over <= 0) return;
    for (const [id, live] of this.warmed) {
      if (over <= 0) break;
      if (this.live.get(id) !== live) {
        this.warmed.delete(id);
        over--;
      } else if (!live.queued && live.inbox.length === 0) {
        chill(live);
        this.warmed.delete(id);
        over--;
      }
    }
  }

  /** The instance's full row: in memory when warm, else the committed one. */
  private rowOf(instanceId: string): InstanceRow | undefined {
    const live = this.live.get(instanceId);
    return live && !live.cold ? live.row : this.store.getInstance(instanceId);
  }

  /** The `ExecutionStarted` message that begins an instance's current execution. */
  startMessage(live: LiveInstance): [WorkRow, Message] {
    const row = live.row;
    const event = historyEvent(EventType.ExecutionStarted, isoOf(this.clock.now()), {
      Name: row.name,
      Version: '',
      Input: row.input,
      OrchestrationInstance: { InstanceId: row.id, ExecutionId: `${row.id}:${row.generation}` },
      ParentInstance: row.parentId ? { OrchestrationInstance: { InstanceId: row.parentId }, TaskScheduleId: row.parentTaskId } : null,
    });
    const message: Message = { type: 'event', event };
    return [messageRow(live, message), message];
  }

  /** Queues an external event for a running instance (buffered until the orchestrator waits for it). */
  async raiseEvent(instanceId: string, eventName: string, eventData?: unknown): Promise<void> {
    const live = this.requireLive(instanceId);
    const message: Message = { type: 'event', event: historyEvent(EventType.EventRaised, isoOf(this.clock.now()), { Name: eventName, Input: jsonText(eventData) }) };
    const work = messageRow(live, message);
    await this.rounds.command([{ op: 'addWork', work }], () => this.rounds.deliver(live, work, message));
  }

  /** Terminates a running instance; its outstanding work is dropped and its parent is told it failed. */
  async terminate(instanceId: string, reason = ''): Promise<void> {
    const live = this.requireLive(instanceId);
    const message: Message = { type: 'terminate', reason };
    const work = messageRow(live, message);
    await this.rounds.command([{ op: 'addWork', work }], () => this.rounds.deliver(live, work, message));
  }

  /**
   * Suspends a running instance: it takes no further delivery (completions and events wait in its inbox)
   * until resumed; a termination still goes through. Suspending a suspended instance does nothing.
   */
  async suspend(instanceId: string): Promise<void> {
    const live = this.requireLive(instanceId);
    await this.rounds.command(() => this.setLiveStatus(live, 'Suspended'), () => undefined);
  }

  /** Resumes a suspended instance: what arrived meanwhile is delivered. Resuming a running one does nothing. */
  async resume(instanceId: string): Promise<void> {
    const live = this.requireLive(instanceId);
    await this.rounds.command(() => (live.row.status === 'Suspended' ? this.setLiveStatus(live, 'Running') : []), () => this.rounds.markReady(live));
  }

  /**
   * Starts an instance again with the input it was started with: under a new id (the default, as the
   * extension's RestartAsync), or under the same id, which must have finished. Resolves with the new id.
   */
  async restart(instanceId: string, withNewInstanceId = true): Promise<string> {
    const row = this.rowOf(instanceId);
    if (!row) throw new DurableHostError('BadRequest', `InstanceId '${instanceId}' does not match a valid orchestration instance.`);
    if (!withNewInstanceId && this.live.has(instanceId)) throw new DurableHostError('Conflict', `A non-terminal instance with ID '${instanceId}' already exists.`);
    return this.startNew(row.name, { input: row.input === null ? undefined : JSON.parse(row.input), ...(withNewInstanceId ? {} : { instanceId }) });
  }

  /**
   * Rewind is not supported by this store: the extension's answer for such a storage provider (501),
   * after its own checks (404 for an unknown instance, 412 for one that did not fail).
   */
  rewind(instanceId: string): never {
    const row = this.live.get(instanceId)?.row ?? this.store.getInstance(instanceId);
    if (!row) throw new DurableHostError('NotFound', `No orchestration with instance ID '${instanceId}' found.`);
    if (row.status !== 'Failed') throw new DurableHostError('PreconditionFailed', `This orchestration has status ${row.status}, but only orchestrations in the "Failed" state can be rewound.`);
    throw new DurableHostError('NotImplemented', 'Rewind is not supported by the local Durable store; redrive the run from its failed step instead (`sluice redrive <runId>`).');
  }

  /** Deletes a finished instance and its history; false when there is no such instance, 412 when it is still live. */
  purge(instanceId: string): boolean {
    const live = this.live.get(instanceId);
    if (live) throw new DurableHostError('PreconditionFailed', `Only orchestrations in a terminal state can be purged, but the orchestration with instance ID ${instanceId} has status ${live.row.status}`);
    if (!this.store.getInstance(instanceId)) return false;
    this.store.commit([{ op: 'deleteInstance', instanceId }, { op: 'clearHistory', instanceId }, { op: 'clearWork', instanceId }]);
    return true;
  }

  /** Deletes every finished instance created in [from, to] (and in one of `statuses`, when given); returns how many. */
  purgeWhere(filter: { createdTimeFrom: Date; createdTimeTo?: Date; runtimeStatus?: RuntimeStatus[] }): number {
    const statuses = (filter.runtimeStatus?.length ? filter.runtimeStatus : ['Completed', 'Failed', 'Terminated']).filter((status) => isTerminal(status));
    if (statuses.length === 0) return 0;
    const ids: string[] = [];
    let after: { createdAt: number; id: string } | undefined;
    for (;;) {
      const { rows, more } = this.store.listInstances({ statuses, createdFrom: filter.createdTimeFrom.getTime(), createdTo: (filter.createdTimeTo ?? new Date(this.clock.now())).getTime(), top: 500, after });
      for (const row of rows) if (!this.live.has(row.id)) ids.push(row.id);
      const last = rows[rows.length - 1];
      if (!more || !last) break;
      after = { createdAt: last.createdAt, id: last.id };
    }
    this.store.commit(ids.flatMap((instanceId): StoreOp[] => [{ op: 'deleteInstance', instanceId }, { op: 'clearHistory', instanceId }, { op: 'clearWork', instanceId }]));
    return ids.length;
  }

  /** The Durable status JSON of an instance, or undefined when it does not exist. */
  getStatus(instanceId: string, options: StatusOptions = {}): InstanceStatus | undefined {
    const row = this.rowOf(instanceId);
    if (!row) return undefined;
    return toStatus(row, options, options.showHistory ? this.history(instanceId) : undefined);
  }

  /** The raw history (DTFx events) of the instance's current execution. */
  history(instanceId: string): HistoryEvent[] {
    const live = this.live.get(instanceId);
    const texts = live && !live.cold ? live.played : this.store.getHistory(instanceId);
    return texts.map((t) => JSON.parse(t) as HistoryEvent);
  }

  /** A page of statuses; pass the returned token back for the next page. */
  list(filter: ListFilter = {}): { instances: InstanceStatus[]; continuationToken?: string } {
    const after = filter.continuationToken ? JSON.parse(Buffer.from(filter.continuationToken, 'base64url').toString()) : undefined;
    const { rows, more } = this.store.listInstances({
      statuses: filter.runtimeStatus, createdFrom: filter.createdTimeFrom?.getTime(), createdTo: filter.createdTimeTo?.getTime(),
      idPrefix: filter.instanceIdPrefix, top: filter.top, after,
    });
    const instances = rows.map((row) => {
      const live = this.live.get(row.id);
      return toStatus(live && !live.cold ? live.row : row, { showInput: filter.showInput ?? false });
    });
    const last = rows[rows.length - 1];
    const continuationToken = more && last ? Buffer.from(JSON.stringify({ createdAt: last.createdAt, id: last.id })).toString('base64url') : undefined;
    return { instances, continuationToken };
  }

  /** Resolves with the status once the instance finishes, or with its current status after `timeoutMs` (real time). */
  waitForCompletion(instanceId: string, timeoutMs = 60_000): Promise<InstanceStatus | undefined> {
    const status = this.getStatus(instanceId);
    if (!status || isTerminal(status.runtimeStatus)) return Promise.resolve(status);
    return new Promise((resolve) => {
      const waiters = this.waiters.get(instanceId) ?? new Set<() => void>();
      this.waiters.set(instanceId, waiters);
      const finish = (): void => {
        waiters.delete(finish);
        if (waiters.size === 0) this.waiters.delete(instanceId);
        clearTimeout(timer);
        resolve(this.getStatus(instanceId));
      };
      const timer = setTimeout(finish, timeoutMs);
      waiters.add(finish);
    });
  }

  /**
   * Whether the host has nothing to do until an activity finishes or a timer fires: a driver of virtual
   * time (`sluice test`) moves its clock only then, since activities it answers late hold the runner.
   */
  get quiet(): boolean {
    return this.rounds.quiet;
  }

  /** The earliest fire time of an armed timer of any live instance; Infinity when there is none. */
  nextTimerAt(): number {
    let next = Infinity;
    for (const live of this.live.values()) for (const t of live.timers.values()) next = Math.min(next, t.fireAt);
    return next;
  }

  /** The registered orchestrator handler for a name. */
  orchestrationHandler(name: string) {
    return this.options.registrations.orchestrations.get(name)?.handler;
  }

  // Called when a command's round starts: the row as it is then, with its new status.
  private setLiveStatus(live: LiveInstance, status: RuntimeStatus): StoreOp[] {
    if (this.live.get(live.row.id) !== live || live.row.status === status) return [];
    this.warm(live);
    live.row = { ...live.row, status, updatedAt: Math.max(live.row.updatedAt, this.clock.now()) };
    return [{ op: 'putInstance', row: live.row }];
  }

  private requireLive(instanceId: string): LiveInstance {
    const live = this.live.get(instanceId);
    if (live) return live;
    if (this.store.getInstance(instanceId)) throw new DurableHostError('Gone', `The instance '${instanceId}' has already finished.`);
    throw new DurableHostError('NotFound', `No instance with ID '${instanceId}' found.`);
  }
}

export type { ActivityJob };
