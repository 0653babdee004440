/**
 * The three operations of a cosmos step (`upsert`, `read`, parameterized `query`) on a container.
 * SQL text is only ever passed with its parameters, never combined with values.
 */
import type { Container, JSONValue, PartitionKey, SqlParameter } from '@azure/cosmos';

/** The `cosmos` step body, expressions evaluated: exactly one of `upsert`, `read`, `query`. */
export interface CosmosStepConfig {
  container: string;
  database?: string;
  upsert?: Record<string, unknown>;
  read?: { id: string; partitionKey?: PartitionKey };
  query?: {
    sql: string;
    /** `{ "@name": value }` or `[{ name: "@name", value }]`. */
    parameters?: Record<string, unknown> | Array<{ name: string; value: unknown }>;
    partitionKey?: PartitionKey;
    /** More results than this fail the step (outputs are stored in run history); default 1000. */
    maxItems?: number;
  };
}

/** A query returned more than `maxItems`. */
export class TooManyItemsError extends Error {
  constructor(readonly maxItems: number) {
    super(`the query returned more than ${maxItems} items: narrow it (TOP, OFFSET LIMIT, a filter) or raise query.maxItems`);
    this.name = 'TooManyItemsError';
  }
}

/** Why a config names no single valid operation, or undefined when it is valid. */
export function invalidOperation(config: CosmosStepConfig): string | undefined {
  if (typeof config?.container !== 'string' || config.container === '') return 'cosmos step needs a `container`';
  const chosen = (['upsert', 'read', 'query'] as const).filter((op) => config[op] !== undefined);
  if (chosen.length !== 1) return `cosmos step needs exactly one of upsert, read, query (got ${chosen.join(', ') || 'none'})`;
  if (config.upsert !== undefined) {
    const item = config.upsert;
    if (item === null || typeof item !== 'object' || Array.isArray(item)) return 'cosmos upsert needs an item (a mapping)';
    if (typeof item.id !== 'string' || item.id === '') return 'cosmos upsert needs an item with a string `id`';
  }
  if (config.read !== undefined && (typeof config.read?.id !== 'string' || config.read.id === '')) return 'cosmos read needs an `id` string';
  if (config.query !== undefined && (typeof config.query?.sql !== 'string' || config.query.sql.trim() === '')) return 'cosmos query needs `sql`';
  return undefined;
}

/** Runs the step's operation; Cosmos errors are thrown for the caller to classify. */
export async function runOperation(container: Container, config: CosmosStepConfig, signal: AbortSignal): Promise<unknown> {
  if (config.upsert !== undefined) {
    const { resource } = await container.items.upsert(config.upsert, { abortSignal: signal });
    return withoutInternals(resource);
  }
  if (config.read !== undefined) {
    const { id, partitionKey } = config.read;
    try {
      // Containers are commonly partitioned on /id, so the id is the default partition key.
      const { resource, statusCode } = await container.item(id, partitionKey ?? id).read({ abortSignal: signal });
      return statusCode === 404 || resource === undefined ? null : withoutInternals(resource);
    } catch (error) {
      if (statusOf(error) === 404) return null;
      throw error;
    }
  }
  const query = config.query!;
  const maxItems = query.maxItems ?? 1000;
  const iterator = container.items.query(
    { query: query.sql, parameters: sqlParameters(query.parameters) },
    { abortSignal: signal, maxItemCount: Math.min(maxItems + 1, 1000), ...(query.partitionKey === undefined ? {} : { partitionKey: query.partitionKey }) },
  );
  const items: unknown[] = [];
  while (iterator.hasMoreResults()) {
    const { resources } = await iterator.fetchNext();
    items.push(...(resources ?? []).map(withoutInternals));
    if (items.length > maxItems) throw new TooManyItemsError(maxItems);
  }
  return items;
}

/** The HTTP status of a Cosmos error, if it has one. */
export function statusOf(error: unknown): number | undefined {
  const { statusCode, code } = (error ?? {}) as { statusCode?: unknown; code?: unknown };
  if (typeof statusCode === 'number') return statusCode;
  return typeof code === 'number' ? code : undefined;
}

function sqlParameters(parameters: NonNullable<CosmosStepConfig['query']>['parameters']): SqlParameter[] {
  if (parameters === undefined) return [];
  const entries = Array.isArray(parameters) ? parameters.map((p) => [p.name, p.value] as const) : Object.entries(parameters);
  return entries.map(([name, value]) => ({ name: name.startsWith('@') ? name : `@${name}`, value: value as JSONValue }));
}

// The resource ids and links of the service are noise in a step output; `_etag` and `_ts` stay.
function withoutInternals(resource: unknown): unknown {
  if (resource === null || typeof resource !== 'object') return resource ?? null;
  const { _rid, _self, _attachments, ...rest } = resource as Record<string, unknown>;
  void _rid, void _self, void _attachments;
  return rest;
}
