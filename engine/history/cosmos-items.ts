/**
 * Item-level operations on Cosmos DB containers shared by the history store: optimistic
 * read-merge-write (two writers may patch the same run or step concurrently) and paged queries.
 */
import type { Container, FeedOptions, ItemDefinition, SqlQuerySpec } from '@azure/cosmos';
import { withThrottleRetry } from './cosmos-layout';

const systemFields = ['_rid', '_self', '_etag', '_attachments', '_ts', 'ttl'] as const;

/** An item without Cosmos's system fields and the given bookkeeping fields. */
export function withoutSystemFields<T>(item: ItemDefinition, extra: readonly string[] = []): T {
  const copy: Record<string, unknown> = { ...item };
  for (const field of [...systemFields, ...extra]) delete copy[field];
  return copy as T;
}

/** Point-reads an item; undefined when it does not exist. */
export async function readItem<T extends ItemDefinition>(container: Container, id: string, partitionKey: string): Promise<(T & { _etag?: string }) | undefined> {
  const response = await withThrottleRetry(() => container.item(id, partitionKey).read<T>());
  return response.statusCode === 404 ? undefined : (response.resource as T & { _etag?: string });
}

const MAX_CONFLICTS = 8;

/**
 * Reads, merges and writes an item with an ETag condition, retrying when another writer got there
 * first (412 on replace, 409 on create). The merge function must be pure and idempotent.
 */
export async function mergeItem<T extends ItemDefinition>(
  container: Container,
  id: string,
  partitionKey: string,
  merge: (existing: T | undefined) => T,
): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    const existing = await readItem<T>(container, id, partitionKey);
    const next = merge(existing);
    try {
      if (existing?._etag) {
        await withThrottleRetry(() =>
          container.item(id, partitionKey).replace(next, { accessCondition: { type: 'IfMatch', condition: existing._etag! } }),
        );
      } else {
        await withThrottleRetry(() => container.items.create(next));
      }
      return;
    } catch (error) {
      const code = (error as { code?: number }).code;
      if ((code !== 412 && code !== 409) || attempt >= MAX_CONFLICTS) throw error;
    }
  }
}

/** Runs a query to the end, following the SDK's continuation tokens. */
export async function queryAll<T>(container: Container, query: SqlQuerySpec, partitionKey?: string): Promise<T[]> {
  const iterator = container.items.query<T>(query, partitionKey === undefined ? {} : { partitionKey });
  const items: T[] = [];
  while (iterator.hasMoreResults()) {
    const page = await withThrottleRetry(() => iterator.fetchNext());
    items.push(...page.resources);
  }
  return items;
}

/** Runs a query until `count` items arrived (pages may come back short across partitions). */
export async function queryFirst<T>(container: Container, query: SqlQuerySpec, count: number, options: FeedOptions = {}): Promise<T[]> {
  const iterator = container.items.query<T>(query, { ...options, maxItemCount: count });
  const items: T[] = [];
  while (items.length < count && iterator.hasMoreResults()) {
    const page = await withThrottleRetry(() => iterator.fetchNext());
    items.push(...page.resources);
  }
  return items.slice(0, count);
}
