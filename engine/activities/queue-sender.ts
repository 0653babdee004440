/**
 * Sending JSON messages to Azure Storage queues the way the Functions host reads them (JSON, then
 * base64), creating a queue on first use. Shared by the queue step, dead-letter sends and the
 * runtimes; the client is built from settings (connection string or identity).
 */
import type { QueueServiceClient } from '@azure/storage-queue';
import { azureIdentity, storageQueues } from './sdk';
import { readStorageSettings, type SettingsEnv, type StorageSettings } from '../settings';

/** Azure Storage queues accept messages of at most 64 KiB (the encoded text). */
export const QUEUE_MESSAGE_LIMIT = 64 * 1024;

/** Options of one send. */
export interface QueueSendOptions {
  abortSignal?: AbortSignal;
  /** Seconds the message lives; -1 keeps it until read (dead letters), default 7 days. */
  timeToLiveSeconds?: number;
}

/** Sends JSON messages to queues of one storage account. */
export interface QueueSender {
  send(queue: string, message: unknown, options?: QueueSendOptions): Promise<{ messageId: string }>;
}

/** A message over the 64 KiB limit; nothing was sent. */
export class QueueMessageTooLargeError extends Error {
  constructor(readonly queue: string, readonly size: number) {
    super(
      `the message for queue "${queue}" is ${size} bytes once JSON- and base64-encoded; ` +
        `Storage queues accept at most ${QUEUE_MESSAGE_LIMIT} (64 KiB): send a reference (e.g. an id stored with a cosmos step) instead`,
    );
    this.name = 'QueueMessageTooLargeError';
  }
}

/** No storage connection is configured. */
export class QueueNotConfiguredError extends Error {
  constructor(connection = 'AzureWebJobsStorage') {
    super(`no queue storage is configured: set ${connection} (a connection string) or ${connection}__queueServiceUri (identity)`);
    this.name = 'QueueNotConfiguredError';
  }
}

/** A queue name Azure would refuse, with why; undefined for a valid name. */
export function invalidQueueName(name: unknown): string | undefined {
  if (typeof name !== 'string') return 'a queue name must be a string';
  if (name.length < 3 || name.length > 63) return `queue name "${name}" must be 3 to 63 characters long`;
  if (!/^[a-z0-9](?!.*--)[a-z0-9-]*[a-z0-9]$/.test(name)) {
    return `queue name "${name}" may contain only lowercase letters, digits and single hyphens, starting and ending with a letter or digit`;
  }
  return undefined;
}

/** A message's wire text: JSON, then base64, as the Functions queue trigger decodes it. */
export function encodeQueueMessage(queue: string, message: unknown): string {
  const text = Buffer.from(JSON.stringify(message ?? null), 'utf8').toString('base64');
  if (Buffer.byteLength(text) > QUEUE_MESSAGE_LIMIT) throw new QueueMessageTooLargeError(queue, Buffer.byteLength(text));
  return text;
}

const services = new Map<string, QueueServiceClient>();

/** The queue service of the configured account (cached per connection); throws when none is configured. */
export function queueServiceFromSettings(storage: StorageSettings, connection?: string): QueueServiceClient {
  const key = storage.connectionString ?? (storage.queueServiceUri ? `identity:${storage.queueServiceUri}` : undefined);
  if (key === undefined) throw new QueueNotConfiguredError(connection);
  let service = services.get(key);
  if (!service) {
    // One quick retry for a dropped connection; real retries belong to the orchestrator, whose
    // attempts are durable and visible in the run (the SDK default waits up to minutes).
    const pipeline = { retryOptions: { maxTries: 2, retryDelayInMs: 250, maxRetryDelayInMs: 1000 } };
    service = storage.connectionString
      ? storageQueues().QueueServiceClient.fromConnectionString(storage.connectionString, pipeline)
      : new (storageQueues().QueueServiceClient)(storage.queueServiceUri!, new (azureIdentity().DefaultAzureCredential)(), pipeline);
    services.set(key, service);
  }
  return service;
}

// Queues known to exist, per account URL: one create call per queue and process.
const created = new Set<string>();

/** A sender on `service` that creates each queue the first time it sends to it. */
export function createQueueSender(service: QueueServiceClient): QueueSender {
  return {
    async send(queue, message, options = {}) {
      const text = encodeQueueMessage(queue, message);
      const client = service.getQueueClient(queue);
      const known = `${service.url}|${queue}`;
      const sendOnce = () =>
        client.sendMessage(text, { abortSignal: options.abortSignal, messageTimeToLive: options.timeToLiveSeconds });
      if (!created.has(known)) {
        await client.createIfNotExists({ abortSignal: options.abortSignal });
        created.add(known);
      }
      try {
        return { messageId: (await sendOnce()).messageId };
      } catch (error) {
        // The queue was deleted since this process created it: create it again, once.
        if ((error as { statusCode?: number }).statusCode !== 404) throw error;
        created.delete(known);
        await client.createIfNotExists({ abortSignal: options.abortSignal });
        created.add(known);
        return { messageId: (await sendOnce()).messageId };
      }
    },
  };
}

/** A sender for the account configured in `env` under `connection` (default `AzureWebJobsStorage`, or identity). */
export function queueSenderFromEnv(env: SettingsEnv = process.env, connection = 'AzureWebJobsStorage'): QueueSender {
  return createQueueSender(queueServiceFromSettings(readStorageSettings(env, connection), connection));
}
