/**
 * The page's calls: the run-history API, the management endpoints the CLI uses, and the Durable API for
 * suspend and resume. Same origin only. Query parameters a server does not know yet (several statuses,
 * `Degraded`, `until`, text search) are sent; when it refuses one (400 naming the field), the call is
 * repeated without it and the caller filters the page itself, so the page works against older servers and
 * lights up on newer ones.
 */
import type { Run } from '../../engine/history/run.generated';

/** A run without its steps, input and output: what listings return (history/model.ts's RunSummary). */
export type RunSummary = Omit<Run, 'steps' | 'input' | 'output' | 'inputSummary' | 'outputSummary'>;

const body = document.body.dataset;
/** The API root (`/api`). */
export const API = body.api ?? '/api';
/** Where the page is mounted (`''` locally, `/api/inspector` in Azure). */
export const BASE = body.base ?? '';

const KEY_STORE = 'sluice.functionKey';
const opened = new URLSearchParams(location.search).get('code');
if (opened) sessionStorage.setItem(KEY_STORE, opened);
const functionKey = sessionStorage.getItem(KEY_STORE);

/** An answer: status and parsed JSON (or null). */
export interface Answer<T = any> {
  status: number;
  body: T;
}

/** Sends a request; JSON bodies go with `content-type: application/json` (the server refuses others). */
export async function request<T = any>(method: string, path: string, payload?: unknown): Promise<Answer<T>> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (payload !== undefined) headers['content-type'] = 'application/json';
  if (functionKey) headers['x-functions-key'] = functionKey;
  const response = await fetch(path, { method, headers, body: payload === undefined ? undefined : JSON.stringify(payload), credentials: 'same-origin' });
  const text = await response.text();
  let parsed: unknown = null;
  try {
    parsed = text ? JSON.parse(text) : null;
  } catch {
    parsed = { message: text };
  }
  return { status: response.status, body: parsed as T };
}

/** The message of an error answer. */
export function messageOf(answer: Answer): string {
  const b = answer.body as { message?: string; error?: string } | null;
  return `${answer.status}${b?.error ? ` ${b.error}` : ''}: ${b?.message ?? 'no message'}`;
}

/** What the runs table asks for. */
export interface RunFilter {
  workflow?: string;
  /** Run statuses, and `Degraded` for runs with a degraded step. */
  statuses: string[];
  since?: string;
  until?: string;
  /** Free text, or `input.<field>=<value>`. */
  text?: string;
  limit: number;
  continuation?: string;
}

/** A page of runs, and the filters the server did not apply (the caller applies them to the page). */
export interface RunsPage {
  runs: RunSummary[];
  continuation?: string;
  unapplied: Set<'statuses' | 'until' | 'text'>;
}

/** Parameters a server refused once: not sent again in this page's life. */
const refused = new Set<string>();

/** `GET /api/runs` with as many of the filters as the server applies. */
export async function listRuns(filter: RunFilter): Promise<RunsPage> {
  for (let tries = 0; tries < 4; tries++) {
    const query = new URLSearchParams();
    const unapplied = new Set<'statuses' | 'until' | 'text'>();
    if (filter.workflow) query.set('workflow', filter.workflow);
    if (filter.statuses.length) {
      const single = filter.statuses.length === 1 && filter.statuses[0] !== 'Degraded';
      if (!refused.has('status') || single) query.set('status', refused.has('status') ? filter.statuses[0]! : filter.statuses.join(','));
      else unapplied.add('statuses');
    }
    if (filter.since) query.set('since', filter.since);
    if (filter.until) {
      if (refused.has('until')) unapplied.add('until');
      else query.set('until', filter.until);
    }
    if (filter.text) {
      const field = /^(input\.[A-Za-z0-9_.]+)=(.*)$/.exec(filter.text.trim());
      // Free text searches the error's name and message (`error=`); `input.<field>=value` a field of the input.
      const name = field ? field[1]! : 'error';
      if (refused.has(field ? 'input' : 'error')) unapplied.add('text');
      else query.set(name, field ? field[2]! : filter.text);
    }
    query.set('limit', String(filter.limit));
    if (filter.continuation) query.set('continuation', filter.continuation);
    const answer = await request<{ runs: RunSummary[]; continuation?: string; fields?: Array<{ field: string }> }>('GET', `${API}/runs?${query}`);
    if (answer.status === 200) return { runs: answer.body.runs, continuation: answer.body.continuation, unapplied };
    const fields = answer.status === 400 ? (answer.body.fields ?? []).map((f) => f.field.replace(/^query\./, '')) : [];
    const dropped = fields.map((f) => (f.startsWith('input.') ? 'input' : f)).filter((f) => ['status', 'until', 'error', 'input'].includes(f) && !refused.has(f));
    if (dropped.length === 0) throw new Error(messageOf(answer));
    for (const f of dropped) refused.add(f);
  }
  throw new Error('the server refused the run filters');
}

/** `GET /api/runs/{id}`; undefined for 404. */
export async function getRun(id: string): Promise<Run | undefined> {
  const answer = await request<Run>('GET', `${API}/runs/${encodeURIComponent(id)}`);
  if (answer.status === 404) return undefined;
  if (answer.status !== 200) throw new Error(messageOf(answer));
  return answer.body;
}

/** A workflow as `GET /api/workflows` lists it. */
export interface WorkflowListing {
  name?: string;
  file: string;
  valid: boolean;
  hash?: string;
  triggers?: string[];
  definition?: any;
  diagnostics?: Array<{ code?: string; severity?: string; message: string; line?: number; column?: number; hint?: string }>;
  lastRun?: RunSummary | null;
}

let workflowsCache: Promise<WorkflowListing[]> | undefined;

/** `GET /api/workflows`, fetched once per page load unless `fresh`. */
export function getWorkflows(fresh = false): Promise<WorkflowListing[]> {
  if (!workflowsCache || fresh) {
    workflowsCache = request<{ workflows: WorkflowListing[] }>('GET', `${API}/workflows`).then((answer) => {
      if (answer.status !== 200) throw new Error(messageOf(answer));
      return answer.body.workflows;
    });
    workflowsCache.catch(() => (workflowsCache = undefined));
  }
  return workflowsCache;
}

/** A run's own definition (`GET /api/definitions/{hash}`), or undefined when the server does not keep them. */
export async function getDefinition(hash: string): Promise<unknown | undefined> {
  if (!hash || refused.has('definitions')) return undefined;
  const answer = await request('GET', `${API}/definitions/${encodeURIComponent(hash)}`);
  if (answer.status !== 200) {
    // The router's own 404 (no such route): this server has no definitions endpoint; do not ask again.
    if (answer.status === 404 && (answer.body as { error?: string } | null)?.error === 'NotFound') refused.add('definitions');
    return undefined;
  }
  const found = answer.body as { definition?: unknown } | null;
  return found && typeof found === 'object' && 'definition' in found ? found.definition : found;
}

/** `GET /api/runs/{id}/status`: the Durable status (Suspended shows here first), or undefined. */
export async function getDurableStatus(id: string): Promise<{ runtimeStatus?: string; customStatus?: unknown } | undefined> {
  const answer = await request('GET', `${API}/runs/${encodeURIComponent(id)}/status`);
  return answer.status === 200 ? answer.body : undefined;
}

/** The dead-letter listing of a queue. */
export async function getDeadLetters(queue: string): Promise<Array<{ messageId: string; insertedOn: string; letter?: any }> | undefined> {
  const answer = await request('GET', `${API}/dead-letters/${encodeURIComponent(queue)}`);
  return answer.status === 200 ? answer.body.messages : undefined;
}

const run = (id: string) => `${API}/runs/${encodeURIComponent(id)}`;

/** The run actions, each through the endpoint the CLI uses. */
export const actions = {
  raiseEvent: (id: string, event: string, payload: unknown) => request('POST', `${run(id)}/events/${encodeURIComponent(event)}`, payload),
  terminate: (id: string, reason: string) => request('POST', `${run(id)}/terminate?reason=${encodeURIComponent(reason)}`),
  redrive: (id: string, letter: unknown) => request('POST', `${run(id)}/redrive`, letter),
  // Sluice's own endpoints (function-level auth in Azure; they record the new state in run history).
  suspend: (id: string, reason: string) => request('POST', `${run(id)}/suspend?reason=${encodeURIComponent(reason)}`),
  resume: (id: string, reason: string) => request('POST', `${run(id)}/resume?reason=${encodeURIComponent(reason)}`),
};
