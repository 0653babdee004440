import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { InvocationContext } from '@azure/functions';
import * as df from 'durable-functions';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LocalDurableHost, TestClock, captureRegistrations, createManagementHandler, durableClientBinding } from '../../engine/adapters/local/durable';
import { registerTestApp } from './fixtures/app';

const registrations = captureRegistrations(registerTestApp);
let host: LocalDurableHost;
let server: Server;
let base: string;
const api = () => `${base}/runtime/webhooks/durabletask`;

beforeAll(async () => {
  host = new LocalDurableHost({ registrations, file: ':memory:', clock: new TestClock() });
  await host.start();
  server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const handle = createManagementHandler(host, { baseUrl: base, taskHub: 'TestHub' });
  server.on('request', (req, res) => {
    if (!handle(req, res)) res.writeHead(404).end();
  });
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await host.stop();
});

async function finished(id: string): Promise<void> {
  await host.waitForCompletion(id, 10_000);
}

describe('Durable HTTP management API', () => {
  it('starts, reports status with history, raises an event, and reads the final status', async () => {
    const start = await fetch(`${api()}/orchestrators/approval/http-1`, { method: 'POST', body: JSON.stringify({ order: 7 }) });
    expect(start.status).toBe(202);
    const links = (await start.json()) as Record<string, string>;
    expect(links.id).toBe('http-1');
    expect(start.headers.get('location')).toBe(links.statusQueryGetUri);
    expect(links.sendEventPostUri).toContain('/instances/http-1/raiseEvent/{eventName}');

    let status = await fetch(links.statusQueryGetUri);
    while (((await status.clone().json()) as { runtimeStatus: string }).runtimeStatus === 'Pending') status = await fetch(links.statusQueryGetUri);
    expect(status.status).toBe(202);
    expect(await status.json()).toMatchObject({ name: 'approval', instanceId: 'http-1', runtimeStatus: 'Running', input: { order: 7 }, customStatus: { stage: 'waiting' } });

    const raised = await fetch(`${api()}/instances/http-1/raiseEvent/Approval`, { method: 'POST', body: JSON.stringify({ by: 'bob' }) });
    expect(raised.status).toBe(202);
    await finished('http-1');
    const done = await fetch(`${api()}/instances/http-1?showHistory=true&showHistoryOutput=true`);
    expect(done.status).toBe(200);
    const body = (await done.json()) as { historyEvents: { EventType: string; Result?: unknown }[] };
    expect(body).toMatchObject({ runtimeStatus: 'Completed', output: { approved: { by: 'bob' } } });
    expect(body.historyEvents.map((e: { EventType: string }) => e.EventType)).toEqual(['ExecutionStarted', 'TimerCreated', 'EventRaised', 'ExecutionCompleted']);
    expect(body.historyEvents[3].Result).toEqual({ approved: { by: 'bob' } });

    expect((await fetch(`${api()}/instances/http-1/raiseEvent/Approval`, { method: 'POST', body: '1' })).status).toBe(410);
    expect((await fetch(`${api()}/instances/nope`)).status).toBe(404);
    expect((await fetch(`${api()}/instances/nope/raiseEvent/x`, { method: 'POST', body: '1' })).status).toBe(404);
  });

  it('terminates and purges', async () => {
    await fetch(`${api()}/orchestrators/approval/http-2`, { method: 'POST' });
    expect((await fetch(`${api()}/instances/http-2/terminate?reason=stop`, { method: 'POST' })).status).toBe(202);
    await finished('http-2');
    expect(await (await fetch(`${api()}/instances/http-2`)).json()).toMatchObject({ runtimeStatus: 'Terminated', output: 'stop' });
    expect((await fetch(`${api()}/instances/http-2/terminate?reason=again`, { method: 'POST' })).status).toBe(410);
    const purge = await fetch(`${api()}/instances/http-2`, { method: 'DELETE' });
    expect(purge.status).toBe(200);
    expect(await purge.json()).toEqual({ instancesDeleted: 1 });
    expect((await fetch(`${api()}/instances/http-2`, { method: 'DELETE' })).status).toBe(404);
  });

  it('lists instances page by page with x-ms-continuation-token', async () => {
    for (let i = 0; i < 3; i++) await fetch(`${api()}/orchestrators/approval/page-${i}`, { method: 'POST' });
    const seen: string[] = [];
    let token: string | null = null;
    do {
      const res: Response = await fetch(`${api()}/instances?runtimeStatus=Pending,Running&top=2`, { headers: token ? { 'x-ms-continuation-token': token } : {} });
      expect(res.status).toBe(200);
      seen.push(...((await res.json()) as { instanceId: string }[]).map((s: { instanceId: string }) => s.instanceId));
      token = res.headers.get('x-ms-continuation-token');
    } while (token);
    expect(seen.filter((id) => id.startsWith('page-')).sort()).toEqual(['page-0', 'page-1', 'page-2']);
    const unknown = await fetch(`${api()}/orchestrators/noSuchOrchestrator`, { method: 'POST' });
    expect(unknown.status).toBe(400); // the extension's answer (an ArgumentException)
  });

  it('serves the durable-functions DurableClient built from durableClientBinding', async () => {
    const clientInput = df.input.durableClient();
    const context = new InvocationContext({ functionName: 'starter', options: { extraInputs: [clientInput] } });
    context.extraInputs.set(clientInput, durableClientBinding(base, 'TestHub'));
    const client = df.getClient(context);
    const id = await client.startNew('approval', { input: { via: 'client' } });
    await new Promise((r) => setTimeout(r, 20));
    const status = await client.getStatus(id, { showHistory: true });
    expect(status.name).toBe('approval');
    expect(status.input).toEqual({ via: 'client' });
    await client.raiseEvent(id, 'Approval', 'yes');
    await finished(id);
    const final = await client.getStatus(id);
    expect(final.runtimeStatus).toBe('Completed');
    expect(final.output).toEqual({ approved: 'yes' });
    const payload = client.createHttpManagementPayload(id);
    expect(payload.statusQueryGetUri).toContain(`/instances/${id}`);
    const chain = await client.startNew('chain', { input: 'z' });
    await finished(chain);
    expect((await client.getStatus(chain)).output).toBe('Hello Hello Hello z');
  });
});
