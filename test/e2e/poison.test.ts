/**
 * The poison path counted from inside: the embedded runtime (in this process, so its queue failures can be
 * observed) on a test project whose host.json allows three tries. An invalid order-intake message is tried
 * exactly `maxDequeueCount` times, then sits in `orders-in-poison` byte for byte, and the failed-run record
 * says why. (queue-workflows.test.ts checks the same outcome through `sluice serve`.)
 */
import { QueueClient } from '@azure/storage-queue';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SluiceRuntime } from '../../engine/adapters/local/runtime';
import type { QueueFailure } from '../../engine/adapters/local/functions/queue-poller';
import { startAzurite, type Azurite } from '../support/azurite';
import { call, peekQueue, sendToQueue, until } from './api';
import { createTestProject, type TestProject } from './project';

const MAX_DEQUEUE_COUNT = 3;

let azurite: Azurite;
let project: TestProject;
let runtime: SluiceRuntime;
const failures: QueueFailure[] = [];
const savedStorage = process.env.AzureWebJobsStorage;

beforeAll(async () => {
  azurite = await startAzurite();
  process.env.AzureWebJobsStorage = azurite.connectionString;
  project = createTestProject({ servicesUrl: 'http://127.0.0.1:9', queues: { maxDequeueCount: MAX_DEQUEUE_COUNT, visibilityTimeout: '00:00:01', maxPollingInterval: '00:00:01' } });
  runtime = await new SluiceRuntime({
    root: project.root,
    workflowsDir: project.workflowsDir,
    dataDir: project.dataDir,
    port: 0,
    onQueueFailure: (failure) => failures.push(failure),
    log: () => undefined,
  }).start();
}, 60_000);

afterAll(async () => {
  await runtime?.stop();
  await azurite?.stop();
  project?.remove();
  if (savedStorage === undefined) delete process.env.AzureWebJobsStorage;
  else process.env.AzureWebJobsStorage = savedStorage;
}, 30_000);

describe('poison messages (host.json maxDequeueCount)', () => {
  it('tries an always-failing message maxDequeueCount times, then moves its exact body to <queue>-poison', async () => {
    // Not JSON-schema valid: no customerId, no lines. Sent with odd spacing to make byte identity meaningful.
    const text = Buffer.from('{ "orderId" : "o-poison",  "note": "ünïcode ✓" }', 'utf8').toString('base64');
    const { messageId } = await new QueueClient(runtime.storageConnection, 'orders-in').sendMessage(text);

    const poison = await until(() => peekQueue(runtime.storageConnection, 'orders-in-poison'), (messages) => messages.length > 0, 'the poison message');
    expect(poison.map((message) => message.text)).toEqual([text]);
    expect(await peekQueue(runtime.storageConnection, 'orders-in')).toEqual([]);

    const tries = failures.filter((failure) => failure.messageId === messageId);
    expect(tries.map((failure) => failure.dequeueCount)).toEqual([1, 2, 3]);
    expect(tries.map((failure) => failure.poisoned)).toEqual([false, false, true]);
    expect(tries[0].error).toMatch(/not a valid input for order-intake/);

    const failed = await call(`${runtime.url}/api/runs?status=Failed`);
    const runs = Array.isArray(failed.body) ? failed.body : failed.body.runs;
    const run = runs.find((candidate: { id: string }) => candidate.id === `order-intake-q-${messageId}`);
    expect(run).toMatchObject({ status: 'Failed', trigger: { kind: 'queue', source: 'orders-in' }, error: { name: 'ValidationError' } });
    expect(run.error.message).toMatch(/customerId/);
    // No Durable run was started for it.
    expect((await call(`${runtime.url}/api/runs/order-intake-q-${messageId}/status`)).status).not.toBe(200);
  }, 60_000);

  it('a valid message is consumed on its first try (no failure, nothing poisoned)', async () => {
    const before = failures.length;
    await sendToQueue(runtime.storageConnection, 'orders-in', { orderId: 'o-ok', customerId: 'c', lines: [{ sku: 'A', qty: 1 }] });
    await until(() => peekQueue(runtime.storageConnection, 'orders-in'), (messages) => messages.length === 0, 'the message to be consumed');
    expect(failures.length).toBe(before);
    expect(await peekQueue(runtime.storageConnection, 'orders-in-poison')).toHaveLength(1); // only the earlier one
  }, 60_000);
});
