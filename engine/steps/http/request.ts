/**
 * Turning an http step's config into the first hop's request, the next hop after a redirect, and
 * the step output from a response. Pure.
 */
import type { HopResponse } from './exchange';

/** The `http` step body, expressions evaluated. */
export interface HttpStepConfig {
  method?: string;
  url: string;
  headers?: Record<string, unknown>;
  query?: Record<string, unknown>;
  body?: unknown;
  /** A duration (`10s`) or milliseconds; bounded by the step timeout and `SLUICE_HTTP_TIMEOUT`. */
  timeout?: string | number;
}

/** What one hop sends. */
export interface PlannedRequest {
  url: URL;
  method: string;
  headers: Record<string, string>;
  body?: Buffer;
}

/** The output of an http step. */
export interface HttpStepOutput {
  status: number;
  headers: Record<string, string>;
  body: unknown;
}

/** Builds the first request; throws a message for a config no request can be built from. */
export function planRequest(config: HttpStepConfig): PlannedRequest {
  if (typeof config?.url !== 'string' || config.url === '') throw new Error('http step needs a `url` string');
  let url: URL;
  try {
    url = new URL(config.url);
  } catch {
    throw new Error(`http step url "${config.url}" is not an absolute URL`);
  }
  for (const [name, value] of Object.entries(config.query ?? {})) {
    if (value === undefined || value === null) continue;
    for (const item of Array.isArray(value) ? value : [value]) url.searchParams.append(name, scalarText(item));
  }
  const method = (config.method ?? 'GET').toUpperCase();
  if (!/^[A-Z]+$/.test(method)) throw new Error(`http step method "${config.method}" is not an HTTP method`);
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(config.headers ?? {})) {
    if (value !== undefined && value !== null) headers[name.toLowerCase()] = scalarText(value);
  }
  if (config.body === undefined || config.body === null) return { url, method, headers };
  if (typeof config.body === 'string') {
    headers['content-type'] ??= 'text/plain; charset=utf-8';
    return { url, method, headers, body: Buffer.from(config.body) };
  }
  headers['content-type'] ??= 'application/json';
  return { url, method, headers, body: Buffer.from(JSON.stringify(config.body)) };
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

/** The request a redirect response asks for, or undefined when the response is final. */
export function followRedirect(previous: PlannedRequest, response: HopResponse): PlannedRequest | undefined {
  const location = response.headers.location;
  if (!REDIRECTS.has(response.status) || location === undefined) return undefined;
  const url = new URL(location, previous.url);
  const headers = { ...previous.headers };
  // Credentials are for the origin they were written for, as browsers and curl do.
  if (url.origin !== previous.url.origin) {
    delete headers.authorization;
    delete headers.cookie;
    delete headers['proxy-authorization'];
  }
  // 303 always, and 301/302 after a POST, continue as a GET without the body (as browsers do).
  const toGet = response.status === 303 || ((response.status === 301 || response.status === 302) && previous.method === 'POST');
  if (toGet && previous.method !== 'HEAD') {
    delete headers['content-type'];
    return { url, method: 'GET', headers };
  }
  return { url, method: previous.method, headers, body: previous.body };
}

/** The step output: headers as one string each, the body parsed when it is JSON. */
export function toOutput(response: HopResponse): HttpStepOutput {
  return { status: response.status, headers: response.headers, body: parseBody(response) };
}

function parseBody(response: HopResponse): unknown {
  if (response.body.length === 0) return null;
  const text = response.body.toString('utf8');
  const type = response.headers['content-type'] ?? '';
  if (/[/+]json\b/i.test(type)) {
    try {
      return JSON.parse(text);
    } catch {
      return text; // a server that mislabels its body still has its text returned
    }
  }
  return text;
}

function scalarText(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}
