/**
 * The run-history store interface both stores implement (sqlite for the embedded runtime,
 * cosmos in Azure), and the paging token they share.
 */
import type { AttemptRecord, Run, RunPatch, RunStatus, RunSummary, StepPatch } from './model';

/** Filters and paging for a run listing; runs come newest first (createdAt, then id, descending). */
export interface ListRunsQuery {
  workflow?: string;
  status?: RunStatus;
  /** Only runs created at or after this ISO time. */
  since?: string;
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
  return JSON.stringify([query.workflow ?? null, query.status ?? null, query.since ?? null]);
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
