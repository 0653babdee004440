/**
 * The run-history HTTP API as pure handlers: the Azure Functions app and the local host both
 * mount `handleHistoryRequest` and translate their own request and response objects.
 *   GET /api/runs?workflow=&status=&degraded=&since=&until=&error=&input.<field>=&continuation=&limit=
 *   GET /api/runs/{id}
 *   GET /api/definitions/{hash}
 *   GET /api/workflows
 * Given a Durable status reader, answers about runs history has as live are checked against Durable
 * first (durable-sync.ts): what Durable reports is what the answer says, and what history then keeps.
 */
import type { RunStatus } from './model';
import { withDurableTruth, type DurableStatusReader } from './durable-sync';
import { INPUT_FIELD_PATH, InvalidContinuationError, MAX_PAGE_SIZE } from './store';
import type { ListRunsQuery, RunHistoryStore, RunStatusFilter } from './store';

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

const runStatuses: readonly RunStatus[] = ['Pending', 'Running', 'Suspended', 'Completed', 'Failed', 'DeadLettered', 'Terminated'];
/** What `status=` takes: a run status, or `Degraded` (a run with a degraded step). */
const statusFilters: readonly RunStatusFilter[] = [...runStatuses, 'Degraded'];
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
  const known = new Set(['workflow', 'status', 'degraded', 'since', 'until', 'error', 'continuation', 'limit']);
  for (const field of Object.keys(query)) {
    if (!known.has(field) && !field.startsWith('input.')) {
      problems.push({ field: `query.${field}`, message: `unknown parameter; use one of ${[...known].join(', ')}, input.<field>` });
    }
  }
  const workflow = single('workflow');
  if (workflow !== undefined) {
    if (workflowName.test(workflow)) result.workflow = workflow;
    else problems.push({ field: 'query.workflow', message: `"${workflow}" is not a workflow name (^[a-z][a-z0-9-]{0,62}$)` });
  }
  // Several statuses: `status=Failed,DeadLettered` or `status=Failed&status=DeadLettered`; `Degraded` is a run with a degraded step.
  const statusValues = [query.status ?? []].flat().flatMap((value) => value.split(',')).map((value) => value.trim()).filter(Boolean);
  const statuses: RunStatusFilter[] = [];
  for (const status of statusValues) {
    const match = statusFilters.find((s) => s.toLowerCase() === status.toLowerCase());
    if (!match) problems.push({ field: 'query.status', message: `"${status}" is not a run status; use one or more (comma-separated) of ${statusFilters.join(', ')}` });
    else if (!statuses.includes(match)) statuses.push(match);
  }
  if (statuses.length) result.statuses = statuses;
  const degraded = single('degraded');
  if (degraded === 'true' || degraded === 'false') result.degraded = degraded === 'true';
  else if (degraded !== undefined) problems.push({ field: 'query.degraded', message: `"${degraded}" is not true or false` });
  const time = (field: 'since' | 'until'): void => {
    const value = single(field);
    if (value === undefined) return;
    if (/^\d{4}-\d{2}-\d{2}/.test(value) && !Number.isNaN(Date.parse(value))) result[field] = new Date(value).toISOString();
    else problems.push({ field: `query.${field}`, message: `"${value}" is not an ISO 8601 date-time (e.g. 2025-05-01T00:00:00Z)` });
  };
  time('since');
  time('until');
  if (result.since && result.until && result.since >= result.until) problems.push({ field: 'query.until', message: 'must be after since' });
  const error = single('error');
  if (error !== undefined) {
    if (error.length <= 200) result.errorText = error;
    else problems.push({ field: 'query.error', message: 'at most 200 characters' });
  }
  const input: Record<string, string> = {};
  for (const field of Object.keys(query).filter((name) => name.startsWith('input.'))) {
    const path = field.slice('input.'.length);
    const value = single(field);
    if (!INPUT_FIELD_PATH.test(path)) problems.push({ field: `query.${field}`, message: `"${path}" is not a field path (names of letters, digits, _ and -, joined by dots)` });
    else if (value !== undefined) input[path] = value;
  }
  if (Object.keys(input).length > 5) problems.push({ field: 'query.input', message: 'at most 5 input fields' });
  else if (Object.keys(input).length) result.input = input;
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

/** What the host can add to history answers. */
export interface HistoryOptions {
  /** Durable's view of an instance: live records are checked against it (durable-sync.ts). */
  durable?: DurableStatusReader;
}

/** Answers a run-history request; undefined when the path is not one of the history routes. */
export async function handleHistoryRequest(
  store: RunHistoryStore,
  request: HistoryRequest,
  workflows: readonly WorkflowListing[] = [],
  options: HistoryOptions = {},
): Promise<HistoryResponse | undefined> {
  const path = request.path.replace(/\/+$/, '');
  const runMatch = /^\/api\/runs\/([^/]+)$/.exec(path);
  const definitionMatch = /^\/api\/definitions\/([^/]+)$/.exec(path);
  if (path !== '/api/runs' && path !== '/api/workflows' && !runMatch && !definitionMatch) return undefined;
  if (request.method.toUpperCase() !== 'GET') return problem(405, 'MethodNotAllowed', `${request.method} is not supported on ${path}; use GET`);
  const { durable } = options;

  if (path === '/api/runs') {
    const parsed = parseListQuery(request.query);
    if ('problems' in parsed) return problem(400, 'InvalidQuery', 'the query parameters are not valid', parsed.problems);
    try {
      const page = await store.listRuns(parsed.query);
      if (!durable) return json(200, page);
      const runs = await Promise.all(page.runs.map((run) => withDurableTruth(store, run, durable)));
      // A run whose status Durable corrected may no longer match the filter: the page is then shorter.
      const wanted = parsed.query.statuses;
      const kept = wanted ? runs.filter((run) => wanted.includes(run.status) || (wanted.includes('Degraded') && run.degraded === true)) : runs;
      return json(200, { ...page, runs: kept });
    } catch (error) {
      if (error instanceof InvalidContinuationError) {
        return problem(400, 'InvalidQuery', error.message, [{ field: 'query.continuation', message: error.message }]);
      }
      throw error;
    }
  }
  const segment = decodeSegment((runMatch ?? definitionMatch)?.[1]);
  if (segment === null) {
    return problem(400, 'InvalidPath', 'the path is not valid percent-encoding', [{ field: runMatch ? 'path.id' : 'path.hash', message: 'malformed %-escape' }]);
  }
  if (runMatch) {
    const run = await store.getRun(segment!);
    if (!run) return problem(404, 'RunNotFound', `no run with id "${segment}" in run history`);
    return json(200, durable ? await withDurableTruth(store, run, durable) : run);
  }
  if (definitionMatch) {
    const definition = await store.getDefinition(segment!);
    return definition === undefined
      ? problem(404, 'DefinitionNotFound', `no definition with hash "${segment}" in run history`)
      : json(200, { hash: segment, definition });
  }
  const last = await store.lastRunByWorkflow(workflows.flatMap((w) => (w.valid && w.name ? [w.name] : [])));
  return json(200, {
    workflows: workflows.map((w) => (w.valid ? { ...w, lastRun: last[w.name!] ?? null } : w)),
  });
}

function decodeSegment(segment: string | undefined): string | undefined | null {
  if (segment === undefined) return undefined;
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
}
