/**
 * How run history is laid out in Cosmos DB (reasoning in docs/run-history.md):
 * - `runs`: one item per run, partitioned by the synthetic key `${workflow}|${yyyy-mm-dd}` (the run's
 *   creation day, UTC). Listing one workflow over a time range targets a known set of partitions; a
 *   busy workflow spreads over a new logical partition every day, far below the 20 GB cap.
 * - `steps`: partitioned by run id. It holds each step, each attempt and a small pointer item that
 *   names the run's `runs` partition, so `getRun(id)` is one single-partition query plus a point read.
 */
import type { ContainerDefinition, IndexingPolicy } from '@azure/cosmos';

/** Container names; a prefix lets several Sluice apps share one database. */
export function containerNames(prefix = ''): { runs: string; steps: string } {
  return { runs: `${prefix}runs`, steps: `${prefix}steps` };
}

/** The `runs` partition of a run: its workflow and UTC creation day. */
export function runPartitionKey(workflow: string, createdAt: string): string {
  return `${workflow}|${createdAt.slice(0, 10)}`;
}

/** Longest `since` window (in days) listed by naming each day's partition; longer ones fan out. */
export const MAX_TARGETED_DAYS = 31;

/** The partitions a workflow listing since `since` can touch, or undefined when the window is too long. */
export function runPartitionsSince(workflow: string, since: string, now: Date): string[] | undefined {
  const first = Date.UTC(...utcDay(new Date(since)));
  const last = Date.UTC(...utcDay(now));
  const days = Math.floor((last - first) / 86_400_000) + 1;
  if (days < 1 || days > MAX_TARGETED_DAYS) return undefined;
  return Array.from({ length: days }, (_, i) => runPartitionKey(workflow, new Date(first + i * 86_400_000).toISOString()));
}

function utcDay(date: Date): [number, number, number] {
  return [date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()];
}

/** Cosmos forbids '/', '\\', '?' and '#' in item ids; run ids and step paths are escaped into ids. */
export function itemId(...parts: Array<string | number>): string {
  return parts.map((part) => String(part).replace(/[%/\\?#]/g, (c) => `%${c.charCodeAt(0).toString(16).padStart(2, '0')}`)).join('|');
}

/**
 * Runs are queried by workflow, status and time and sorted by (createdAt, id); payloads (input,
 * output, error text) are never filtered on, so they are not indexed: cheaper writes, smaller index.
 */
export const runsIndexingPolicy: IndexingPolicy = {
  indexingMode: 'consistent',
  automatic: true,
  includedPaths: [{ path: '/*' }],
  excludedPaths: [
    { path: '/input/*' },
    { path: '/output/*' },
    { path: '/inputSummary/*' },
    { path: '/outputSummary/*' },
    { path: '/error/message/?' },
    { path: '/lineage/*' },
    { path: '/"_etag"/?' },
  ],
  compositeIndexes: [
    [{ path: '/createdAt', order: 'descending' }, { path: '/runId', order: 'descending' }],
    [{ path: '/workflow', order: 'ascending' }, { path: '/createdAt', order: 'descending' }, { path: '/runId', order: 'descending' }],
    [{ path: '/status', order: 'ascending' }, { path: '/createdAt', order: 'descending' }, { path: '/runId', order: 'descending' }],
  ],
};

/** Step items are only read a whole partition (one run) at a time: index nothing but their type. */
export const stepsIndexingPolicy: IndexingPolicy = {
  indexingMode: 'consistent',
  automatic: true,
  includedPaths: [{ path: '/type/?' }, { path: '/runId/?' }],
  excludedPaths: [{ path: '/*' }],
};

/** Seconds for Cosmos `defaultTtl` from a retention in days; 0 or less keeps records forever. */
export function ttlSeconds(days: number): number | undefined {
  return days > 0 ? Math.round(days * 86_400) : undefined;
}

/** The two container definitions for a retention. */
export function containerDefinitions(prefix: string, ttlDays: number): { runs: ContainerDefinition; steps: ContainerDefinition } {
  const names = containerNames(prefix);
  const defaultTtl = ttlSeconds(ttlDays);
  return {
    runs: { id: names.runs, partitionKey: { paths: ['/pk'] }, indexingPolicy: runsIndexingPolicy, defaultTtl },
    steps: { id: names.steps, partitionKey: { paths: ['/runId'] }, indexingPolicy: stepsIndexingPolicy, defaultTtl },
  };
}

/** Whether an error is Cosmos throttling (HTTP 429, "request rate is large"). */
export function isThrottled(error: unknown): error is { code: number; retryAfterInMs?: number } {
  return (error as { code?: unknown })?.code === 429;
}

/**
 * Retries an operation the SDK gave up on because of 429s: the SDK already retried (its own policy,
 * configured in the client), so these few extra tries only ride out a longer burst. Bounded.
 */
export async function withThrottleRetry<T>(operation: () => Promise<T>, attempts = 3, sleep = delay): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await operation();
    } catch (error) {
      if (!isThrottled(error) || attempt >= attempts) throw error;
      await sleep(Math.min(5_000, error.retryAfterInMs ?? 100 * 2 ** attempt));
    }
  }
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
