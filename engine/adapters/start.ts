/**
 * Starting a run, the same way for every trigger: check the input against the workflow's `input` schema,
 * build the orchestration input (which carries the definition), and start the generic orchestrator.
 * Starts with a deterministic instance id (queue messages, schedules, redrives) happen at most once.
 */
import { randomUUID } from 'node:crypto';
import type { DurableClient } from 'durable-functions';
import { ORCHESTRATOR_NAME } from '../orchestrator/sluice';
import type { WorkflowDefinition } from '../definition/workflow.generated';
import { runInputOf, type RedriveLineage, type RunResume, type RunTrigger } from '../plan/run-input';
import { checkInput, type InputProblem } from '../definition/input-check';
import type { Project, ProjectWorkflow } from './project';

/** What to start. */
export interface StartRequest {
  workflow: ProjectWorkflow;
  input: unknown;
  trigger: RunTrigger;
  /** A deterministic id makes the start idempotent: an existing instance is not started again. */
  instanceId?: string;
  redriveOf?: string;
  /** Set with `redriveOf`: which try of which run this redrive is. */
  redrive?: RedriveLineage;
  /** A redrive from a step: what it reuses of the redriven run. */
  resume?: RunResume;
  /** Where the workflows it calls are found; default the project's deployed ones. */
  workflowNamed?: (name: string) => WorkflowDefinition | undefined;
  /** The caller's W3C trace context (an HTTP trigger's `traceparent`): the run's span hangs under it. */
  trace?: { traceparent: string };
}

/** The outcome: a run id, or the problems with the input. */
export type StartOutcome = { ok: true; runId: string; existed: boolean } | { ok: false; problems: InputProblem[] };

/** Validates the input and starts the run. */
export async function startRun(client: DurableClient, project: Project, request: StartRequest): Promise<StartOutcome> {
  const { workflow } = request;
  const problems = checkInput(workflow.hash, workflow.definition.input, request.input);
  if (problems.length > 0) return { ok: false, problems };
  if (request.instanceId && (await exists(client, request.instanceId))) return { ok: true, runId: request.instanceId, existed: true };
  const input = runInputOf({
    definition: workflow.definition,
    input: request.input,
    trigger: request.trigger,
    sign: signerOf(project),
    refer: project.trust!.refer,
    workflowNamed: request.workflowNamed ?? ((name) => project.named(name)?.definition),
    ...(request.redriveOf ? { redriveOf: request.redriveOf } : {}),
    ...(request.redrive ? { redrive: request.redrive } : {}),
    ...(request.resume ? { resume: request.resume } : {}),
    ...(request.trace ? { trace: request.trace } : {}),
  });
  // The id is chosen here, not by the host, so a start whose answer was lost can be retried safely.
  const runId = request.instanceId ?? randomUUID().replace(/-/g, '');
  for (let attempt = 1; ; attempt++) {
    try {
      await client.startNew(ORCHESTRATOR_NAME, { input, instanceId: runId });
      return { ok: true, runId, existed: false };
    } catch (error) {
      if (attempt >= START_ATTEMPTS || !isTransient(error)) throw error;
      if (await exists(client, runId)) return { ok: true, runId, existed: false };
    }
  }
}

const START_ATTEMPTS = 3;

function signerOf(project: Project) {
  if (!project.trust) throw new Error('this project is not registered as an app (azure/register.ts): it has no key to sign run inputs with');
  return project.trust.sign;
}

async function exists(client: DurableClient, runId: string): Promise<boolean> {
  const status = await client.getStatus(runId).catch(() => undefined);
  return status !== undefined && status.runtimeStatus !== undefined;
}

/** A connection-level failure: the request may or may not have arrived. */
function isTransient(error: unknown): boolean {
  const code = (error as { code?: string; cause?: { code?: string } })?.code ?? (error as { cause?: { code?: string } })?.cause?.code;
  return code === 'ECONNRESET' || code === 'ECONNREFUSED' || code === 'EPIPE' || code === 'ETIMEDOUT' || code === 'ECONNABORTED';
}

/** The 400 body for an input that does not match the workflow's schema. */
export function inputProblemBody(workflow: string, problems: readonly InputProblem[]): Record<string, unknown> {
  return {
    error: 'ValidationError',
    message: `the input does not match the input schema of workflow "${workflow}"`,
    errors: problems,
  };
}
