/**
 * The whole local management API, driven as a user's code drives it: through the durable-functions SDK's
 * own DurableClient (from `df.getClient` with the binding the local runtime hands out), and with plain
 * HTTP where the SDK has no method (restart, instanceIdPrefix). Status codes follow the extension's
 * HttpApiHandler: 400 for an unknown orchestrator or a non-JSON event body, 412 for purging a live
 * instance or rewinding one that did not fail, 410 for a finished one, 501 for rewind (not supported here).
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { InvocationContext } from '@azure/functions';
import * as df from 'durable-functions';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LocalDurableHost, captureRegistrations, createManagementHandler, durableClientBinding } from '../../engine/adapters/local/durable';
import { registerTestApp } from './fixtures/app';

const registrations = captureRegistrations(registerTestApp);
let host: LocalDurableHost;
let server: Server;
let base: string;
let client: df.DurableClient;
const api = () => `${base}/runtime/webhooks/durabletask`;
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

beforeAll(async () => {
  host = new LocalDurableHost({ registrations, file: ':memory:' });
  await host.start();
  server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const handle = createManagementHandler(host, { baseUrl: base, taskHub: 'TestHub' });
  server.on('request', (req, res) => {
    if (!handle(req, res)) res.writeHead(404).end();
  });
  const clientInput = df.input.durableClient();
  const context = new InvocationContext({ functionName: 'operator', options: { extraInputs: [clientInput] } });
  context.extraInputs.set(clientInput, durableClientBinding(base, 'TestHub'));
  client = df.getClient(context);
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await host.stop();
});

async function statusOf(id: string): Promise<string> {
  return String((await client.getStatus(id)).runtimeStatus);
}

async function until(id: string, status: string): Promise<void> {
  for (let i = 0; i < 200 && (await statusOf(id)) !== status; i++) await pause(10);
  expect(await statusOf(id)).toBe(status);
}

describe('the local management API through DurableClient', () => {
  it('advertises only routes it serves', async () => {
    const id = await client.startNew('approval', { instanceId: 'adv-1' });
    const payload = client.createHttpManagementPayload(id) as unknown as Record<string, string>;
    expect(Object.keys(payload).sort()).toEqual(['id', 'purgeHistoryDeleteUri', 'restartPostUri', 'resumePostUri', 'sendEventPostUri', 'statusQueryGetUri', 'suspendPostUri', 'terminatePostUri']);
    const started = (await (await fetch(`${api()}/orchestrators/approval/adv-2`, { method: 'POST' })).json()) as Record<string, string>;
    expect(started.rewindPostUri).toBeUndefined();
    expect(started.suspendPostUri).toContain('/instances/adv-2/suspend');
    await client.terminate(id, 'done');
    await client.terminate('adv-2', 'done');
  });

  it('suspends (deliveries wait) and resumes (they arrive)', async () => {
    const id = await client.startNew('approval', { instanceId: 'sus-1' });
    await until(id, 'Running');
    await client.suspend(id, 'maintenance');
    await until(id, 'Suspended');
    await client.raiseEvent(id, 'Approval', { by: 'ops' });
    await pause(100);
    expect(await statusOf(id)).toBe('Suspended');
    // A suspended instance answers 202, as a running one does.
    expect((await fetch(`${api()}/instances/${id}`)).status).toBe(202);
    await client.resume(id, 'back');
    await host.waitForCompletion(id, 5_000);
    const final = await client.getStatus(id);
    expect(final.runtimeStatus).toBe('Completed');
    expect(final.output).toEqual({ approved: { by: 'ops' } });
    expect((await fetch(`${api()}/instances/${id}/suspend`, { method: 'POST' })).status).toBe(410);
    expect((await fetch(`${api()}/instances/nope/resume`, { method: 'POST' })).status).toBe(404);
  });

  it('terminates a suspended instance', async () => {
    const id = await client.startNew('approval', { instanceId: 'sus-2' });
    await until(id, 'Running');
    await client.suspend(id, 'hold');
    await until(id, 'Suspended');
    await client.terminate(id, 'no longer needed');
    await host.waitForCompletion(id, 5_000);
    expect(await client.getStatus(id)).toMatchObject({ runtimeStatus: 'Terminated', output: 'no longer needed' });
  });

  it('purges one finished instance, refuses a live one with 412, and purges by filter', async () => {
    const live = await client.startNew('approval', { instanceId: 'purge-live' });
    await until(live, 'Running');
    await expect(client.purgeInstanceHistory(live)).rejects.toThrow();
    expect((await fetch(`${api()}/instances/${live}`, { method: 'DELETE' })).status).toBe(412);

    const from = new Date();
    const done: string[] = [];
    for (let i = 0; i < 3; i++) {
      const id = await client.startNew('chain', { instanceId: `purge-${i}`, input: i });
      await host.waitForCompletion(id, 5_000);
      done.push(id);
    }
    expect(await client.purgeInstanceHistory(done[0])).toMatchObject({ instancesDeleted: 1 });
    expect((await client.purgeInstanceHistory(done[0])).instancesDeleted).toBe(0); // 404 → nothing deleted
    // Only finished instances in the given statuses: the live one and Terminated ones stay.
    const purged = await client.purgeInstanceHistoryBy({ createdTimeFrom: from, runtimeStatus: [df.OrchestrationRuntimeStatus.Completed] });
    expect(purged.instancesDeleted).toBe(2);
    expect(host.getStatus('purge-1')).toBeUndefined();
    expect(host.getStatus(live)?.runtimeStatus).toBe('Running');
    expect((await client.purgeInstanceHistoryBy({ createdTimeFrom: from, runtimeStatus: [df.OrchestrationRuntimeStatus.Completed] })).instancesDeleted).toBe(0);
    expect((await fetch(`${api()}/instances/`, { method: 'DELETE' })).status).toBe(400); // createdTimeFrom is required
    await client.terminate(live, 'done');
  });

  it('lists by instanceIdPrefix, status and creation time', async () => {
    for (const id of ['pfx-a-1', 'pfx-a-2', 'pfx-b-1']) await host.waitForCompletion(await client.startNew('chain', { instanceId: id, input: id }), 5_000);
    const listed = (await (await fetch(`${api()}/instances?instanceIdPrefix=pfx-a-`)).json()) as { instanceId: string }[];
    expect(listed.map((s) => s.instanceId).sort()).toEqual(['pfx-a-1', 'pfx-a-2']);
    const byStatus = await client.getStatusBy({ runtimeStatus: [df.OrchestrationRuntimeStatus.Completed], createdTimeFrom: new Date(Date.now() - 60_000) });
    expect(byStatus.map((s) => s.instanceId)).toEqual(expect.arrayContaining(['pfx-a-1', 'pfx-a-2', 'pfx-b-1']));
    expect((await fetch(`${api()}/instances?createdTimeFrom=yesterday`)).status).toBe(400);
  });

  it('restarts with the same input, under a new id or the same one', async () => {
    const id = await client.startNew('chain', { instanceId: 'restart-1', input: 'r' });
    await host.waitForCompletion(id, 5_000);
    const fresh = await fetch(`${api()}/instances/${id}/restart`, { method: 'POST' });
    expect(fresh.status).toBe(202);
    const links = (await fresh.json()) as { id: string };
    expect(links.id).not.toBe(id);
    await host.waitForCompletion(links.id, 5_000);
    expect((await client.getStatus(links.id)).output).toBe('Hello Hello Hello r');

    const same = await fetch(`${api()}/instances/${id}/restart?restartWithNewInstanceId=false`, { method: 'POST' });
    expect(same.status).toBe(202);
    expect(((await same.json()) as { id: string }).id).toBe(id);
    await host.waitForCompletion(id, 5_000);
    expect((await client.getStatus(id)).output).toBe('Hello Hello Hello r');

    const running = await client.startNew('approval', { instanceId: 'restart-live' });
    await until(running, 'Running');
    expect((await fetch(`${api()}/instances/${running}/restart?restartWithNewInstanceId=false`, { method: 'POST' })).status).toBe(409);
    expect((await fetch(`${api()}/instances/no-such/restart`, { method: 'POST' })).status).toBe(400);
    await client.terminate(running, 'done');
  });

  it('answers rewind as the extension does for a store without it: 412 unless Failed, then 501', async () => {
    const failed = await client.startNew('thrower', { instanceId: 'rewind-1' });
    await host.waitForCompletion(failed, 5_000);
    expect(await statusOf(failed)).toBe('Failed');
    await expect(client.rewind(failed, 'again')).rejects.toThrow(/not supported/);
    const completed = await client.startNew('chain', { instanceId: 'rewind-2', input: 'x' });
    await host.waitForCompletion(completed, 5_000);
    await expect(client.rewind(completed, 'again')).rejects.toThrow(/only orchestrations in the "Failed" state can be rewound/);
    await expect(client.rewind('rewind-none', 'again')).rejects.toThrow();
  });

  it('refuses an unknown orchestrator with 400 and a non-JSON event body with 400', async () => {
    await expect(client.startNew('noSuchOrchestrator')).rejects.toThrow();
    expect((await fetch(`${api()}/orchestrators/noSuchOrchestrator`, { method: 'POST' })).status).toBe(400);
    const id = await client.startNew('approval', { instanceId: 'event-1' });
    await until(id, 'Running');
    const bad = await fetch(`${api()}/instances/${id}/raiseEvent/Approval`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{not json' });
    expect(bad.status).toBe(400);
    await client.raiseEvent(id, 'Approval', 'ok');
    await host.waitForCompletion(id, 5_000);
    expect((await client.getStatus(id)).output).toEqual({ approved: 'ok' });
  });
});
