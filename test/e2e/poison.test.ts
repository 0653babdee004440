/**
 * The poison path counted from inside: the embedded runtime (in this process, so its queue failures can be
 * observed) on a test project whose host.json allows three tries. A message that can never pass (not
 * base64, not JSON, not valid input) is not retried: the trigger moves it to `orders-in-poison` byte for
 * byte on its first delivery, and a failed-run record says why. (queue-workflows.test.ts checks the same
 * outcome through `sluice serve`.)
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

/** The failed-run record of a message, once written. */
async function failedRecordOf(messageId: string) {
  return until(
    async () => (await call(`${runtime.url}/api/runs/order-intake-q-${messageId}`)).body,
    (record) => record?.status === 'Failed',
    `the failed-run record of message ${messageId}`,
  );
}

describe('poison messages: a message that can never pass goes to <queue>-poison at once', () => {
  const cases: Array<[string, string, RegExp]> = [
    // Not valid input: no customerId, no lines. Odd spacing makes byte identity meaningful.
    ['fails the input schema', Buffer.from('{ "orderId" : "o-poison",  "note": "ünïcode ✓" }', 'utf8').toString('base64'), /customerId/],
    ['is not base64', 'plain text, not base64 { }', /not valid base64/],
    ['is base64 but not JSON', Buffer.from('not json ✓', 'utf8').toString('base64'), /not JSON/],
  ];
  it.each(cases)('a message that %s: one try, its exact body in orders-in-poison, a failed-run record saying why', async (_what, text, why) => {
    const { messageId } = await new QueueClient(runtime.storageConnection, 'orders-in').sendMessage(text);
    const poison = await until(() => peekQueue(runtime.storageConnection, 'orders-in-poison'), (messages) => messages.some((m) => m.text === text), 'the poison message');
    expect(poison.filter((message) => message.text === text)).toHaveLength(1);
    const record = await failedRecordOf(messageId);
    expect(record).toMatchObject({ workflow: 'order-intake', status: 'Failed', trigger: { kind: 'queue', source: 'orders-in' }, error: { name: 'ValidationError' } });
    expect(record.error.message).toMatch(why);
    // Moved by the trigger itself on the first delivery: the handler did not fail, so the host never retried.
    expect(failures.filter((failure) => failure.messageId === messageId)).toEqual([]);
    expect(await peekQueue(runtime.storageConnection, 'orders-in')).toEqual([]);
    // No Durable run was started for it.
    expect((await call(`${runtime.url}/api/runs/order-intake-q-${messageId}/status`)).status).toBe(404);
  }, 60_000);

  it('a valid message is consumed on its first try (no failure, nothing poisoned)', async () => {
    const before = failures.length;
    const poisoned = (await peekQueue(runtime.storageConnection, 'orders-in-poison')).length;
    await sendToQueue(runtime.storageConnection, 'orders-in', { orderId: 'o-ok', customerId: 'c', lines: [{ sku: 'A', qty: 1 }] });
    await until(() => peekQueue(runtime.storageConnection, 'orders-in'), (messages) => messages.length === 0, 'the message to be consumed');
    expect(failures.length).toBe(before);
    expect(await peekQueue(runtime.storageConnection, 'orders-in-poison')).toHaveLength(poisoned);
  }, 60_000);
});
