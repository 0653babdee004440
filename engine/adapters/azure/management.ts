/**
 * Sluice's management endpoints, under `/api/` with function-level auth: start any workflow by name,
 * follow a run (status, events, terminate, suspend, resume), and read run history (`runs`, `runs/{id}`,
 * `definitions/{hash}`, `workflows`).
 */
import type { HttpRequest, HttpResponseInit } from '@azure/functions';
import type { DurableClient } from 'durable-functions';
import { handleHistoryRequest, type WorkflowListing } from '../../history/api';
import { settleWithDurable, type DurableStatusReader } from '../../history/durable-sync';
import type { Run } from '../../history/model';
import type { RunHistoryStore } from '../../history/store';
import type { DeadLetterMessage } from '../../orchestrator/dead-letter';
import { definitionHash } from '../../plan/hash';
import { definitionOf, type RedriveLineage, type RunInput } from '../../plan/run-input';
import { isRefusal, planRedriveFrom } from '../redrive';
import { parseJsonInput } from '../../definition/input-check';
import type { InvalidWorkflow, Project } from '../project';
import { isFinished, runErrorOf } from '../run-status';
import { inputProblemBody, startRun } from '../start';
import { acceptedResponse } from './responses';

const problem = (status: number, error: string, message: string): HttpResponseInit => ({ status, jsonBody: { error, message } });

/** A listing as `GET /api/workflows` answers it: with the current definition of a served workflow. */
export type WorkflowWithDefinition = WorkflowListing & { definition?: unknown };

/** What each workflow is triggered by, and its definition, for `GET /api/workflows`. */
export function workflowListings(project: Project): WorkflowWithDefinition[] {
  const served = project.workflows.map((workflow): WorkflowWithDefinition => ({
    name: workflow.name,
    file: workflow.file,
    valid: true,
    hash: workflow.hash,
    triggers: Object.keys(workflow.definition.triggers ?? {}),
    // The current definition, so the inspector can draw a workflow (and a run of it) without the files.
    definition: workflow.definition,
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

/**
 * `POST /api/runs/{id}/redrive`: re-submits a failed or dead-lettered run (the body is its dead-letter
 * message) as `<original>-r<try>`: a redrive of `abc` is `abc-r2`, a redrive of `abc-r2` is `abc-r3`. The id
 * is deterministic, so redriving the same letter twice starts one run. 404 for an unknown run, 409 for a
 * run that did not fail.
 */
export function redriveRun(project: Project, history: () => Promise<RunHistoryStore>) {
  return async (request: HttpRequest, client: DurableClient): Promise<HttpResponseInit> => {
    const id = request.params.id;
    if (request.query.get('from') !== null || request.query.get('fromFailed') === 'true') return redriveFromStep(project, history, request, client);
    const parsed = parseJsonInput(await request.text());
    if (!parsed.ok) return { status: 400, jsonBody: { error: 'ValidationError', message: parsed.problem.message, errors: [parsed.problem] } };
    const letter = parsed.input as Partial<DeadLetterMessage> | null;
    if (typeof letter?.workflow !== 'string' || letter.runId !== id) {
      return { status: 400, jsonBody: { error: 'ValidationError', message: 'the body must be the dead-letter message of this run', errors: [{ path: '/runId', message: `must be "${id}"` }] } };
    }
    const store = await history();
    const record = await store.getRun(id);
    const durable = (await client.getStatus(id).catch(() => undefined))?.runtimeStatus;
    if (!record && durable === undefined) return problem(404, 'RunNotFound', `no run with id "${id}"`);
    // The Durable status decides when there is an instance (a dead-lettered run's orchestration failed); a
    // message refused at the queue has only its failed-run record.
    const failed = durable !== undefined ? durable === 'Failed' : record!.status === 'Failed' || record!.status === 'DeadLettered';
    if (!failed) return problem(409, 'RunNotFailed', `run "${id}" did not fail (${String(durable ?? record!.status)}): only a failed or dead-lettered run can be redriven`);
    const workflow = project.named(letter.workflow);
    if (!workflow) return problem(404, 'WorkflowNotFound', `no workflow named "${letter.workflow}"`);
    const lineage = await redriveLineage(store, id, record, letter);
    const started = await startRun(client, project, {
      workflow,
      input: letter.input,
      trigger: { kind: 'redrive', source: id },
      instanceId: `${lineage.originalRunId}-r${lineage.runAttempt}`,
      redriveOf: id,
      redrive: lineage,
    });
    if (!started.ok) return { status: 400, jsonBody: inputProblemBody(workflow.name, started.problems) };
    return { ...acceptedResponse(client, request, started.runId), status: started.existed ? 200 : 202 };
  };
}

/**
 * `POST /api/runs/{id}/redrive?from=<stepPath>` (or `?fromFailed=true`: from the step that failed), with
 * `&latest=true` to run on the definition deployed now: a redrive that reuses the outputs of the steps
 * before `from` (adapters/redrive.ts). The input and definition come from the run's Durable input, so no
 * body is needed. 404 unknown run, 409 a run that did not fail, changed steps or an unrecorded output.
 */
async function redriveFromStep(project: Project, history: () => Promise<RunHistoryStore>, request: HttpRequest, client: DurableClient): Promise<HttpResponseInit> {
  const id = request.params.id;
  const status = await client.getStatus(id, { showInput: true }).catch(() => undefined);
  if (!status || status.runtimeStatus === undefined) return problem(404, 'RunNotFound', `no run with id "${id}" in the Durable task hub`);
  if (String(status.runtimeStatus) !== 'Failed') return problem(409, 'RunNotFailed', `run "${id}" did not fail (${String(status.runtimeStatus)}): only a failed or dead-lettered run can be redriven`);
  const original = status.input as RunInput;
  if (!original || typeof original !== 'object' || (original.definitionText === undefined && !original.definition && !original.definitionRef)) return problem(409, 'NotASluiceRun', `run "${id}" is not a Sluice run`);
  if (original.fragment || original.parent) return problem(409, 'NotARun', `"${id}" is part of another run (${original.parent ? `a sub-workflow of ${original.parent.runId}` : 'a fragment'}): redrive that run`);
  const failedStep = runErrorOf(status.output).step;
  const from = request.query.get('from') || failedStep;
  if (!from) return problem(409, 'NoFailedStep', `run "${id}" failed outside any step: give the step to redrive from (?from=<stepPath>)`);
  const latest = request.query.get('latest') === 'true';
  const store = await history();
  const record = await store.getRun(id);
  const workflowName = (original.definitionRef ? project.trust!.check(original).definition() : definitionOf(original)).name;
  const current = latest ? project.named(workflowName) : undefined;
  if (latest && !current) return problem(404, 'WorkflowNotFound', `no workflow named "${workflowName}" is deployed now`);
  const plan = planRedriveFrom({
    runId: id,
    original,
    from,
    history: record,
    trust: project.trust!,
    ...(current ? { latest: { definition: current.definition, named: (name: string) => project.named(name)?.definition } } : {}),
  });
  if (isRefusal(plan)) return problem(plan.status, plan.error, plan.message);
  const lineage = await redriveLineage(store, id, record, { originalRunId: original.redrive?.originalRunId, runAttempt: original.redrive?.runAttempt });
  const started = await startRun(client, project, {
    workflow: { name: plan.definition.name, file: current?.file ?? '', definition: plan.definition, hash: current?.hash ?? definitionHash(plan.definition) },
    input: original.input,
    trigger: { kind: 'redrive', source: id },
    instanceId: `${lineage.originalRunId}-r${lineage.runAttempt}`,
    redriveOf: id,
    redrive: lineage,
    resume: plan.resume,
    workflowNamed: plan.workflowNamed,
  });
  if (!started.ok) return { status: 400, jsonBody: inputProblemBody(plan.definition.name, started.problems) };
  const accepted = acceptedResponse(client, request, started.runId);
  const body = { ...(accepted.jsonBody as object), runId: started.runId, from: plan.resume.from, reused: plan.reused, reusedIterations: plan.reusedIterations, definition: latest ? 'latest' : 'original' };
  return { ...accepted, jsonBody: body, status: started.existed ? 200 : 202 };
}

/** The lineage of a redrive of run `id`: its original run, and the try after `id`'s. */
async function redriveLineage(store: RunHistoryStore, id: string, record: Run | undefined, letter: Partial<DeadLetterMessage>): Promise<RedriveLineage> {
  // No record to go by (history was unavailable when the run started): the letter says which try it was.
  if (!record) return { originalRunId: letter.originalRunId ?? id, runAttempt: (letter.runAttempt ?? 1) + 1 };
  const { originalRunId, runAttempt, redriveOf } = record.lineage;
  if (originalRunId && runAttempt) return { originalRunId, runAttempt: runAttempt + 1 };
  if (!redriveOf) return { originalRunId: id, runAttempt: 2 };
  // A run redriven before redrives recorded their lineage: walk `redriveOf` back to the original.
  let current = record;
  let hops = 0;
  while (current.lineage.redriveOf && hops < MAX_REDRIVE_CHAIN) {
    const earlierId: string = current.lineage.redriveOf;
    const earlier = await store.getRun(earlierId);
    hops++;
    if (!earlier) return { originalRunId: earlierId, runAttempt: hops + 2 };
    current = earlier;
  }
  return { originalRunId: current.id, runAttempt: hops + 2 };
}

const MAX_REDRIVE_CHAIN = 100;

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

/** Durable's status of an instance, for run history to agree with (history/durable-sync.ts). */
export function durableStatusReader(client: DurableClient): DurableStatusReader {
  return async (id) => {
    const status = await client.getStatus(id, { showInput: false }).catch(() => undefined);
    return status && status.runtimeStatus !== undefined ? status : undefined;
  };
}

/**
 * `POST /api/runs/{id}/terminate?reason=…`: ends a running run as Terminated. The orchestrator cannot
 * record a termination (none of its code runs again), so this endpoint records what Durable then reports.
 */
export function terminateRun(history: () => Promise<RunHistoryStore>) {
  return async (request: HttpRequest, client: DurableClient): Promise<HttpResponseInit> => {
    const id = request.params.id;
    const refusal = await refuseUnlessRunning(client, id);
    if (refusal) return refusal;
    await client.terminate(id, request.query.get('reason') ?? 'terminated through the API');
    await recordDurable(history, client, id, ['Pending', 'Running', 'Suspended']);
    return { status: 202, jsonBody: { runId: id, status: 'Terminating' } };
  };
}

/** `POST /api/runs/{id}/suspend?reason=…` and `…/resume?reason=…`: pause a running run, or let a suspended one go on. */
export function suspendOrResumeRun(action: 'suspend' | 'resume', history: () => Promise<RunHistoryStore>) {
  return async (request: HttpRequest, client: DurableClient): Promise<HttpResponseInit> => {
    const id = request.params.id;
    const refusal = await refuseUnlessRunning(client, id);
    if (refusal) return refusal;
    const current = String((await client.getStatus(id, { showInput: false }).catch(() => undefined))?.runtimeStatus);
    if (action === 'resume' && current !== 'Suspended') return problem(409, 'RunNotSuspended', `run "${id}" is not suspended (${current})`);
    if (action === 'suspend' && current === 'Suspended') return problem(409, 'RunSuspended', `run "${id}" is already suspended`);
    const reason = request.query.get('reason') ?? `${action === 'suspend' ? 'suspended' : 'resumed'} through the API`;
    if (action === 'suspend') await client.suspend(id, reason);
    else await client.resume(id, reason);
    await recordDurable(history, client, id, action === 'suspend' ? ['Pending', 'Running'] : ['Suspended']);
    return { status: 202, jsonBody: { runId: id, status: action === 'suspend' ? 'Suspending' : 'Resuming' } };
  };
}

// Run history must not make a management call fail: Durable has acted; the read path corrects the record later.
async function recordDurable(history: () => Promise<RunHistoryStore>, client: DurableClient, id: string, from: readonly string[]): Promise<void> {
  try {
    await settleWithDurable(await history(), id, durableStatusReader(client), from);
  } catch (error) {
    console.warn(`run history: ${(error as Error)?.message ?? error}`);
  }
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
  return async (request: HttpRequest, client?: DurableClient): Promise<HttpResponseInit> => {
    const url = new URL(request.url);
    const query: Record<string, string | string[]> = {};
    for (const key of new Set(url.searchParams.keys())) {
      const values = url.searchParams.getAll(key);
      query[key] = values.length === 1 ? values[0] : values;
    }
    const durable = client ? durableStatusReader(client) : undefined;
    const response = await handleHistoryRequest(await history(), { method: request.method, path: url.pathname, query }, listings, durable ? { durable } : {});
    return response ? { status: response.status, jsonBody: response.body } : problem(404, 'NotFound', `${url.pathname} is not a run-history route`);
  };
}
