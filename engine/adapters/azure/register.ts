/**
 * Everything the Sluice app registers with the Functions host, from one project: the generic orchestrator,
 * the step activities (each recording its own attempts in run history), the two run-recording activities,
 * each workflow's triggers, and the management endpoints. The Azure entry and the embedded runtime both
 * call this, so what runs locally is what is deployed.
 */
import * as df from 'durable-functions';
import { stepActivities } from '../../activities';
import { RUN_FINISHED_ACTIVITY, RUN_STARTED_ACTIVITY, recordingActivity, runFinishedActivity, runStartedActivity } from '../../history/recording';
import type { RunHistoryStore } from '../../history/store';
import { registerOrchestrator } from '../../orchestrator/sluice';
import { definitionTrust } from '../../plan/trust';
import { readSigningKeys } from '../../settings';
import { readQueueSettings } from '../host-config';
import type { Project } from '../project';
import type { QueueHostSettings } from '../queue-intake';
import { deadLetterListing } from './dead-letter-api';
import { apiStarter, historyEndpoint, raiseRunEvent, redriveRun, runStatus, terminateRun } from './management';
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
  /** host.json's `extensions.queues` as the host applies them; default read from host.json in the project root. */
  queueSettings?: QueueHostSettings;
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
  const trust = definitionTrust({ keys, deployed: sluice.project.workflows.map((workflow) => workflow.hash) });
  const project: Project = { ...sluice.project, trust };
  const queueSettings = sluice.queueSettings ?? readQueueSettings(project.root);
  const secretNames = referencedSecrets(project);
  const secretValues = () => secretNames.map((name) => env[name]).filter((value): value is string => Boolean(value));

  registerOrchestrator(df, { trust });
  for (const [name, activity] of Object.entries(stepActivities)) {
    const kind = name.replace(/^sluice\./, '');
    df.app.activity(name, {
      handler: async (input: any) => recordingActivity(await history(), kind, activity, { secretValues })(input),
    });
  }
  df.app.activity(RUN_STARTED_ACTIVITY, { handler: async (input: any) => runStartedActivity(await history(), secretValues)(input) });
  df.app.activity(RUN_FINISHED_ACTIVITY, { handler: async (input: any) => runFinishedActivity(await history(), secretValues)(input) });

  for (const workflow of project.workflows) {
    const triggers = workflow.definition.triggers ?? {};
    if (triggers.http) {
      df.app.client.http(`start-${workflow.name}`, {
        route: routeOf(workflow),
        methods: (triggers.http.methods ?? ['POST']) as never,
        authLevel: triggers.http.authLevel ?? 'function',
        handler: httpStarter(project, workflow),
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

  df.app.client.http('sluice-start', { route: 'workflows/{name}/runs', methods: ['POST'], authLevel: 'function', handler: apiStarter(project) });
  df.app.client.http('sluice-run-status', { route: 'runs/{id}/status', methods: ['GET'], authLevel: 'function', handler: runStatus });
  df.app.client.http('sluice-run-event', { route: 'runs/{id}/events/{event}', methods: ['POST'], authLevel: 'function', handler: raiseRunEvent });
  df.app.client.http('sluice-run-redrive', { route: 'runs/{id}/redrive', methods: ['POST'], authLevel: 'function', handler: redriveRun(project, history) });
  df.app.client.http('sluice-run-terminate', { route: 'runs/{id}/terminate', methods: ['POST'], authLevel: 'function', handler: terminateRun });
  df.app.client.http('sluice-dead-letters', { route: 'dead-letters/{queue}', methods: ['GET'], authLevel: 'function', handler: deadLetterListing(project, env) });
  const historyHandler = historyEndpoint(project, history);
  df.app.client.http('sluice-runs', { route: 'runs', methods: ['GET'], authLevel: 'function', handler: (request) => historyHandler(request) });
  df.app.client.http('sluice-run', { route: 'runs/{id}', methods: ['GET'], authLevel: 'function', handler: (request) => historyHandler(request) });
  df.app.client.http('sluice-workflows', { route: 'workflows', methods: ['GET'], authLevel: 'function', handler: (request) => historyHandler(request) });
}

/** Names of the app settings the workflows reference as `secrets.NAME`. */
export function referencedSecrets(project: Project): string[] {
  const names = new Set<string>();
  for (const workflow of project.workflows) {
    for (const match of JSON.stringify(workflow.definition).matchAll(/secrets\.([A-Za-z_][A-Za-z0-9_]*)/g)) names.add(match[1]);
  }
  return [...names].sort();
}
