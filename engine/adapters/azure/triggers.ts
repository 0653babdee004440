/**
 * A workflow's triggers as Azure Functions: an HTTP starter (input checked: 400 with the errors, else 202
 * with status URLs, or the output when `respond: sync` finishes in time), a queue trigger (a message that
 * can never pass goes to `<queue>-poison` at once with its body intact, and a failed-run record says why:
 * see queue-intake.ts), and a timer per schedule.
 */
import type { HttpRequest, HttpResponseInit, InvocationContext, Timer } from '@azure/functions';
import type { DurableClient } from 'durable-functions';
import type { ScheduleTrigger } from '../../definition/workflow.generated';
import type { RunHistoryStore } from '../../history/store';
import { parseDuration } from '../../definition/duration';
import { parseJsonInput } from '../../definition/input-check';
import { messageText, poisonMessage, readQueueInput, type QueueHostSettings } from '../queue-intake';
import type { SettingsEnv } from '../../settings';
import type { Project, ProjectWorkflow } from '../project';
import { inputProblemBody, startRun } from '../start';
import { parseTraceparent } from '../../telemetry/ids';
import { log } from '../../telemetry/log';
import { acceptedResponse, waitForRun } from './responses';

/** The default route of a workflow's HTTP trigger. */
export function routeOf(workflow: ProjectWorkflow): string {
  return workflow.definition.triggers?.http?.route ?? `workflows/${workflow.name}`;
}

/** The schedules of a workflow, one or many. */
export function schedulesOf(workflow: ProjectWorkflow): ScheduleTrigger[] {
  const schedule = workflow.definition.triggers?.schedule;
  if (!schedule) return [];
  return Array.isArray(schedule) ? schedule : [schedule];
}

/** The HTTP starter of a workflow. */
export function httpStarter(project: Project, workflow: ProjectWorkflow) {
  const http = workflow.definition.triggers?.http ?? {};
  return async (request: HttpRequest, client: DurableClient): Promise<HttpResponseInit> => {
    const input = request.method === 'GET' ? Object.fromEntries(request.query.entries()) : parseJsonInput(await request.text());
    const parsed = request.method === 'GET' ? { ok: true as const, input } : (input as ReturnType<typeof parseJsonInput>);
    if (!parsed.ok) return { status: 400, jsonBody: inputProblemBody(workflow.name, [parsed.problem]) };
    const started = await startRun(client, project, {
      workflow,
      input: parsed.input,
      trigger: { kind: 'http', source: `${request.method} /api/${routeOf(workflow)}` },
      // W3C Trace Context: the caller's span becomes the run's parent (a malformed header is ignored).
      ...traceOf(request.headers.get('traceparent')),
    });
    if (!started.ok) return { status: 400, jsonBody: inputProblemBody(workflow.name, started.problems) };
    if (http.respond === 'sync') {
      const timeoutMs = parseDuration(http.timeout ?? '30s') ?? 30_000;
      return waitForRun(client, request, started.runId, timeoutMs);
    }
    return acceptedResponse(client, request, started.runId);
  };
}

/** The queue trigger of a workflow: one run per message; a message that can never pass is poisoned at once. */
export function queueStarter(project: Project, workflow: ProjectWorkflow, history: () => Promise<RunHistoryStore>, host: QueueHostSettings, env: SettingsEnv) {
  const { name: queue, connection } = workflow.definition.triggers!.queue!;
  return async (message: unknown, client: DurableClient, context: InvocationContext): Promise<void> => {
    const messageId = String(context.triggerMetadata?.id ?? context.invocationId);
    // One message, one run: a redelivered message finds its run and starts nothing.
    const runId = `${workflow.name}-q-${messageId}`;
    const text = messageText(message, context);
    const recordFailure = async (input: unknown, error: { name: string; message: string }) => {
      const now = new Date().toISOString();
      await (await history()).upsertRun({
        id: runId,
        workflow: workflow.name,
        definitionHash: workflow.hash,
        trigger: { kind: 'queue', source: queue },
        status: 'Failed',
        createdAt: String(context.triggerMetadata?.insertionTime ?? now),
        endedAt: now,
        input,
        error,
      });
    };
    const refuse = async (input: unknown, reason: string) => {
      await recordFailure(input, { name: 'ValidationError', message: reason });
      await poisonMessage(queue, text, host, env, connection);
      context.warn(`message ${messageId} on ${queue} can never start ${workflow.name} (${reason}): moved to ${queue}-poison`);
      log('warn', 'poison message', { runId, workflow: workflow.name, queue, messageId, error: { name: 'QueueError', message: reason } });
    };
    const read = readQueueInput(text, host);
    if (!read.ok) return refuse(text, read.reason);
    let started;
    try {
      started = await startRun(client, project, { workflow, input: read.input, trigger: { kind: 'queue', source: queue }, instanceId: runId });
    } catch (error) {
      // The host retries; after its last try it moves the message to the poison queue: say why first.
      if (Number(context.triggerMetadata?.dequeueCount ?? 1) >= host.maxDequeueCount) {
        await recordFailure(read.input, { name: 'QueueError', message: `the run could not be started in ${host.maxDequeueCount} tries: ${(error as Error).message}` });
        log('error', 'poison message', { runId, workflow: workflow.name, queue, messageId, error: error as Error });
      }
      throw error;
    }
    if (started.ok) return;
    const reason = started.problems.map((problem) => `${problem.path}: ${problem.message}`).join('; ');
    await refuse(read.input, `the message does not match the input schema: ${reason}`);
  };
}

/** The timer trigger of one of a workflow's schedules. */
export function scheduleStarter(project: Project, workflow: ProjectWorkflow, index: number, schedule: ScheduleTrigger) {
  return async (timer: Timer, client: DurableClient, context: InvocationContext): Promise<void> => {
    const due = String(context.triggerMetadata?.scheduledTime ?? timer.scheduleStatus?.next ?? new Date().toISOString());
    const started = await startRun(client, project, {
      workflow,
      input: schedule.input ?? {},
      trigger: { kind: 'schedule', source: schedule.cron },
      instanceId: `${workflow.name}-s${index}-${due.replace(/[^0-9TZ]/g, '')}`,
    });
    if (!started.ok) {
      context.error(`schedule ${schedule.cron} of ${workflow.name}: its input does not match the input schema`);
      log('error', 'schedule fired', { workflow: workflow.name, schedule: schedule.cron, due, error: 'its input does not match the input schema' });
    } else if (!started.existed) {
      log('info', 'schedule fired', { runId: started.runId, workflow: workflow.name, schedule: schedule.cron, due });
    }
  };
}

function traceOf(header: string | null): { trace?: { traceparent: string } } {
  const parsed = parseTraceparent(header);
  return parsed && header ? { trace: { traceparent: header.trim().toLowerCase() } } : {};
}
