import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { QueueServiceClient } from '@azure/storage-queue';
import { createQueueActivity, type QueueStepConfig } from '../../engine/steps/queue/activity';
import { encodeQueueMessage, QUEUE_MESSAGE_LIMIT, queueSenderFromEnv } from '../../engine/activities/queue-sender';
import type { StepActivityInput } from '../../engine/activities/contract';
import { startAzurite, type Azurite } from '../support/azurite';
import { startHttpServer } from '../support/local-http';

let azurite: Azurite;
let service: QueueServiceClient;
beforeAll(async () => {
  azurite = await startAzurite();
  service = QueueServiceClient.fromConnectionString(azurite.connectionString);
}, 60_000);
afterAll(() => azurite?.stop());

function input(config: QueueStepConfig, timeoutMs?: number): StepActivityInput<QueueStepConfig> {
  return { run: { id: 'r', workflow: 'wf', definitionHash: 'h' }, stepPath: 'confirm', attempt: 1, config, timeoutMs };
}

async function receiveJson(queue: string): Promise<unknown[]> {
  const { receivedMessageItems } = await service.getQueueClient(queue).receiveMessages({ numberOfMessages: 32 });
  return receivedMessageItems.map((item) => JSON.parse(Buffer.from(item.messageText, 'base64').toString('utf8')));
}

describe('queue activity against Azurite', () => {
  const activity = () => createQueueActivity({ env: { AzureWebJobsStorage: azurite.connectionString, SHIP_KEY: 'k-777' } });

  it('creates the queue and sends the message as base64 JSON', async () => {
    const result = await activity()(input({ name: 'reservations', message: { orderId: 'o-1', qty: 2, note: 'Grüße' } }));
    expect(result).toMatchObject({ ok: true, output: { messageId: expect.any(String) } });
    expect(await receiveJson('reservations')).toEqual([{ orderId: 'o-1', qty: 2, note: 'Grüße' }]);
  });

  it('recreates a queue deleted after this process created it', async () => {
    await activity()(input({ name: 'volatile', message: 1 }));
    await service.deleteQueue('volatile');
    expect(await activity()(input({ name: 'volatile', message: 2 }))).toMatchObject({ ok: true });
    expect(await receiveJson('volatile')).toEqual([2]);
  });

  it('refuses a message over 64 KiB before sending anything', async () => {
    const result = await activity()(input({ name: 'too-big', message: { blob: 'x'.repeat(50_000) } }));
    expect(result).toMatchObject({ ok: false, error: { name: 'QueueError', retryable: false } });
    if (!result.ok) expect(result.error.message).toMatch(/once JSON- and base64-encoded; Storage queues accept at most 65536/);
    expect((await service.getQueueClient('too-big').exists())).toBe(false);
  });

  it('accepts a message right at the limit', () => {
    const room = (QUEUE_MESSAGE_LIMIT / 4) * 3 - 2; // base64 of exactly 64 KiB, minus the JSON quotes
    expect(encodeQueueMessage('q', 'a'.repeat(room)).length).toBe(QUEUE_MESSAGE_LIMIT);
    expect(() => encodeQueueMessage('q', 'a'.repeat(room + 1))).toThrow(/65536/);
  });

  it.each(['Orders', 'ab', 'a--b', '-ab', 'with_underscore'])('refuses queue name %s', async (name) => {
    expect(await activity()(input({ name, message: {} }))).toMatchObject({ ok: false, error: { name: 'ValidationError' } });
  });

  it('reads the connection from the app setting the step names', async () => {
    const run = createQueueActivity({ env: { ORDERS_STORAGE: azurite.connectionString } });
    expect(await run(input({ name: 'named-conn', message: { n: 1 }, connection: 'ORDERS_STORAGE' }))).toMatchObject({ ok: true });
    expect(await receiveJson('named-conn')).toEqual([{ n: 1 }]);
    const missing = await run(input({ name: 'named-conn', message: {}, connection: 'OTHER_STORAGE' }));
    expect(missing).toMatchObject({ ok: false, error: { name: 'QueueError', message: expect.stringContaining('set OTHER_STORAGE (a connection string) or OTHER_STORAGE__queueServiceUri') } });
  });

  it('keeps a malformed connection string out of the error', async () => {
    const result = await createQueueActivity({ env: { AzureWebJobsStorage: 'AccountKey=very-secret-key-material' } })(input({ name: 'orders', message: {} }));
    expect(result).toMatchObject({ ok: false, error: { name: 'QueueError', message: expect.stringContaining('AzureWebJobsStorage is not a usable Storage connection') } });
    expect(JSON.stringify(result)).not.toContain('very-secret-key-material');
  });

  it('fails clearly without a storage connection', async () => {
    const result = await createQueueActivity({ env: {} })(input({ name: 'orders', message: {} }));
    expect(result).toMatchObject({ ok: false, error: { name: 'QueueError', retryable: false, message: expect.stringContaining('AzureWebJobsStorage') } });
  });

  it('gives up at the step deadline with a retryable Timeout', async () => {
    const hanging = await startHttpServer(() => undefined);
    try {
      const connection = azurite.connectionString.replace(/QueueEndpoint=[^;]+/, `QueueEndpoint=${hanging.url}/devstoreaccount1`);
      const result = await createQueueActivity({ env: { AzureWebJobsStorage: connection } })(input({ name: 'slow', message: {} }, 300));
      expect(result).toMatchObject({ ok: false, error: { name: 'Timeout', retryable: true } });
    } finally {
      await hanging.stop();
    }
  });

  it('reports an unreachable account as a retryable QueueError', async () => {
    const connection = azurite.connectionString.replace(/QueueEndpoint=[^;]+/, 'QueueEndpoint=http://127.0.0.1:1/devstoreaccount1');
    const result = await createQueueActivity({ env: { AzureWebJobsStorage: connection } })(input({ name: 'nowhere', message: {} }));
    expect(result).toMatchObject({ ok: false, error: { name: 'QueueError', retryable: true } });
  });

  it('shares its sender for dead letters and runtimes', async () => {
    const sender = queueSenderFromEnv({ AzureWebJobsStorage: azurite.connectionString });
    await sender.send('orders-dlq', { runId: 'r-9', error: { name: 'HttpError' } }, { timeToLiveSeconds: -1 });
    expect(await receiveJson('orders-dlq')).toEqual([{ runId: 'r-9', error: { name: 'HttpError' } }]);
  });
});
