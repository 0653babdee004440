/**
 * The Durable extension's HTTP management API over a LocalDurableHost, as a plain node `http`
 * request handler: mount it in any server. Routes, bodies and status codes follow the extension
 * (`/runtime/webhooks/durabletask/...`), so DurableClient, curl and scripts work unchanged.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { WEBHOOK_PREFIX, managementUrls } from './client-binding';
import { DurableHostError, type LocalDurableHost } from './host';
import { isTerminal, type RuntimeStatus } from './status';

/** Where the API is reachable (for the URLs it returns) and the task hub it names. */
export interface ManagementOptions {
  baseUrl: string;
  taskHub?: string;
}

const STATUS_CODE: Record<DurableHostError['code'], number> = { NotFound: 404, Gone: 410, Conflict: 409, BadRequest: 400, PreconditionFailed: 412, NotImplemented: 501 };

/** A date query parameter, or a 400 for one that is not a date. */
function dateParam(url: URL, name: string): Date | undefined {
  const text = url.searchParams.get(name);
  if (text === null || text === '') return undefined;
  const date = new Date(text);
  if (Number.isNaN(date.getTime())) throw new DurableHostError('BadRequest', `'${name}' is not a date: ${text}`);
  return date;
}

function statusesParam(url: URL): RuntimeStatus[] | undefined {
  const text = url.searchParams.get('runtimeStatus');
  return text ? (text.split(',').map((s) => s.trim()).filter(Boolean) as RuntimeStatus[]) : undefined;
}

function send(res: ServerResponse, status: number, body?: unknown, headers: Record<string, string> = {}): void {
  const text = body === undefined ? '' : JSON.stringify(body);
  res.writeHead(status, { ...(body === undefined ? {} : { 'Content-Type': 'application/json; charset=utf-8' }), ...headers });
  res.end(text);
}

/** The JSON body: the one the server already read (and checked) when given, else read from `req`. */
async function readJson(req: IncomingMessage, body: Buffer | undefined): Promise<unknown> {
  let bytes = body;
  if (!bytes) {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    bytes = Buffer.concat(chunks);
  }
  const text = bytes.toString('utf8').trim();
  if (text === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    throw new DurableHostError('BadRequest', 'The request body is not valid JSON.');
  }
}

function flag(value: string | null): boolean {
  return value !== null && value.toLowerCase() === 'true';
}

/**
 * A request handler for the management routes; returns false (and does nothing) for other paths. A server
 * that has read and checked the body (size, type, depth: `http-guard.ts`) passes it as `body`.
 */
export function createManagementHandler(host: LocalDurableHost, options: ManagementOptions): (req: IncomingMessage, res: ServerResponse, body?: Buffer) => boolean {
  const taskHub = options.taskHub ?? 'SluiceHub';
  const query = `taskHub=${encodeURIComponent(taskHub)}&connection=Storage`;
  // URLs name the host the request came to (as the extension does), else the configured base URL.
  const rootFor = (req: IncomingMessage) => `${req.headers.host ? `http://${req.headers.host}` : options.baseUrl.replace(/\/$/, '')}${WEBHOOK_PREFIX}`;
  const payload = (id: string, req: IncomingMessage) => {
    const { id: _placeholder, ...urls } = managementUrls(`${rootFor(req)}/instances/${encodeURIComponent(id)}`, query, id);
    return { id, ...urls };
  };

  const requireRunning = (id: string): void => {
    const status = host.getStatus(id, { showInput: false });
    if (!status) throw new DurableHostError('NotFound', `No instance with ID '${id}' found.`);
    if (isTerminal(status.runtimeStatus)) throw new DurableHostError('Gone', `The instance '${id}' has already finished.`);
  };

  const routes: { method: string; pattern: RegExp; run: (req: IncomingMessage, res: ServerResponse, params: string[], url: URL, body: Buffer | undefined) => Promise<void> }[] = [
    { method: 'POST', pattern: /^\/orchestrators\/([^/]+)(?:\/([^/]+))?$/, run: async (req, res, [name, instanceId], _url, body) => {
      const input = await readJson(req, body);
      const id = await host.startNew(name, { instanceId, input });
      const links = payload(id, req);
      send(res, 202, links, { Location: links.statusQueryGetUri, 'Retry-After': '10' });
    } },
    { method: 'GET', pattern: /^\/instances\/?$/, run: async (req, res, _params, url) => {
      const top = url.searchParams.get('top');
      const token = req.headers['x-ms-continuation-token'];
      const page = host.list({
        runtimeStatus: statusesParam(url),
        createdTimeFrom: dateParam(url, 'createdTimeFrom'),
        createdTimeTo: dateParam(url, 'createdTimeTo'),
        instanceIdPrefix: url.searchParams.get('instanceIdPrefix') || undefined,
        top: top ? Number(top) : undefined,
        continuationToken: typeof token === 'string' && token !== '' ? token : undefined,
        showInput: flag(url.searchParams.get('showInput')),
      });
      send(res, 200, page.instances, page.continuationToken ? { 'x-ms-continuation-token': page.continuationToken } : {});
    } },
    // Purge by filter: `createdTimeFrom` is required, `createdTimeTo` defaults to now; 404 when nothing was deleted.
    { method: 'DELETE', pattern: /^\/instances\/?$/, run: async (_req, res, _params, url) => {
      const createdTimeFrom = dateParam(url, 'createdTimeFrom');
      if (!createdTimeFrom) return send(res, 400, { message: "Please provide value for 'createdTimeFrom' parameter." });
      const deleted = host.purgeWhere({ createdTimeFrom, createdTimeTo: dateParam(url, 'createdTimeTo'), runtimeStatus: statusesParam(url) });
      if (deleted === 0) return send(res, 404, { message: 'No finished instance matches the filter.' });
      send(res, 200, { instancesDeleted: deleted });
    } },
    { method: 'GET', pattern: /^\/instances\/([^/]+)$/, run: async (req, res, [id], url) => {
      const status = host.getStatus(id, {
        showHistory: flag(url.searchParams.get('showHistory')),
        showHistoryOutput: flag(url.searchParams.get('showHistoryOutput')),
        showInput: url.searchParams.get('showInput') === null ? true : flag(url.searchParams.get('showInput')),
      });
      if (!status) return send(res, 404, { message: `No instance with ID '${id}' found.` });
      const running = !isTerminal(status.runtimeStatus);
      if (running) return send(res, 202, status, { Location: payload(id, req).statusQueryGetUri, 'Retry-After': '10' });
      const failedAs500 = status.runtimeStatus === 'Failed' && flag(url.searchParams.get('returnInternalServerErrorOnFailure'));
      send(res, failedAs500 ? 500 : 200, status);
    } },
    { method: 'POST', pattern: /^\/instances\/([^/]+)\/raiseEvent\/([^/]+)$/, run: async (req, res, [id, eventName], _url, body) => {
      // As the extension: 404 and 410 before the body is read, then 400 for a body that is not JSON.
      requireRunning(id);
      await host.raiseEvent(id, eventName, await readJson(req, body));
      send(res, 202);
    } },
    { method: 'POST', pattern: /^\/instances\/([^/]+)\/suspend$/, run: async (_req, res, [id]) => {
      await host.suspend(id);
      send(res, 202);
    } },
    { method: 'POST', pattern: /^\/instances\/([^/]+)\/resume$/, run: async (_req, res, [id]) => {
      await host.resume(id);
      send(res, 202);
    } },
    { method: 'POST', pattern: /^\/instances\/([^/]+)\/restart$/, run: async (req, res, [id], url) => {
      const newId = await host.restart(id, url.searchParams.get('restartWithNewInstanceId')?.toLowerCase() !== 'false');
      const links = payload(newId, req);
      send(res, 202, links, { Location: links.statusQueryGetUri, 'Retry-After': '10' });
    } },
    // The extension answers rewind's refusals with the message as a JSON string: the SDK shows it as the error.
    { method: 'POST', pattern: /^\/instances\/([^/]+)\/rewind$/, run: async (_req, res, [id]) => {
      try {
        host.rewind(id);
      } catch (err) {
        if (!(err instanceof DurableHostError)) throw err;
        send(res, STATUS_CODE[err.code], err.message);
      }
    } },
    { method: 'POST', pattern: /^\/instances\/([^/]+)\/terminate$/, run: async (_req, res, [id], url) => {
      await host.terminate(id, url.searchParams.get('reason') ?? '');
      send(res, 202);
    } },
    { method: 'DELETE', pattern: /^\/instances\/([^/]+)$/, run: async (_req, res, [id]) => {
      if (!host.purge(id)) return send(res, 404, { message: `No instance with ID '${id}' found.` });
      send(res, 200, { instancesDeleted: 1 });
    } },
  ];

  return (req, res, body) => {
    const url = new URL(req.url ?? '/', 'http://local');
    if (!url.pathname.startsWith(`${WEBHOOK_PREFIX}/`)) return false;
    const path = url.pathname.slice(WEBHOOK_PREFIX.length);
    for (const route of routes) {
      const match = route.method === req.method ? route.pattern.exec(path) : null;
      if (!match) continue;
      const params = match.slice(1).map((p) => (p === undefined ? p : decodeURIComponent(p))) as string[];
      route.run(req, res, params, url, body).catch((err: unknown) => {
        if (err instanceof DurableHostError) send(res, STATUS_CODE[err.code], { message: err.message });
        else send(res, 500, { message: err instanceof Error ? err.message : String(err) });
      });
      return true;
    }
    return false;
  };
}
