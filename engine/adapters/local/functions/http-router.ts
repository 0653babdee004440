/**
 * Serves captured HTTP functions under `/api/`, as the Functions host does: route templates with
 * `{param}`, `{param?}` and `{*rest}`, methods, and the @azure/functions request and response types.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { HttpRequest, HttpResponse, type HttpResponseInit } from '@azure/functions';
import type { CapturedFunction } from '../durable/registrations';
import { contextFor, type DurableClientBindingValue } from './invoke';

interface Route {
  fn: CapturedFunction;
  methods: Set<string>;
  pattern: RegExp;
  params: string[];
  /** Literal routes win over parameterised ones, as in ASP.NET routing. */
  specificity: number;
}

/** Compiles a Functions route template (`runs/{id}/events/{name}`) into a matcher. */
export function compileRoute(template: string): { pattern: RegExp; params: string[]; specificity: number } {
  const params: string[] = [];
  let specificity = 0;
  const parts = template.replace(/^\/+|\/+$/g, '').split('/').map((segment) => {
    const match = /^\{(\*)?([A-Za-z_][A-Za-z0-9_]*)(?::[^}?]+)?(\?)?\}$/.exec(segment);
    if (!match) {
      specificity += 2;
      return `/${segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`;
    }
    params.push(match[2]);
    specificity += 1;
    if (match[1]) return '(?:/(.*))?';
    return match[3] ? '(?:/([^/]+))?' : '/([^/]+)';
  });
  return { pattern: new RegExp(`^${parts.join('')}/?$`, 'i'), params, specificity };
}

/** Routes requests to captured HTTP functions. */
export class HttpRouter {
  private readonly routes: Route[];

  constructor(functions: CapturedFunction[], private readonly clientBinding: () => DurableClientBindingValue | undefined) {
    this.routes = functions
      .map((fn) => {
        const template = String(fn.options.route ?? fn.name);
        const methods = (fn.options.methods as string[] | undefined) ?? ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'];
        return { fn, methods: new Set(methods.map((m) => m.toUpperCase())), ...compileRoute(template) };
      })
      .sort((a, b) => b.specificity - a.specificity);
  }

  /** The function serving `method` on `pathname` (`/api/...`), with its route parameters; undefined when none does. */
  match(method: string, pathname: string): { fn: CapturedFunction; params: Record<string, string> } | 'MethodNotAllowed' | undefined {
    if (!pathname.startsWith('/api/')) return undefined;
    const path = pathname.slice('/api'.length);
    const upper = method.toUpperCase();
    let pathMatched = false;
    for (const route of this.routes) {
      const match = route.pattern.exec(path);
      if (!match) continue;
      pathMatched = true;
      if (!route.methods.has(upper)) continue;
      const params: Record<string, string> = {};
      route.params.forEach((name, i) => {
        if (match[i + 1] !== undefined) params[name] = decodeURIComponent(match[i + 1]);
      });
      return { fn: route.fn, params };
    }
    return pathMatched ? 'MethodNotAllowed' : undefined;
  }

  /** Handles `req` (its body already read) when it is for one of the functions; returns false otherwise. */
  async handle(req: IncomingMessage, res: ServerResponse, body: Buffer): Promise<boolean> {
    const url = new URL(req.url ?? '/', `http://${req.headers.host ?? 'localhost'}`);
    const method = (req.method ?? 'GET').toUpperCase();
    const matched = this.match(method, url.pathname);
    if (matched === undefined) return false;
    if (matched === 'MethodNotAllowed') {
      writeJson(res, 405, { error: 'MethodNotAllowed', message: `${method} is not allowed on ${url.pathname}` });
      return true;
    }
    await this.invoke(matched.fn, req, res, url, matched.params, body);
    return true;
  }

  private async invoke(fn: CapturedFunction, req: IncomingMessage, res: ServerResponse, url: URL, params: Record<string, string>, body: Buffer): Promise<void> {
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(req.headers)) if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
    const request = new HttpRequest({
      method: req.method ?? 'GET',
      url: url.toString(),
      headers,
      query: Object.fromEntries(url.searchParams),
      params,
      body: body.length > 0 ? { bytes: body } : undefined,
    });
    const context = contextFor(fn, this.clientBinding());
    let result: HttpResponseInit | HttpResponse | undefined;
    try {
      result = (await (fn.handler as (r: HttpRequest, c: unknown) => Promise<HttpResponseInit | HttpResponse | undefined>)(request, context)) ?? undefined;
    } catch (error) {
      // The Functions host answers 500 without details; log the reason for the operator.
      process.stderr.write(`function ${fn.name} failed: ${(error as Error).stack ?? String(error)}\n`);
      writeJson(res, 500, { error: 'InternalServerError', message: `function ${fn.name} failed` });
      return;
    }
    await writeResponse(res, result);
  }
}

async function writeResponse(res: ServerResponse, result: HttpResponseInit | HttpResponse | undefined): Promise<void> {
  if (!result) {
    res.writeHead(204).end();
    return;
  }
  if (result instanceof HttpResponse) {
    const headers: Record<string, string> = {};
    result.headers.forEach((value, name) => (headers[name] = value));
    const bytes = Buffer.from(await result.arrayBuffer());
    res.writeHead(result.status, headers).end(bytes);
    return;
  }
  const headers: Record<string, string> = {};
  const init = result.headers;
  if (init) new Headers(init as ConstructorParameters<typeof Headers>[0]).forEach((value, name) => (headers[name] = value));
  let payload: Buffer | string = '';
  if (result.jsonBody !== undefined) {
    payload = JSON.stringify(result.jsonBody);
    headers['content-type'] ??= 'application/json';
  } else if (typeof result.body === 'string') {
    payload = result.body;
  } else if (result.body instanceof Uint8Array) {
    payload = Buffer.from(result.body);
  } else if (result.body !== undefined && result.body !== null) {
    payload = Buffer.from(await new Response(result.body as ConstructorParameters<typeof Response>[0]).arrayBuffer());
  }
  res.writeHead(result.status ?? 200, headers).end(payload);
}

/** Writes a JSON response. */
export function writeJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
}
