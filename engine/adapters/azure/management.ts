/**
 * Sluice's management endpoints, under `/api/` with function-level auth: start any workflow by name,
 * follow a run (status, events, terminate), and read run history (`runs`, `runs/{id}`, `workflows`).
 */
import type { HttpRequest, HttpResponseInit } from '@azure/functions';
import type { DurableClient } from 'durable-functions';
import { handleHistoryRequest, type WorkflowListing } from '../../history/api';
import type { RunHistoryStore } from '../../history/store';
import { parseJsonInput } from '../input-check';
import type { InvalidWorkflow, Project } from '../project';
import { isFinished, runErrorOf } from '../run-status';
import { inputProblemBody, startRun } from '../start';
import { acceptedResponse } from './responses';

const problem = (status: number, error: string, message: string): HttpResponseInit => ({ status, jsonBody: { error, message } });

/** What each workflow is triggered by, for `GET /api/workflows`. */
export function workflowListings(project: Project): WorkflowListing[] {
  const served = project.workflows.map((workflow): WorkflowListing => ({
    name: workflow.name,
    file: workflow.file,
    valid: true,
    hash: workflow.hash,
    triggers: Object.keys(workflow.definition.triggers ?? {}),
  }));
  const invalid = project.invalid.map(({ name, file, diagnostics }): WorkflowListing => ({ ...(name ? { name } : {}), file, valid: false, diagnostics }));
  return [...served, ...invalid];
}

/**
 * 409 for a run of a workflow that is not served because its definition (or one it calls) has errors: the
 * request is fine, the workflow is in a state that cannot run; the body carries the diagnostics.
 */
export function invalidWorkflowResponse(workflow: InvalidWorkflow): HttpResponseInit {
  const why = workflow.calls ? `it calls ${workflow.calls.map((name) => `"${name}"`).join(', ')}, which ${workflow.calls.length === 1 ? 'is' : 'are'} invalid` : 'its definition has errors';
  return {
    status: 409,
    jsonBody: {
      error: 'InvalidWorkflow',
      message: `workflow "${workflow.name ?? workflow.file}" (${workflow.file}) is invalid and not served: ${why}; run \`sluice lint\``,
      diagnostics: workflow.diagnostics,
    },
  };
}

/**
 * `POST /api/workflows/{name}/runs[?runId=…]`: starts a run of any workflow with the body as its input.
 * With `runId` the start is idempotent: a second request with the same id answers 200 and starts nothing.
 */
export function apiStarter(project: Project) {
  return async (request: HttpRequest, client: DurableClient): Promise<HttpResponseInit> => {
    const name = request.params.name;
    const workflow = project.named(name);
    const invalid = workflow ? undefined : project.invalid.find((candidate) => candidate.name === name);
    if (invalid) return invalidWorkflowResponse(invalid);
    if (!workflow) return problem(404, 'WorkflowNotFound', `no workflow named "${name}"`);
    const parsed = parseJsonInput(await request.text());
    if (!parsed.ok) return { status: 400, jsonBody: inputProblemBody(workflow.name, [parsed.problem]) };
    const runId = request.query.get('runId') ?? undefined;
    if (runId !== undefined && !/^[A-Za-z0-9][A-Za-z0-9_.:-]{0,99}$/.test(runId)) {
      return { status: 400, jsonBody: { error: 'ValidationError', message: 'runId must be 1-100 letters, digits, `_`, `.`, `:` or `-`', errors: [{ path: 'query.runId', message: 'invalid run id' }] } };
    }
    const started = await startRun(client, project, {
      workflow,
      input: parsed.input,
      trigger: { kind: 'api', source: 'POST /api/workflows/{name}/runs' },
      ...(runId ? { instanceId: runId } : {}),
    });
    if (!started.ok) return { status: 400, jsonBody: inputProblemBody(workflow.name, started.problems) };
    return { ...acceptedResponse(client, request, started.runId), status: started.existed ? 200 : 202 };
  };
}

/** `POST /api/runs/{id}/redrive`: re-submits a dead-lettered run (the body is its dead-letter message) once. */
export function redriveRun(project: Project) {
  return async (request: HttpRequest, client: DurableClient): Promise<HttpResponseInit> => {
    const id = request.params.id;
    const parsed = parseJsonInput(await request.text());
    if (!parsed.ok) return { status: 400, jsonBody: { error: 'ValidationError', message: parsed.problem.message, errors: [parsed.problem] } };
    const letter = parsed.input as { workflow?: unknown; input?: unknown; runId?: unknown };
    if (typeof letter?.workflow !== 'string' || letter.runId !== id) {
      return { status: 400, jsonBody: { error: 'ValidationError', message: 'the body must be the dead-letter message of this run', errors: [{ path: '/runId', message: `must be "${id}"` }] } };
    }
    const workflow = project.named(letter.workflow);
    if (!workflow) return problem(404, 'WorkflowNotFound', `no workflow named "${letter.workflow}"`);
    const started = await startRun(client, project, {
      workflow,
      input: letter.input,
      trigger: { kind: 'redrive', source: id },
      // Deterministic: redriving the same dead letter twice starts one run.
      instanceId: `${id}-redrive`,
      redriveOf: id,
    });
    if (!started.ok) return { status: 400, jsonBody: inputProblemBody(workflow.name, started.problems) };
    return { ...acceptedResponse(client, request, started.runId), status: started.existed ? 200 : 202 };
  };
}

/**
 * `GET /api/runs/{id}/status`: the Durable status of a run, with its custom status (progress). A Failed run's
 * `output` and `error` are its `{ name, message, step }`, not the extension's "Orchestrator function … failed".
 */
export async function runStatus(request: HttpRequest, client: DurableClient): Promise<HttpResponseInit> {
  const id = request.params.id;
  const status = await client.getStatus(id, { showHistory: request.query.get('showHistory') === 'true', showInput: false }).catch(() => undefined);
  if (!status || status.runtimeStatus === undefined) return problem(404, 'RunNotFound', `no run with id "${id}"`);
  if (String(status.runtimeStatus) !== 'Failed') return { status: 200, jsonBody: status };
  const error = runErrorOf(status.output);
  return { status: 200, jsonBody: { ...status, output: error, error } };
}

/** `POST /api/runs/{id}/events/{event}`: raises an external event; the body is its payload. */
export async function raiseRunEvent(request: HttpRequest, client: DurableClient): Promise<HttpResponseInit> {
  const { id, event } = request.params;
  const parsed = parseJsonInput(await request.text());
  if (!parsed.ok) return { status: 400, jsonBody: { error: 'ValidationError', message: parsed.problem.message, errors: [parsed.problem] } };
  const refusal = await refuseUnlessRunning(client, id);
  if (refusal) return refusal;
  await client.raiseEvent(id, event, parsed.input);
  return { status: 202, jsonBody: { runId: id, event } };
}

/** `POST /api/runs/{id}/terminate?reason=…`: ends a running run as Terminated. */
export async function terminateRun(request: HttpRequest, client: DurableClient): Promise<HttpResponseInit> {
  const id = request.params.id;
  const refusal = await refuseUnlessRunning(client, id);
  if (refusal) return refusal;
  await client.terminate(id, request.query.get('reason') ?? 'terminated through the API');
  return { status: 202, jsonBody: { runId: id, status: 'Terminating' } };
}

async function refuseUnlessRunning(client: DurableClient, id: string): Promise<HttpResponseInit | undefined> {
  const status = await client.getStatus(id).catch(() => undefined);
  if (!status || status.runtimeStatus === undefined) return problem(404, 'RunNotFound', `no run with id "${id}"`);
  if (isFinished(status.runtimeStatus)) {
    return problem(410, 'RunFinished', `run "${id}" has already finished (${String(status.runtimeStatus)})`);
  }
  return undefined;
}

/** `GET /api/runs`, `GET /api/runs/{id}`, `GET /api/workflows`: run history. */
export function historyEndpoint(project: Project, history: () => Promise<RunHistoryStore>) {
  const listings = workflowListings(project);
  return async (request: HttpRequest): Promise<HttpResponseInit> => {
    const url = new URL(request.url);
    const query: Record<string, string | string[]> = {};
    for (const key of new Set(url.searchParams.keys())) {
      const values = url.searchParams.getAll(key);
      query[key] = values.length === 1 ? values[0] : values;
    }
    const response = await handleHistoryRequest(await history(), { method: request.method, path: url.pathname, query }, listings);
    return response ? { status: response.status, jsonBody: response.body } : problem(404, 'NotFound', `${url.pathname} is not a run-history route`);
  };
}
