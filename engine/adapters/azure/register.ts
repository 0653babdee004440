/**
 * Everything the Sluice app registers with the Functions host, from one project: the generic orchestrator,
 * the step activities (each recording its own attempts in run history), the two run-recording activities,
 * each workflow's triggers, and the management endpoints. The Azure entry and the embedded runtime both
 * call this, so what runs locally is what is deployed.
 */
import * as df from 'durable-functions';
import { stepActivities } from '../../activities';
import { RUN_FINISHED_ACTIVITY, RUN_STARTED_ACTIVITY, recordingActivity, runFinishedActivity, runStartedActivity } from '../../history/recording';
import { observedActivity } from '../../telemetry/attempts';
import { redactLogsOf } from '../../telemetry/log';
import { observedRunFinished, observedRunStarted } from '../../telemetry/runs';
import type { RunHistoryStore } from '../../history/store';
import { registerOrchestrator } from '../../orchestrator/sluice';
import { definitionTrust } from '../../plan/trust';
import type { DefinitionShelf } from '../../plan/shelf';
import { readRequestSettings, readSigningKeys } from '../../settings';
import { requestLimits } from '../http-guard';
import { readQueueSettings } from '../host-config';
import type { Project } from '../project';
import type { QueueHostSettings } from '../queue-intake';
import { secretRefusal } from '../../secret-settings';
import type { SettingsEnv } from '../../settings';
import { guarded } from './guard';
import { deadLetterListing } from './dead-letter-api';
import { INSPECTOR_ROUTE, inspectorPage } from './inspector';
import { apiStarter, historyEndpoint, invalidWorkflowResponse, raiseRunEvent, redriveRun, runStatus, suspendOrResumeRun, terminateRun } from './management';
import { httpStarter, queueStarter, routeOf, scheduleStarter, schedulesOf } from './triggers';

/** What the app is built from. */
export interface SluiceApp {
  project: Project;
  /** Opens the run-history store on first use (never at import: start-up stays cheap). */
  history: () => Promise<RunHistoryStore>;
  /** App settings; secrets referenced by the workflows are read from here to be redacted from history. */
  env?: Readonly<Record<string, string | undefined>>;
  /** The keys that sign run inputs (plan/trust.ts); default from the app settings (`readSigningKeys`). */
  signingKeys?: readonly string[];
  /**
   * Every definition the app ever deployed, by the hash of its text (plan/shelf.ts): runs then carry
   * references to them instead of their text. Only a shelf the app can always read at start-up qualifies
   * (the embedded runtime's definition store); without one, runs carry signed texts.
   */
  definitions?: DefinitionShelf;
  /** host.json's `extensions.queues` as the host applies them; default read from host.json in the project root. */
  queueSettings?: QueueHostSettings;
}

/** Names of the HTTP functions that start a workflow from its own trigger; every other HTTP function manages runs. */
const TRIGGER_PREFIX = 'start-';

/** Whether an HTTP function is a workflow's own trigger (`start-<workflow>`), not a management endpoint. */
export function isWorkflowTrigger(functionName: string): boolean {
  return functionName.startsWith(TRIGGER_PREFIX);
}

/** Registers every function of the app on the `@azure/functions` app object. */
export function registerSluice(sluice: SluiceApp): void {
  const { history } = sluice;
  const env = sluice.env ?? process.env;
  const keys = sluice.signingKeys ?? readSigningKeys(env);
  if (!keys) {
    throw new Error(
      'set the app setting SLUICE_SIGNING_KEY (32 or more random characters): it signs the definitions runs carry, ' +
        'so that only workflows this app deployed can run (docs/security.md)',
    );
  }
  // Every definition deployed now is trusted as well: runs started before inputs were signed finish.
  const trust = definitionTrust({ keys, deployed: sluice.project.workflows.map((workflow) => workflow.hash), ...(sluice.definitions ? { shelf: sluice.definitions } : {}) });
  const project: Project = { ...sluice.project, trust };
  // Every HTTP function reads its body through the guard (size, JSON type, depth), as the local server does.
  const limits = requestLimits(readRequestSettings(env));
  const queueSettings = sluice.queueSettings ?? readQueueSettings(project.root);
  const secretNames = referencedSecrets(project, env);
  const secretValues = () => secretNames.map((name) => env[name]).filter((value): value is string => Boolean(value));

  // Log lines never show a secret the workflows reference (engine/telemetry/log.ts).
  redactLogsOf(secretValues);

  registerOrchestrator(df, { trust });
  // Telemetry wraps the recorded activity: one log line, span and count per attempt (engine/telemetry/).
  for (const [name, activity] of Object.entries(stepActivities)) {
    const kind = name.replace(/^sluice\./, '');
    const observed = observedActivity(kind, activity);
    df.app.activity(name, {
      handler: async (input: any) => recordingActivity(await history(), kind, observed, { secretValues })(input),
    });
  }
  // Each deployed definition by its hash: run history keeps the definition a run ran, for its graph.
  const definitions = new Map(project.workflows.map((workflow) => [workflow.hash, workflow.definition]));
  let recordStarted: ((input: any) => Promise<null>) | undefined;
  const started = observedRunStarted(async (input) => {
    recordStarted ??= runStartedActivity(await history(), secretValues, { definitionFor: (hash) => definitions.get(hash) });
    return recordStarted(input);
  });
  const finished = observedRunFinished(history, async (input) => runFinishedActivity(await history(), secretValues)(input));
  df.app.activity(RUN_STARTED_ACTIVITY, { handler: (input: any) => started(input) });
  df.app.activity(RUN_FINISHED_ACTIVITY, { handler: (input: any) => finished(input) });

  for (const workflow of project.workflows) {
    const triggers = workflow.definition.triggers ?? {};
    if (triggers.http) {
      df.app.client.http(`${TRIGGER_PREFIX}${workflow.name}`, {
        route: routeOf(workflow),
        methods: (triggers.http.methods ?? ['POST']) as never,
        authLevel: triggers.http.authLevel ?? 'function',
        handler: guarded(httpStarter(project, workflow), limits),
      });
    }
    if (triggers.queue) {
      df.app.client.storageQueue(`queue-${workflow.name}`, {
        queueName: triggers.queue.name,
        connection: triggers.queue.connection ?? 'AzureWebJobsStorage',
        handler: queueStarter(project, workflow, history, queueSettings, env),
      });
    }
    schedulesOf(workflow).forEach((schedule, index) => {
      df.app.client.timer(`schedule-${workflow.name}-${index}`, {
        schedule: schedule.cron,
        handler: scheduleStarter(project, workflow, index, schedule),
      });
    });
  }

  // Only the embedded runtime serves a project with invalid definitions (readProject): requests to the
  // route an invalid workflow declares are refused with its diagnostics instead of answering 404.
  const routes = new Set(project.workflows.flatMap((workflow) => (workflow.definition.triggers?.http ? [routeOf(workflow).toLowerCase()] : [])));
  project.invalid.forEach((workflow, index) => {
    if (!workflow.route || routes.has(workflow.route.toLowerCase())) return;
    routes.add(workflow.route.toLowerCase());
    df.app.client.http(`invalid-${index}`, { route: workflow.route, methods: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'], authLevel: 'function', handler: guarded(async () => invalidWorkflowResponse(workflow), limits) });
  });

  df.app.client.http('sluice-start', { route: 'workflows/{name}/runs', methods: ['POST'], authLevel: 'function', handler: guarded(apiStarter(project), limits) });
  df.app.client.http('sluice-run-status', { route: 'runs/{id}/status', methods: ['GET'], authLevel: 'function', handler: guarded(runStatus, limits) });
  df.app.client.http('sluice-run-event', { route: 'runs/{id}/events/{event}', methods: ['POST'], authLevel: 'function', handler: guarded(raiseRunEvent, limits) });
  df.app.client.http('sluice-run-redrive', { route: 'runs/{id}/redrive', methods: ['POST'], authLevel: 'function', handler: guarded(redriveRun(project, history), limits) });
  df.app.client.http('sluice-run-terminate', { route: 'runs/{id}/terminate', methods: ['POST'], authLevel: 'function', handler: guarded(terminateRun(history), limits) });
  df.app.client.http('sluice-run-suspend', { route: 'runs/{id}/suspend', methods: ['POST'], authLevel: 'function', handler: guarded(suspendOrResumeRun('suspend', history), limits) });
  df.app.client.http('sluice-run-resume', { route: 'runs/{id}/resume', methods: ['POST'], authLevel: 'function', handler: guarded(suspendOrResumeRun('resume', history), limits) });
  df.app.client.http('sluice-dead-letters', { route: 'dead-letters/{queue}', methods: ['GET'], authLevel: 'function', handler: guarded(deadLetterListing(project, env), limits) });
  const historyHandler = guarded(historyEndpoint(project, history), limits);
  df.app.client.http('sluice-runs', { route: 'runs', methods: ['GET'], authLevel: 'function', handler: historyHandler });
  df.app.client.http('sluice-run', { route: 'runs/{id}', methods: ['GET'], authLevel: 'function', handler: historyHandler });
  df.app.client.http('sluice-workflows', { route: 'workflows', methods: ['GET'], authLevel: 'function', handler: historyHandler });
  df.app.client.http('sluice-definition', { route: 'definitions/{hash}', methods: ['GET'], authLevel: 'function', handler: historyHandler });
  df.app.client.http('sluice-inspector', { route: INSPECTOR_ROUTE, methods: ['GET', 'HEAD'], authLevel: 'function', handler: guarded(inspectorPage(project), limits) });
}

/**
 * Names of the app settings the workflows reference as `secrets.NAME` (read from the definitions, never
 * from run data) that `SLUICE_SECRETS` allows: only those can be resolved, so only those are redacted (a
 * reference to, say, `FUNCTIONS_WORKER_RUNTIME` must not make every "node" in history `***`).
 */
export function referencedSecrets(project: Project, env: SettingsEnv = process.env): string[] {
  const names = new Set<string>();
  for (const workflow of project.workflows) {
    for (const match of JSON.stringify(workflow.definition).matchAll(/secrets\.([A-Za-z_][A-Za-z0-9_]*)/g)) {
      if (secretRefusal(match[1], env) === undefined) names.add(match[1]);
    }
  }
  return [...names].sort();
}
