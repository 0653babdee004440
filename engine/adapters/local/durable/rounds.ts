/**
 * The host's scheduling loop. A round gathers API commands, finished activity results and one
 * episode per ready instance, commits all their store ops in ONE transaction, and only then runs
 * the side effects (`afters`: start activities, arm timers, deliver messages, emit events).
 * In-memory state may change before the commit; a failed commit stops the host, and a restart
 * rebuilds memory from the store, which is why side effects wait for the commit.
 */
import { newBook } from './book';
import type { ActivityJob } from './activities';
import { EventType, type HistoryEvent, historyEvent, jsonText } from './events';
import { type Ending, type EpisodeResult, type Message, runEpisode } from './episode';
import type { CompletionNotice, LocalDurableHost } from './host';
import { type LiveInstance, messageRow, nextDelivery, NO_ACTIVITIES } from './live';
import type { InstanceRow, StoreOp, WorkRow } from './store';

const EPISODES_PER_ROUND = 64;

// A suspended instance takes no delivery but a termination (the extension terminates suspended instances).
function held(live: LiveInstance): boolean {
  return live.row.status === 'Suspended' && !live.inbox.some((d) => d.message.type === 'terminate');
}

interface Command {
  /** A function is called when the round starts: its ops see (and may change) the instance as it is then. */
  ops: StoreOp[] | (() => StoreOp[]);
  after: () => void;
  resolve: () => void;
  reject: (err: unknown) => void;
}

interface Round {
  ops: StoreOp[];
  afters: (() => void)[];
}

/** Drives episodes for a LocalDurableHost (see the file comment). */
export class Rounds {
  private readonly ready: LiveInstance[] = [];
  private commands: Command[] = [];
  private finished: { job: ActivityJob; event: HistoryEvent }[] = [];
  private tickScheduled = false;
  private ticking = false;
  private stopped = false;

  constructor(private readonly host: LocalDurableHost) {}

  /** Commits `ops` in the next round and runs `after` once they are durable. */
  command(ops: Command['ops'], after: () => void): Promise<void> {
    if (this.stopped) return Promise.reject(new Error('The local Durable host is stopped.'));
    return new Promise((resolve, reject) => {
      this.commands.push({ ops, after, resolve, reject });
      this.scheduleTick();
    });
  }

  /** Whether no round runs or waits (no ready episode, command or activity result); activities and timers may be pending. */
  get quiet(): boolean {
    return !this.ticking && !this.tickScheduled && this.ready.length === 0 && this.commands.length === 0 && this.finished.length === 0;
  }

  /** Records a finished activity; its result is committed and delivered in the next round. */
  activityDone(job: ActivityJob, event: HistoryEvent): void {
    if (this.stopped) return;
    this.finished.push({ job, event });
    this.scheduleTick();
  }

  /** Puts a committed message in the instance's inbox, unless the instance or execution moved on. */
  deliver(live: LiveInstance, work: WorkRow, message: Message): void {
    if (this.host.live.get(live.row.id) !== live || work.generation !== live.row.generation) return;
    live.inbox.push({ work, message });
    this.markReady(live);
  }

  /** Arms a committed timer row on the host's clock. */
  armTimer(live: LiveInstance, work: WorkRow, timerId: number, fireAt: number): void {
    const entry = { work, fireAt, cancel: () => undefined as void };
    live.timers.set(timerId, entry);
    entry.cancel = this.host.clock.schedule(fireAt, () => {
      if (this.stopped || live.timers.get(timerId) !== entry) return;
      live.timers.delete(timerId);
      const event = historyEvent(EventType.TimerFired, '', { TimerId: timerId, FireAt: new Date(fireAt).toISOString() });
      this.deliver(live, work, { type: 'event', event });
    });
  }

  /** Starts a committed activity row. */
  runActivity(live: LiveInstance, work: WorkRow, body: { taskId: number; name: string; input: unknown }): void {
    if (live.activities === NO_ACTIVITIES) live.activities = new Map();
    live.activities.set(work.id!, work);
    this.host.runner.enqueue({ workId: work.id!, instanceId: live.row.id, taskId: body.taskId, name: body.name, input: body.input });
  }

  /** Stops after the round in progress; pending commands are refused. */
  async stop(): Promise<void> {
    this.stopped = true;
    while (this.ticking) await new Promise((r) => setImmediate(r));
    for (const live of this.host.live.values()) for (const t of live.timers.values()) t.cancel();
    for (const c of this.commands.splice(0)) c.reject(new Error('The local Durable host stopped.'));
  }

  /** Queues the instance for an episode if it has a delivery it may take now. */
  markReady(live: LiveInstance): void {
    if (live.queued || live.inbox.length === 0 || held(live)) return;
    live.queued = true;
    this.ready.push(live);
    this.scheduleTick();
  }

  private scheduleTick(): void {
    if (this.tickScheduled || this.stopped) return;
    this.tickScheduled = true;
    setImmediate(() => {
      this.tickScheduled = false;
      void this.tick();
    });
  }

  private async tick(): Promise<void> {
    if (this.ticking) return; // the running loop picks the new work up
    this.ticking = true;
    try {
      while (!this.stopped && (this.ready.length || this.commands.length || this.finished.length)) await this.round();
    } catch (err) {
      this.stopped = true;
      this.host.emit('error', err);
    } finally {
      this.ticking = false;
    }
    this.reportIdle();
  }

  // With a test clock, an idle host lets time jump to the next timer.
  private reportIdle(): void {
    if (this.stopped || this.ready.length || this.commands.length || this.finished.length || !this.host.runner.idle) return;
    if (!this.host.clock.idle) return;
    let next = Infinity;
    for (const live of this.host.live.values()) for (const t of live.timers.values()) next = Math.min(next, t.fireAt);
    if (next !== Infinity) this.host.clock.idle(next);
  }

  private async round(): Promise<void> {
    const commands = this.commands.splice(0);
    const round: Round = { ops: [], afters: [] };
    for (const c of commands) {
      round.ops.push(...(typeof c.ops === 'function' ? c.ops() : c.ops));
      round.afters.push(c.after);
    }
    for (const { job, event } of this.finished.splice(0)) this.recordActivityResult(round, job, event);
    for (const live of this.ready.splice(0, EPISODES_PER_ROUND)) {
      live.queued = false;
      if (this.host.live.get(live.row.id) === live && !held(live)) await this.episode(round, live);
    }
    try {
      this.host.store.commit(round.ops);
    } catch (err) {
      for (const c of commands) c.reject(err);
      throw err;
    }
    for (const after of round.afters) after();
    for (const c of commands) c.resolve();
    this.host.trimCache();
  }

  private recordActivityResult(round: Round, job: ActivityJob, event: HistoryEvent): void {
    const live = this.host.live.get(job.instanceId);
    const row = live?.activities.get(job.workId);
    if (!live || !row) return; // the execution ended or continued as new meanwhile
    live.activities.delete(job.workId);
    const message: Message = { type: 'event', event };
    const work = { ...messageRow(live, message), generation: row.generation };
    round.ops.push({ op: 'deleteWork', id: job.workId }, { op: 'addWork', work });
    round.afters.push(() => this.deliver(live, work, message));
  }

  private async episode(round: Round, live: LiveInstance): Promise<void> {
    const delivery = nextDelivery(live);
    if (!delivery) return;
    this.host.warm(live);
    const row = live.row;
    const event = delivery.message.type === 'event' ? delivery.message.event : undefined;
    // A TimerFired goes only into an episode whose time has reached its FireAt (§2).
    const fireAt = event?.EventType === EventType.TimerFired ? Date.parse(event.FireAt as string) : 0;
    const now = Math.max(this.host.clock.now(), live.lastTime, fireAt);
    const settings = this.host.timerSettings;
    const result = await runEpisode({
      name: row.name,
      parentInstanceId: row.parentId,
      input: row.input === null ? undefined : JSON.parse(row.input),
      played: live.played,
      book: live.book,
      handler: this.host.orchestrationHandler(row.name),
      message: delivery.message,
      facts: { instanceId: row.id, generation: row.generation, now, timestamp: new Date(now).toISOString(), maxShortTimerMs: settings.maxShortMs, longTimerIntervalMs: settings.intervalMs },
      timerDurations: { maximumShort: settings.maximumShort, longRunningInterval: settings.longRunningInterval },
    });
    live.lastTime = now;
    round.ops.push({ op: 'deleteWork', id: delivery.work.id! });
    const updated: InstanceRow = { ...row, updatedAt: now, status: row.status === 'Suspended' ? 'Suspended' : 'Running' };
    if (result.customStatus !== undefined) updated.customStatus = jsonText(result.customStatus);
    this.cancelTimers(round, live, result.cancelledTimers);
    if (result.ending?.status === 'ContinuedAsNew') {
      this.continueAsNew(round, live, updated, result.ending.input);
      return;
    }
    const seq = live.played.length;
    result.events.forEach((e, i) => {
      const text = JSON.stringify({ ...e, IsPlayed: true });
      live.played.push(text);
      round.ops.push({ op: 'appendHistory', instanceId: row.id, seq: seq + i, event: text });
    });
    if (result.ending) {
      this.finish(round, live, updated, result.ending);
      return;
    }
    this.startWork(round, live, result);
    updated.book = JSON.stringify(live.book);
    live.row = updated;
    round.ops.push({ op: 'putInstance', row: updated });
    round.afters.push(() => this.markReady(live));
  }

  private cancelTimers(round: Round, live: LiveInstance, ids: number[]): void {
    for (const id of ids) {
      const armed = live.timers.get(id);
      if (armed) {
        armed.cancel();
        live.timers.delete(id);
        round.ops.push({ op: 'deleteWork', id: armed.work.id! });
        continue;
      }
      const due = live.inbox.findIndex((d) => d.message.type === 'event' && d.message.event.EventType === EventType.TimerFired && d.message.event.TimerId === id);
      if (due >= 0) round.ops.push({ op: 'deleteWork', id: live.inbox.splice(due, 1)[0].work.id! });
    }
  }

  private startWork(round: Round, live: LiveInstance, result: EpisodeResult): void {
    const row = live.row;
    for (const w of result.work) {
      if (w.kind === 'suborch') {
        this.startChild(round, live, w);
        continue;
      }
      const body = w.kind === 'activity' ? { taskId: w.taskId, name: w.name, input: w.input } : { timerId: w.timerId, fireAt: w.fireAt };
      const work: WorkRow = { instanceId: row.id, generation: row.generation, kind: w.kind, dueAt: w.kind === 'timer' ? w.fireAt : null, body: JSON.stringify(body) };
      round.ops.push({ op: 'addWork', work });
      round.afters.push(() => {
        if (this.host.live.get(row.id) !== live || live.row.generation !== work.generation) return;
        if (w.kind === 'timer') this.armTimer(live, work, w.timerId, w.fireAt);
        else this.runActivity(live, work, body as { taskId: number; name: string; input: unknown });
      });
    }
  }

  private startChild(round: Round, parent: LiveInstance, w: { taskId: number; name: string; instanceId: string; input: unknown }): void {
    if (this.host.live.has(w.instanceId)) {
      const reason = `An orchestration with instance ID '${w.instanceId}' already exists.`;
      this.notify(round, parent, parent.row.generation, historyEvent(EventType.SubOrchestrationInstanceFailed, '', { TaskScheduledId: w.taskId, Reason: reason, Details: reason }));
      return;
    }
    const child = this.host.createInstance(round.ops, { id: w.instanceId, name: w.name, input: w.input, parent: { id: parent.row.id, taskId: w.taskId, generation: parent.row.generation } });
    const [work, message] = this.host.startMessage(child);
    round.ops.push({ op: 'addWork', work });
    round.afters.push(() => this.deliver(child, work, message));
  }

  private notify(round: Round, target: LiveInstance, generation: number, event: HistoryEvent): void {
    const message: Message = { type: 'event', event };
    const work = { ...messageRow(target, message), generation };
    round.ops.push({ op: 'addWork', work });
    round.afters.push(() => this.deliver(target, work, message));
  }

  private continueAsNew(round: Round, live: LiveInstance, updated: InstanceRow, input: unknown): void {
    const id = live.row.id;
    for (const t of live.timers.values()) t.cancel();
    live.timers.clear();
    live.activities.clear();
    live.inbox.length = 0;
    live.played = [];
    live.book = newBook();
    live.row = { ...updated, status: 'ContinuedAsNew', input: jsonText(input), generation: updated.generation + 1, book: JSON.stringify(live.book) };
    // JS has no preserveUnprocessedEvents: the old execution's pending work and events go (§4).
    round.ops.push({ op: 'clearHistory', instanceId: id }, { op: 'clearWork', instanceId: id }, { op: 'putInstance', row: live.row });
    const [work, message] = this.host.startMessage(live);
    round.ops.push({ op: 'addWork', work });
    round.afters.push(() => {
      this.host.emit('continuedAsNew', id);
      this.deliver(live, work, message);
    });
  }

  private finish(round: Round, live: LiveInstance, updated: InstanceRow, ending: Exclude<Ending, { status: 'ContinuedAsNew' }>): void {
    const row = live.row;
    for (const t of live.timers.values()) t.cancel();
    this.host.live.delete(row.id);
    this.host.warmed.delete(row.id);
    const output = ending.status === 'Completed' ? ending.output : ending.reason;
    const final: InstanceRow = { ...updated, status: ending.status, output: jsonText(output), book: JSON.stringify(live.book) };
    live.row = final;
    round.ops.push({ op: 'clearWork', instanceId: row.id }, { op: 'putInstance', row: final });
    const parent = row.parentId ? this.host.live.get(row.parentId) : undefined;
    if (parent && parent.row.generation === row.parentGeneration) {
      const event = ending.status === 'Completed'
        ? historyEvent(EventType.SubOrchestrationInstanceCompleted, '', { TaskScheduledId: row.parentTaskId, Result: jsonText(ending.output) })
        : historyEvent(EventType.SubOrchestrationInstanceFailed, '', { TaskScheduledId: row.parentTaskId, Reason: ending.reason, Details: ('details' in ending && ending.details) || ending.reason });
      this.notify(round, parent, parent.row.generation, event);
    }
    const notice: CompletionNotice = { instanceId: row.id, name: row.name, runtimeStatus: ending.status, output };
    round.afters.push(() => this.host.emit('completed', notice));
  }
}
