/**
 * The parts of `host.json` the embedded runtime honours, so queue triggers behave locally as they do
 * under the Functions host.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { timeSpanMs } from './local/durable/timespan';

/** Queue trigger settings (`extensions.queues`), with the Functions host's defaults. */
export interface QueueSettings {
  batchSize: number;
  maxDequeueCount: number;
  /** Delay before a failed message becomes visible again. */
  visibilityTimeoutMs: number;
  maxPollingIntervalMs: number;
  messageEncoding: 'base64' | 'none';
}

/** The host's defaults (Functions v4 storage queue extension). */
export const defaultQueueSettings: QueueSettings = {
  batchSize: 16,
  maxDequeueCount: 5,
  visibilityTimeoutMs: 0,
  maxPollingIntervalMs: 60_000,
  messageEncoding: 'base64',
};

/** Reads `extensions.queues` from `host.json` in `root`; missing file or keys fall back to the host's defaults. */
export function readQueueSettings(root: string): QueueSettings {
  let host: { extensions?: { queues?: Record<string, unknown> } } = {};
  try {
    host = JSON.parse(readFileSync(join(root, 'host.json'), 'utf8'));
  } catch {
    return { ...defaultQueueSettings };
  }
  const queues = host.extensions?.queues ?? {};
  return {
    batchSize: typeof queues.batchSize === 'number' ? queues.batchSize : defaultQueueSettings.batchSize,
    maxDequeueCount: typeof queues.maxDequeueCount === 'number' ? queues.maxDequeueCount : defaultQueueSettings.maxDequeueCount,
    visibilityTimeoutMs: typeof queues.visibilityTimeout === 'string' ? timeSpanMs(queues.visibilityTimeout) : defaultQueueSettings.visibilityTimeoutMs,
    maxPollingIntervalMs: typeof queues.maxPollingInterval === 'string' ? timeSpanMs(queues.maxPollingInterval) : defaultQueueSettings.maxPollingIntervalMs,
    messageEncoding: queues.messageEncoding === 'none' ? 'none' : 'base64',
  };
}
