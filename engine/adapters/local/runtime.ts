/**
 * The embedded runtime: every workflow of the project served on one machine with the same registrations
 * as the Azure app (captured, not re-implemented), on the local Durable host, with Azurite for queues and
 * SQLite for history under `.sluice/`. `sluice serve` and the end-to-end tests run this.
 */
import { rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { QueueServiceClient } from '@azure/storage-queue';
import '../../../activities';
import { activityNames } from '../../activities/registry';
import { createSqliteHistoryStore, historyFileIn } from '../../history/sqlite-store';
import type { RunHistoryStore } from '../../history/store';
import { readRequestSettings, readSettings } from '../../settings';
import { isWorkflowTrigger, registerSluice } from '../azure/register';
import { readQueueSettings, type QueueSettings } from '../host-config';
import { allowedHostsFor, requestLimits, type RequestLimits } from '../http-guard';
import { readProject, type Project } from '../project';
import { startAzurite, type Azurite } from './azurite';
import { applyLocalSettings } from './local-settings';
import { definitionShelf } from '../../plan/shelf';
import { DurableStore } from './durable/store';
import { captureRegistrations, createManagementHandler, durableClientBinding, LocalDurableHost, WallClock, WEBHOOK_PREFIX, type Clock } from './durable';
import { HttpRouter, writeJson } from './functions/http-router';
import { QueuePoller, type QueueFailure } from './functions/queue-poller';
import { ScheduleRunner } from './functions/schedules';
import { makePrivate, makePrivateDir, touchPrivate, writePrivateFile } from './private-files';
import { localSigningKeys } from './signing-key';
import { guardedEntry } from './request-entry';
import { isLocalPagePath, pageAnswer } from '../inspector/page';
import { log as logLine } from '../../telemetry/log';
import { shutdownTelemetry, telemetryConfigured } from '../../telemetry/otel';

/** How to run. */
export interface RuntimeOptions {
  /** The project root (package.json, host.json, workflows/). */
  root: string;
  /** Workflows folder relative to root; default `SLUICE_WORKFLOWS_DIR` or `workflows`. */
  workflowsDir?: string;
  /** HTTP port; 7071 (the Functions host's) by default, 0 for a free one. */
  port?: number;
  /** Where the embedded stores and Azurite keep data; default `<root>/.sluice`. */
  dataDir?: string;
  /** `':memory:'` keeps Durable state in memory (tests); default a file under dataDir. */
  durableFile?: string;
  clock?: Clock;
  /** Overrides of host.json `extensions.queues` (tests shorten the visibility timeout). */
  queueSettings?: Partial<QueueSettings>;
  activityConcurrency?: number;
  /** Called on every failed queue message. */
  onQueueFailure?: (failure: QueueFailure) => void;
  /** Lines for the operator; default stderr. */
  log?: (line: string) => void;
}

/** What `sluice serve` writes under the data folder so other `sluice` commands can find it. */
export interface RuntimeInfo {
  url: string;
  pid: number;
  storage: string;
}

/** A running embedded runtime. */
export class SluiceRuntime {
  readonly project: Project;
  readonly host: LocalDurableHost;
  readonly history: RunHistoryStore;
  url = '';
  storageConnection = '';
  private server?: Server;
  private azurite?: Azurite;
  private pollers: QueuePoller[] = [];
  private schedules?: ScheduleRunner;
  /** Whether this runtime wrote `runtime.json` (then stopping removes it). */
  private announced = false;
  private readonly dataDir: string;
  /** One clock for Durable timers and schedules (a test clock moves both). */
  private readonly clock: Clock;
  private readonly captured: ReturnType<typeof captureRegistrations>;

  constructor(private readonly options: RuntimeOptions) {
    this.dataDir = resolve(options.dataDir ?? join(options.root, '.sluice'));
    this.clock = options.clock ?? new WallClock();
    // Everything under the data folder is the user's alone (it holds the storage connection string and run data).
    makePrivateDir(this.dataDir);
    makePrivate(this.dataDir);
    applyLocalSettings(options.root);
    // A malformed setting stops the start with its message, not the first run that reads it.
    const settings = readSettings();
    // Tolerant: an invalid definition is listed and refused (project.invalid), the others are served.
    this.project = readProject({ root: options.root, workflowsDir: options.workflowsDir ?? process.env.SLUICE_WORKFLOWS_DIR, activities: activityNames() });
    touchPrivate(historyFileIn(this.dataDir));
    if (options.durableFile !== ':memory:') touchPrivate(options.durableFile ?? join(this.dataDir, 'durable.sqlite'));
    // The same retention as Cosmos DB's TTL: purged at start and hourly (sqlite-store.ts).
    this.history = createSqliteHistoryStore({ file: historyFileIn(this.dataDir), ttlDays: settings.history.ttlDays });
    const history = this.history;
    // Every definition deployed now joins those deployed before, in the Durable store, before any run can
    // refer to it; all of them are the app's shelf, so runs carry references, not texts (plan/shelf.ts).
    const store = new DurableStore(options.durableFile ?? join(this.dataDir, 'durable.sqlite'));
    store.keepDefinitions(this.project.workflows.map((workflow) => JSON.stringify(workflow.definition)));
    const definitions = definitionShelf(store.definitionTexts());
    try {
      this.captured = captureRegistrations(() => registerSluice({ project: this.project, history: async () => history, signingKeys: localSigningKeys(this.dataDir), definitions }));
    } catch (error) {
      store.close(); // the host that would close it is not made
      throw error;
    }
    this.host = new LocalDurableHost({
      registrations: this.captured,
      dataDir: this.dataDir,
      store,
      cacheRuns: settings.hostCacheRuns,
      clock: this.clock,
      activityConcurrency: options.activityConcurrency,
    });
  }

  /** Starts storage, the Durable host, the HTTP server, queue pollers and schedules. */
  async start(): Promise<this> {
    try {
      return await this.startParts();
    } catch (error) {
      // Whatever started (Azurite, the Durable host) must not keep the process alive after a failed start.
      await this.stop().catch(() => undefined);
      throw error;
    }
  }

  private async startParts(): Promise<this> {
    const log = this.options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
    await this.history.init();
    this.storageConnection = await this.storage(log);
    await this.host.start();
    await this.listen();
    const binding = durableClientBinding(this.url);
    const service = QueueServiceClient.fromConnectionString(this.storageConnection);
    const settings = { ...readQueueSettings(this.options.root), ...this.options.queueSettings };
    this.pollers = this.captured.queues.map(
      (fn) => new QueuePoller(fn, { service, settings, clientBinding: () => binding, onFailure: this.options.onQueueFailure }),
    );
    await Promise.all(this.pollers.map((poller) => poller.start()));
    this.schedules = new ScheduleRunner(this.captured.timers, this.clock, () => binding);
    this.schedules.start();
    const info: RuntimeInfo = { url: this.url, pid: process.pid, storage: this.storageConnection };
    writePrivateFile(join(this.dataDir, 'runtime.json'), JSON.stringify(info, null, 2));
    makePrivate(this.dataDir);
    this.announced = true;
    logLine('info', 'start-up', {
      url: this.url,
      workflows: this.project.workflows.length,
      invalid: this.project.invalid.length,
      queues: this.pollers.length,
      schedules: this.captured.timers.length,
      telemetry: telemetryConfigured(),
    });
    return this;
  }

  /** Stops everything, letting in-flight work finish or persist for the next start. */
  async stop(): Promise<void> {
    this.schedules?.stop();
    await Promise.all(this.pollers.map((poller) => poller.stop()));
    // Stop accepting, let requests in flight finish, then drop idle keep-alive sockets.
    const closed = new Promise<void>((done) => (this.server ? this.server.close(() => done()) : done()));
    this.server?.closeIdleConnections?.();
    const grace = setTimeout(() => this.server?.closeAllConnections?.(), 2000);
    await closed;
    clearTimeout(grace);
    await this.host.stop();
    await this.history.close();
    await shutdownTelemetry(); // spans still buffered are exported before the process ends
    await this.azurite?.stop();
    // A start that failed (a second serve on this folder whose port was taken) leaves the first one's file.
    if (this.announced) rmSync(join(this.dataDir, 'runtime.json'), { force: true });
  }

  /** The storage connection: the configured account, or Azurite started with data under `.sluice/azurite`. */
  private async storage(log: (line: string) => void): Promise<string> {
    const configured = process.env.AzureWebJobsStorage;
    if (configured && configured !== 'UseDevelopmentStorage=true') return configured;
    this.azurite = await startAzurite({ location: join(this.dataDir, 'azurite') });
    // Activities (queue steps, dead letters) read the connection from the settings, as in Azure.
    process.env.AzureWebJobsStorage = this.azurite.connectionString;
    log(`queues: Azurite on ${this.azurite.queueEndpoint}`);
    return this.azurite.connectionString;
  }

  private async listen(): Promise<void> {
    const baseUrl = () => this.url;
    let management: ReturnType<typeof createManagementHandler> | undefined;
    let router: HttpRouter | undefined;
    let port = 0;
    const settings = readRequestSettings(process.env);
    const limits = requestLimits(settings);
    const startLimits = durableStartLimits(limits, this.project);
    this.server = createServer(guardedEntry({
      allowedHosts: () => allowedHostsFor(port, settings.allowedHosts),
      limitsFor: (method, pathname) => (method === 'POST' && pathname.startsWith(`${WEBHOOK_PREFIX}/orchestrators/`) ? startLimits : limits),
      isManagement: (method, pathname) => {
        const matched = pathname.startsWith('/api/') ? router!.match(method, pathname) : undefined;
        return !(matched && matched !== 'MethodNotAllowed' && isWorkflowTrigger(matched.fn.name));
      },
      serve: (req, res, body) => {
        const method = (req.method ?? 'GET').toUpperCase();
        const pathname = (req.url ?? '/').split('?')[0]!;
        // The run inspector page (shell and assets); its API calls come back through this entry.
        if (isLocalPagePath(method, pathname)) {
          pageAnswer(this.project.root, pathname, { base: '', api: '/api' })
            .then((answer) => res.writeHead(answer.status, answer.headers).end(method === 'HEAD' ? undefined : answer.body))
            .catch((error: Error) => writeJson(res, 500, { error: 'InternalServerError', message: error.message }));
          return;
        }
        if (req.url?.startsWith(WEBHOOK_PREFIX)) {
          if (!management!(req, res, body)) writeJson(res, 404, { message: `no such management route: ${req.method} ${req.url}` });
          return;
        }
        router!
          .handle(req, res, body)
          .then((handled) => {
            if (!handled) writeJson(res, 404, { error: 'NotFound', message: `no function serves ${req.method} ${req.url}` });
          })
          .catch((error: Error) => writeJson(res, 500, { error: 'InternalServerError', message: error.message }));
      },
    }));
    // Clients that pool connections (the durable client's axios, Node's keep-alive agent) must see the
    // server close an idle socket well after they would: equal timeouts race and surface as ECONNRESET.
    this.server.keepAliveTimeout = 65_000;
    this.server.headersTimeout = 66_000;
    await new Promise<void>((done, fail) => {
      this.server!.once('error', fail);
      this.server!.listen(this.options.port ?? 7071, '127.0.0.1', () => done());
    });
    port = (this.server.address() as AddressInfo).port;
    this.url = `http://127.0.0.1:${port}`;
    management = createManagementHandler(this.host, { baseUrl: baseUrl() });
    router = new HttpRouter(this.captured.http, () => durableClientBinding(baseUrl()));
  }
}

/**
 * The caps of the Durable API's start route. HTTP functions start runs through it, and a run's input carries,
 * besides the request body (within `limits`), the definitions of the workflows it may call (as JSON text, so
 * escaped once more) one level down (`input`).
 */
function durableStartLimits(limits: RequestLimits, project: Project): RequestLimits {
  const definitions = project.workflows.reduce((total, workflow) => total + JSON.stringify(workflow.definition).length, 0);
  return { maxBytes: limits.maxBytes + 2 * definitions + 64 * 1024, maxDepth: limits.maxDepth + 1 };
}
