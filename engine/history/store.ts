/**
 * The run-history store interface both stores implement (sqlite for the embedded runtime,
 * cosmos in Azure), and the paging token they share.
 */
import type { AttemptRecord, Run, RunPatch, RunStatus, RunSummary, StepPatch } from './model';

/** A status to list by: a run status, or `Degraded` for a run with a degraded step. */
export type RunStatusFilter = RunStatus | 'Degraded';

/** Filters and paging for a run listing; runs come newest first (createdAt, then id, descending). Filters combine with AND. */
export interface ListRunsQuery {
  workflow?: string;
  /** Any of these (OR): `['Failed', 'Degraded']` lists failed runs and runs with a degraded step. */
  statuses?: readonly RunStatusFilter[];
  /** Only runs with (true) or without (false) a degraded step. */
  degraded?: boolean;
  /** Only runs created at or after this ISO time. */
  since?: string;
  /** Only runs created before this ISO time. */
  until?: string;
  /** Only runs whose error name or message contains this text (case-insensitive). */
  errorText?: string;
  /**
   * Only runs whose stored input has these top-level-or-nested fields (`customerId`, `order.region`)
   * equal to these values; a value that reads as a JSON number or boolean also matches that number or boolean.
   */
  input?: Readonly<Record<string, string>>;
  /** Page size, 1..500; default 50. */
  limit?: number;
  /** The token a previous page returned. */
  continuation?: string;
}

/** One page of a run listing. */
export interface RunPage {
  runs: RunSummary[];
  /** Present when more runs follow; pass it back unchanged. */
  continuation?: string;
}

/** Where run records live. Every write is idempotent: records have deterministic ids. */
export interface RunHistoryStore {
  /** Creates tables, database or containers when missing. */
  init(): Promise<void>;
  /** Merges a partial run into the stored one (creating it: then `workflow` and `createdAt` are required). */
  upsertRun(run: RunPatch): Promise<void>;
  /** Merges a partial step record, keyed `${runId}|${path}`. */
  recordStep(runId: string, step: StepPatch): Promise<void>;
  /** Writes one attempt, keyed `${runId}|${path}|${attempt}`; writing it again replaces it. */
  recordAttempt(runId: string, path: string, attempt: AttemptRecord): Promise<void>;
  /** A run with its steps and their attempts, or undefined. */
  getRun(id: string): Promise<Run | undefined>;
  /** A page of runs, newest first. */
  listRuns(query?: ListRunsQuery): Promise<RunPage>;
  /** Deletes a run's record, steps and attempts: the instance id is starting a new execution (recording.ts). */
  deleteRun(id: string): Promise<void>;
  /** Stores a workflow definition under its content hash; a hash already stored is left as it is. */
  putDefinition(hash: string, definition: unknown): Promise<void>;
  /** The definition stored under a hash, or undefined. */
  getDefinition(hash: string): Promise<unknown | undefined>;
  /** The newest run of each workflow; only the given workflows when a list is passed. */
  lastRunByWorkflow(workflows?: readonly string[]): Promise<Record<string, RunSummary>>;
  /** Releases connections and file handles. */
  close(): Promise<void>;
}

/** Default and largest page sizes. */
export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 500;

/** Raised for a continuation token that was not issued for this query. */
export class InvalidContinuationError extends Error {
  override readonly name = 'InvalidContinuationError';
}

/** Where the previous page stopped: the last run's sort key. Keyset paging gives each run exactly once. */
export interface PageCursor {
  createdAt: string;
  id: string;
}

function filterKey(query: ListRunsQuery): string {
  const input = query.input ? Object.entries(query.input).sort(([a], [b]) => a.localeCompare(b)) : null;
  return JSON.stringify([query.workflow ?? null, query.statuses ? [...query.statuses].sort() : null, query.since ?? null,
    query.until ?? null, query.degraded ?? null, query.errorText ?? null, input]);
}

/** A dotted input field path (`customerId`, `order.region`): names of letters, digits, `_` and `-`. */
export const INPUT_FIELD_PATH = /^[A-Za-z_][A-Za-z0-9_-]{0,63}(\.[A-Za-z_][A-Za-z0-9_-]{0,63}){0,7}$/;

/** The values an input filter matches: the text itself, and the JSON number or boolean it spells. */
export function inputFilterValues(text: string): Array<string | number | boolean> {
  const values: Array<string | number | boolean> = [text];
  if (text === 'true' || text === 'false') values.push(text === 'true');
  else if (/^-?\d+(\.\d+)?$/.test(text) && Number.isFinite(Number(text))) values.push(Number(text));
  return values;
}

/** The retention cut-off: records last written before it are purged; undefined keeps everything. */
export function retentionCutoff(ttlDays: number | undefined, now: Date): string | undefined {
  if (!ttlDays || ttlDays <= 0) return undefined;
  return new Date(now.getTime() - ttlDays * 86_400_000).toISOString();
}

/** Encodes a cursor as an opaque token bound to the query's filters. */
export function encodeContinuation(query: ListRunsQuery, cursor: PageCursor): string {
  return Buffer.from(JSON.stringify({ v: 1, f: filterKey(query), t: cursor.createdAt, i: cursor.id })).toString('base64url');
}

/** Decodes a token; throws InvalidContinuationError when it is malformed or from another query. */
export function decodeContinuation(query: ListRunsQuery): PageCursor | undefined {
  if (query.continuation === undefined) return undefined;
  let token: { v?: unknown; f?: unknown; t?: unknown; i?: unknown };
  try {
    token = JSON.parse(Buffer.from(query.continuation, 'base64url').toString('utf8'));
  } catch {
    throw new InvalidContinuationError('continuation token is malformed');
  }
  if (token?.v !== 1 || typeof token.t !== 'string' || typeof token.i !== 'string') {
    throw new InvalidContinuationError('continuation token is malformed');
  }
  if (token.f !== filterKey(query)) {
    throw new InvalidContinuationError('continuation token belongs to a listing with other filters');
  }
  return { createdAt: token.t, id: token.i };
}

/** The page size to use, clamped to 1..MAX_PAGE_SIZE. */
export function pageSizeOf(query: ListRunsQuery): number {
  return Math.min(MAX_PAGE_SIZE, Math.max(1, Math.floor(query.limit ?? DEFAULT_PAGE_SIZE)));
}
