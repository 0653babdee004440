import { afterEach, describe, expect, it } from 'vitest';
import { LocalDurableHost, TestClock, captureRegistrations, EventType, type HistoryEvent } from '../../engine/adapters/local/durable';
import { probe, registerTestApp } from './fixtures/app';

const registrations = captureRegistrations(registerTestApp);
let host: LocalDurableHost | undefined;

async function newHost(clock = new TestClock({ autoAdvance: true })): Promise<LocalDurableHost> {
  host = new LocalDurableHost({ registrations, file: ':memory:', clock });
  await host.start();
  return host;
}

afterEach(async () => {
  await host?.stop();
  host = undefined;
});

/** `Type#id` / `Type->id` lines, the notation of durable-protocol.md. */
function outline(history: HistoryEvent[]): string[] {
  const names: Record<number, string> = Object.fromEntries(Object.entries(EventType).map(([k, v]) => [v, k]));
  return history
    .filter((e) => e.EventType !== EventType.OrchestratorStarted && e.EventType !== EventType.OrchestratorCompleted)
    .map((e) => {
      const target = e.TaskScheduledId ?? e.TimerId;
      return target !== undefined ? `${names[e.EventType]}->${target}` : e.EventId >= 0 ? `${names[e.EventType]}#${e.EventId}` : names[e.EventType];
    });
}

describe('captureRegistrations', () => {
  it('captures df.app orchestrations and activities with their trigger types', () => {
    expect([...registrations.orchestrations.keys()]).toContain('chain');
    expect(registrations.orchestrations.get('chain')!.trigger!.type).toBe('orchestrationTrigger');
    expect(registrations.activities.get('hello')!.trigger!.type).toBe('activityTrigger');
  });
});

it('captures http, queue and timer registrations and restores app afterwards', async () => {
  const { app } = await import('@azure/functions');
  const original = app.http;
  const captured = captureRegistrations(() => {
    app.http('start', { methods: ['POST'], route: 'flows/{name}', handler: async () => ({ status: 202 }) });
    app.post('quick', { handler: async () => ({}) });
    app.storageQueue('orders', { queueName: 'orders', connection: 'AzureWebJobsStorage', handler: async () => undefined });
    app.timer('nightly', { schedule: '0 0 * * *', handler: async () => undefined });
  });
  expect(captured.http.map((f) => [f.name, f.options.methods])).toEqual([['start', ['POST']], ['quick', ['POST']]]);
  expect(captured.queues[0].options.queueName).toBe('orders');
  expect(captured.timers[0].options.schedule).toBe('0 0 * * *');
  expect(app.http).toBe(original);
});

describe('LocalDurableHost', () => {
  it('runs an activity chain and records the DTFx history', async () => {
    const h = await newHost();
    const id = await h.startNew('chain', { input: 'x' });
    const status = await h.waitForCompletion(id, 10_000);
    expect(status).toMatchObject({ runtimeStatus: 'Completed', output: 'Hello Hello Hello x', input: 'x', name: 'chain' });
    expect(outline(h.history(id))).toEqual([
      'ExecutionStarted', 'TaskScheduled#0', 'TaskCompleted->0', 'TaskScheduled#1', 'TaskCompleted->1', 'TaskScheduled#2', 'TaskCompleted->2', 'ExecutionCompleted#3',
    ]);
  });

  it('fans out with Task.all', async () => {
    const h = await newHost();
    const id = await h.startNew('fanOut');
    expect((await h.waitForCompletion(id, 10_000))!.output).toEqual([1, 4, 9, 16, 25]);
  });

  it('retries a failing activity with timers between attempts, as in the protocol notes (§3)', async () => {
    const clock = new TestClock({ autoAdvance: true });
    const h = await newHost(clock);
    const started = clock.now();
    const id = await h.startNew('retrying', { input: 'r1' });
    const status = await h.waitForCompletion(id, 10_000);
    expect(status).toMatchObject({ runtimeStatus: 'Completed', output: 'ok after 3 attempts' });
    expect(outline(h.history(id))).toEqual([
      'ExecutionStarted', 'TaskScheduled#0', 'TaskFailed->0', 'TimerCreated#1', 'TimerFired->1', 'TaskScheduled#2', 'TaskFailed->2',
      'TimerCreated#3', 'TimerFired->3', 'TaskScheduled#4', 'TaskCompleted->4', 'ExecutionCompleted#5',
    ]);
    const timers = h.history(id).filter((e) => e.EventType === EventType.TimerCreated).map((e) => Date.parse(e.FireAt as string) - started);
    expect(timers).toEqual([1000, 1000 + 2000]); // backoff 2
  });

  it('lets the orchestrator catch exhausted retries (a timer follows even the last failure)', async () => {
    const h = await newHost();
    const id = await h.startNew('retryExhausted', { input: 'r2' });
    const status = await h.waitForCompletion(id, 10_000);
    expect(status!.output).toBe("caught: Activity function 'flaky' failed: flaky failure 2 ");
    expect(outline(h.history(id)).slice(1, 7)).toEqual(['TaskScheduled#0', 'TaskFailed->0', 'TimerCreated#1', 'TimerFired->1', 'TaskScheduled#2', 'TaskFailed->2']);
    expect(outline(h.history(id))).toContain('TimerFired->3');
  });

  it('waits one hour under a test clock without waiting', async () => {
    const h = await newHost();
    const id = await h.startNew('hourTimer');
    expect((await h.waitForCompletion(id, 10_000))!.output).toBe(3600_000);
  });

  it('splits a 10-day timer into segments like the SDK expects (§4)', async () => {
    const clock = new TestClock({ autoAdvance: true });
    const h = await newHost(clock);
    const started = clock.now();
    const id = await h.startNew('longTimer');
    expect((await h.waitForCompletion(id, 10_000))!.output).toBe(10 * 24 * 3600_000);
    const fireAts = h.history(id).filter((e) => e.EventType === EventType.TimerCreated).map((e) => (Date.parse(e.FireAt as string) - started) / 86_400_000);
    expect(fireAts).toEqual([3, 6, 10]);
  });

  it('races an external event against a timer and cancels the losing timer', async () => {
    const h = await newHost(new TestClock());
    const id = await h.startNew('approval');
    await until(() => h.getStatus(id)!.runtimeStatus === 'Running');
    expect(h.getStatus(id)!.customStatus).toEqual({ stage: 'waiting' });
    await h.raiseEvent(id, 'Approval', { by: 'alice' });
    const status = await h.waitForCompletion(id, 10_000);
    expect(status).toMatchObject({ runtimeStatus: 'Completed', output: { approved: { by: 'alice' } }, customStatus: { stage: 'approved' } });
    expect(outline(h.history(id))).toEqual(['ExecutionStarted', 'TimerCreated#0', 'EventRaised', 'ExecutionCompleted#1']);
  });

  it('lets the timer win when no event comes', async () => {
    const h = await newHost();
    const id = await h.startNew('approval');
    expect(await h.waitForCompletion(id, 10_000)).toMatchObject({ output: { approved: false }, customStatus: { stage: 'timedOut' } });
  });

  it('buffers an event raised before the orchestrator waits for it', async () => {
    const h = await newHost(new TestClock());
    const id = await h.startNew('approval');
    await h.raiseEvent(id, 'Approval', 'early');
    expect((await h.waitForCompletion(id, 10_000))!.output).toEqual({ approved: 'early' });
  });

  it('runs sub-orchestrations and reports a child failure to the parent', async () => {
    const h = await newHost();
    const id = await h.startNew('parentSimple', { instanceId: 'p1' });
    const status = await h.waitForCompletion(id, 10_000);
    expect(status!.output).toEqual({ first: 'Hello Hello Hello child', failure: "Orchestrator function 'thrower' failed: deliberate failure" });
    expect(h.getStatus('p1:0')).toMatchObject({ runtimeStatus: 'Completed', name: 'chain' });
    expect(h.getStatus('p1:1')).toMatchObject({ runtimeStatus: 'Failed' });
    expect(outline(h.history(id))).toEqual([
      'ExecutionStarted', 'SubOrchestrationInstanceCreated#0', 'SubOrchestrationInstanceCompleted->0',
      'SubOrchestrationInstanceCreated#1', 'SubOrchestrationInstanceFailed->1', 'ExecutionCompleted#2',
    ]);
  });

  it('continues as new with a fresh history', async () => {
    const h = await newHost();
    const seen: string[] = [];
    h.on('continuedAsNew', (id: string) => seen.push(id));
    const id = await h.startNew('counter', { input: 0 });
    expect((await h.waitForCompletion(id, 10_000))!.output).toBe(3);
    expect(seen).toEqual([id, id, id]);
    expect(outline(h.history(id))).toEqual(['ExecutionStarted', 'TaskScheduled#0', 'TaskCompleted->0', 'ExecutionCompleted#1']);
  });

  it('fails the instance when the orchestrator throws', async () => {
    const h = await newHost();
    const id = await h.startNew('thrower');
    const status = await h.waitForCompletion(id, 10_000);
    expect(status).toMatchObject({ runtimeStatus: 'Failed', output: "Orchestrator function 'thrower' failed: deliberate failure" });
  });

  it('terminates a waiting instance and purges it', async () => {
    const h = await newHost(new TestClock());
    const id = await h.startNew('approval');
    await h.terminate(id, 'no longer needed');
    expect(await h.waitForCompletion(id, 10_000)).toMatchObject({ runtimeStatus: 'Terminated', output: 'no longer needed' });
    await expect(h.raiseEvent(id, 'Approval', 1)).rejects.toMatchObject({ code: 'Gone' });
    expect(h.purge(id)).toBe(true);
    expect(h.getStatus(id)).toBeUndefined();
  });

  it('lists instances by status with continuation tokens', async () => {
    const h = await newHost();
    const ids = [];
    for (let i = 0; i < 5; i++) ids.push(await h.startNew('chain', { input: i, instanceId: `list-${i}` }));
    for (const id of ids) await h.waitForCompletion(id, 10_000);
    const first = h.list({ runtimeStatus: ['Completed'], top: 3 });
    expect(first.instances.map((s) => s.instanceId)).toEqual(['list-0', 'list-1', 'list-2']);
    const second = h.list({ runtimeStatus: ['Completed'], top: 3, continuationToken: first.continuationToken });
    expect(second.instances.map((s) => s.instanceId)).toEqual(['list-3', 'list-4']);
    expect(second.continuationToken).toBeUndefined();
  });
});

async function until(check: () => boolean, timeoutMs = 5000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 5));
  }
}
