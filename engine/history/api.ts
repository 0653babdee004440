/**
 * The run-history HTTP API as pure handlers: the Azure Functions app and the local host both
 * mount `handleHistoryRequest` and translate their own request and response objects.
 *   GET /api/runs?workflow=&status=&since=&continuation=&limit=
 *   GET /api/runs/{id}
 *   GET /api/workflows
 */
import type { RunStatus } from './model';
import { InvalidContinuationError, MAX_PAGE_SIZE } from './store';
import type { ListRunsQuery, RunHistoryStore } from './store';

/** A request as the hosts hand it over. */
export interface HistoryRequest {
  method: string;
  /** The path without the query string, e.g. `/api/runs/abc`. */
  path: string;
  query: Record<string, string | string[] | undefined>;
}

/** A JSON response. */
export interface HistoryResponse {
  status: number;
  body: unknown;
}

/** A workflow as the host knows it (from its compiled plans). */
export interface WorkflowListing {
  /** Unset only for an invalid file that declares no name. */
  name?: string;
  file: string;
  /** False for a definition the runtime does not serve (its runs are refused with `diagnostics`). */
  valid: boolean;
  hash?: string;
  triggers?: string[];
  diagnostics?: unknown[];
}

/** One invalid request field. */
export interface FieldProblem {
  field: string;
  message: string;
}

const runStatuses: readonly RunStatus[] = ['Pending', 'Running', 'Completed', 'Failed', 'DeadLettered', 'Terminated'];
const workflowName = /^[a-z][a-z0-9-]{0,62}$/;

const json = (status: number, body: unknown): HistoryResponse => ({ status, body });
const problem = (status: number, error: string, message: string, fields?: FieldProblem[]): HistoryResponse =>
  json(status, { error, message, ...(fields ? { fields } : {}) });

/** Validates `GET /api/runs` query parameters into a store query, or lists what is wrong. */
export function parseListQuery(query: HistoryRequest['query']): { query: ListRunsQuery } | { problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  const result: ListRunsQuery = {};
  const single = (field: string): string | undefined => {
    const value = query[field];
    if (Array.isArray(value)) {
      problems.push({ field: `query.${field}`, message: 'give it once' });
      return undefined;
    }
    return value === '' ? undefined : value;
  };
  const known = new Set(['workflow', 'status', 'since', 'continuation', 'limit']);
  for (const field of Object.keys(query)) {
    if (!known.has(field)) problems.push({ field: `query.${field}`, message: `unknown parameter; use one of ${[...known].join(', ')}` });
  }
  const workflow = single('workflow');
  if (workflow !== undefined) {
    if (workflowName.test(workflow)) result.workflow = workflow;
    else problems.push({ field: 'query.workflow', message: `"${workflow}" is not a workflow name (^[a-z][a-z0-9-]{0,62}$)` });
  }
  const status = single('status');
  if (status !== undefined) {
    const match = runStatuses.find((s) => s.toLowerCase() === status.toLowerCase());
    if (match) result.status = match;
    else problems.push({ field: 'query.status', message: `"${status}" is not a run status; use one of ${runStatuses.join(', ')}` });
  }
  const since = single('since');
  if (since !== undefined) {
    if (/^\d{4}-\d{2}-\d{2}/.test(since) && !Number.isNaN(Date.parse(since))) result.since = new Date(since).toISOString();
    else problems.push({ field: 'query.since', message: `"${since}" is not an ISO 8601 date-time (e.g. 2025-05-01T00:00:00Z)` });
  }
  const limit = single('limit');
  if (limit !== undefined) {
    const n = Number(limit);
    if (Number.isInteger(n) && n >= 1 && n <= MAX_PAGE_SIZE) result.limit = n;
    else problems.push({ field: 'query.limit', message: `"${limit}" is not an integer from 1 to ${MAX_PAGE_SIZE}` });
  }
  const continuation = single('continuation');
  if (continuation !== undefined) result.continuation = continuation;
  return problems.length ? { problems } : { query: result };
}

/** Answers a run-history request; undefined when the path is not one of the history routes. */
export async function handleHistoryRequest(
  store: RunHistoryStore,
  request: HistoryRequest,
  workflows: readonly WorkflowListing[] = [],
): Promise<HistoryResponse | undefined> {
  const path = request.path.replace(/\/+$/, '');
  const runMatch = /^\/api\/runs\/([^/]+)$/.exec(path);
  if (path !== '/api/runs' && path !== '/api/workflows' && !runMatch) return undefined;
  if (request.method.toUpperCase() !== 'GET') return problem(405, 'MethodNotAllowed', `${request.method} is not supported on ${path}; use GET`);

  if (path === '/api/runs') {
    const parsed = parseListQuery(request.query);
    if ('problems' in parsed) return problem(400, 'InvalidQuery', 'the query parameters are not valid', parsed.problems);
    try {
      return json(200, await store.listRuns(parsed.query));
    } catch (error) {
      if (error instanceof InvalidContinuationError) {
        return problem(400, 'InvalidQuery', error.message, [{ field: 'query.continuation', message: error.message }]);
      }
      throw error;
    }
  }
  if (runMatch) {
    let id: string;
    try {
      id = decodeURIComponent(runMatch[1]!);
    } catch {
      return problem(400, 'InvalidPath', 'the run id is not valid percent-encoding', [{ field: 'path.id', message: 'malformed %-escape' }]);
    }
    const run = await store.getRun(id);
    return run ? json(200, run) : problem(404, 'RunNotFound', `no run with id "${id}" in run history`);
  }
  const last = await store.lastRunByWorkflow(workflows.flatMap((w) => (w.valid && w.name ? [w.name] : [])));
  return json(200, {
    workflows: workflows.map((w) => (w.valid ? { ...w, lastRun: last[w.name!] ?? null } : w)),
  });
}
