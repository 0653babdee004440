/**
 * What Sluice's own HTTP endpoints accept, checked where a request enters, before any route sees it.
 * Both hosts: a JSON body (`application/json` or `application/*+json`; 415), at most `maxBytes` (413, read no
 * further) and nested at most `maxDepth` deep (400). The local server also: a `Host` that names this server
 * (421, against DNS rebinding) and, on management routes, no `Origin` of another site (403, against
 * cross-site requests from a browser). See docs/security.md.
 */
import type { RequestSettings } from '../settings';

/**
 * Deepest nesting of objects and arrays a request body may have. Workflow files stop at the same depth
 * (definition/limits.ts); run inputs are walked recursively (schema checks, expressions, redaction).
 */
export const MAX_JSON_DEPTH = 64;

/** The byte and depth caps of one endpoint. */
export interface RequestLimits {
  maxBytes: number;
  maxDepth: number;
}

/** A refused request: the status and the JSON error body, the same from both hosts. */
export interface Refusal {
  status: number;
  body: { error: string; message: string };
}

/** The limits from the settings. */
export function requestLimits(settings: Pick<RequestSettings, 'maxBytes'>): RequestLimits {
  return { maxBytes: settings.maxBytes, maxDepth: MAX_JSON_DEPTH };
}

const refusal = (status: number, error: string, message: string): Refusal => ({ status, body: { error, message } });

/** The 413 for a body over the cap. */
export function tooLarge(limits: RequestLimits): Refusal {
  return refusal(413, 'PayloadTooLarge', `the request body is larger than ${limits.maxBytes} bytes (SLUICE_MAX_REQUEST_BYTES)`);
}

/** `application/json` or a `+json` type such as `application/cloudevents+json`, parameters ignored. */
export function isJsonMediaType(contentType: string | null | undefined): boolean {
  const type = (contentType ?? '').split(';')[0]!.trim().toLowerCase();
  return type === 'application/json' || /^application\/[a-z0-9!#$&^_.-]+\+json$/.test(type);
}

/**
 * Whether the JSON text nests objects and arrays deeper than `maxDepth`: one pass over the bytes, no
 * recursion, so it is linear and cannot overflow the stack whatever the input (JSON.parse and the recursive
 * walkers after it are only reached by shallow values). Brackets inside strings do not count. Invalid JSON
 * is left to the parser.
 */
export function jsonNestsDeeper(text: Uint8Array | string, maxDepth: number): boolean {
  const bytes = typeof text === 'string' ? Buffer.from(text) : text;
  let depth = 0;
  let inString = false;
  for (let i = 0; i < bytes.length; i++) {
    const byte = bytes[i];
    if (inString) {
      if (byte === 0x5c) i++; // backslash: the next byte is escaped (UTF-8 continuation bytes are never `"`)
      else if (byte === 0x22) inString = false;
    } else if (byte === 0x22) {
      inString = true;
    } else if (byte === 0x7b || byte === 0x5b) {
      if (++depth > maxDepth) return true;
    } else if (byte === 0x7d || byte === 0x5d) {
      depth--;
    }
  }
  return false;
}

/** The headers of a request that say whether it has a body and what it is. */
export interface BodyHeaders {
  contentType?: string | null;
  contentLength?: string | null;
  transferEncoding?: string | null;
}

/** Whether the headers announce a body (a length above 0 or a transfer coding). */
export function announcesBody(headers: BodyHeaders): boolean {
  if (headers.transferEncoding) return true;
  return headers.contentLength !== undefined && headers.contentLength !== null && headers.contentLength.trim() !== '' && headers.contentLength.trim() !== '0';
}

/** What can be refused from the headers alone: a body that is not JSON (415) or is declared too large (413). */
export function checkBodyHeaders(headers: BodyHeaders, limits: RequestLimits): Refusal | undefined {
  if (!announcesBody(headers)) return undefined;
  if (!isJsonMediaType(headers.contentType)) {
    const given = headers.contentType ? `"${headers.contentType}"` : 'none';
    return refusal(415, 'UnsupportedMediaType', `the request body must be JSON, sent with content-type: application/json (got ${given})`);
  }
  const declared = Number(headers.contentLength ?? 0);
  if (Number.isFinite(declared) && declared > limits.maxBytes) return tooLarge(limits);
  return undefined;
}

/** What can be refused once the body is read: JSON nested deeper than the limit (400). */
export function checkBodyText(bytes: Uint8Array, limits: RequestLimits): Refusal | undefined {
  if (!jsonNestsDeeper(bytes, limits.maxDepth)) return undefined;
  return refusal(400, 'JsonTooDeep', `the JSON body nests objects and arrays deeper than ${limits.maxDepth} levels, the limit (MAX_JSON_DEPTH)`);
}

/** Collects body chunks up to the cap; `add` answers false (and keeps nothing more) once the cap is passed. */
export class BodyCollector {
  private readonly chunks: Uint8Array[] = [];
  private size = 0;

  constructor(private readonly maxBytes: number) {}

  /** Adds a chunk; false when the body is now over the cap. */
  add(chunk: Uint8Array): boolean {
    this.size += chunk.length;
    if (this.size > this.maxBytes) {
      this.chunks.length = 0;
      return false;
    }
    this.chunks.push(chunk);
    return true;
  }

  /** The body read so far. */
  bytes(): Buffer {
    return Buffer.concat(this.chunks);
  }
}

/** A request body to check: its headers and its chunks (null when there is none). */
export interface BodySource extends BodyHeaders {
  chunks: AsyncIterable<Uint8Array> | null;
}

/** The checked body, or why it is refused. */
export type BodyCheck = { ok: true; bytes: Buffer } | { ok: false; refusal: Refusal };

/** Reads and checks a JSON request body: media type, byte cap (reading stops past it), nesting depth. */
export async function readJsonBody(source: BodySource, limits: RequestLimits): Promise<BodyCheck> {
  const early = checkBodyHeaders(source, limits);
  if (early) return { ok: false, refusal: early };
  const collector = new BodyCollector(limits.maxBytes);
  if (source.chunks) {
    for await (const chunk of source.chunks) {
      if (!collector.add(chunk)) return { ok: false, refusal: tooLarge(limits) };
    }
  }
  const bytes = collector.bytes();
  if (bytes.length === 0) return { ok: true, bytes };
  // A body the headers did not announce (a stream without length or coding) still has to be JSON.
  if (!announcesBody(source)) {
    const typed = checkBodyHeaders({ ...source, contentLength: String(bytes.length) }, limits);
    if (typed) return { ok: false, refusal: typed };
  }
  const deep = checkBodyText(bytes, limits);
  return deep ? { ok: false, refusal: deep } : { ok: true, bytes };
}

/** The names the local server answers to, and its port (Origins without a port of their own need it). */
export interface AllowedHosts {
  /** Lowercased `name` or `name:port` entries. */
  entries: string[];
  port: number;
}

/** Loopback names the server always answers to (it listens on 127.0.0.1), plus the operator's. */
export function allowedHostsFor(port: number, configured: readonly string[] = []): AllowedHosts {
  return { entries: ['localhost', '127.0.0.1', '[::1]', ...configured.map((entry) => entry.toLowerCase())], port };
}

/** `name` and `port` of a Host value (`[::1]:7071`, `localhost`), or undefined when it is not one. */
function splitHost(value: string): { name: string; port?: string } | undefined {
  const match = /^(\[[0-9a-f:.]+\]|[a-z0-9._-]+)(?::(\d{1,5}))?$/.exec(value.trim().toLowerCase());
  return match ? { name: match[1]!, port: match[2] } : undefined;
}

/** Whether `name:port` is allowed; an entry without a port allows any port when `anyPort`, else only the server's. */
function hostAllowed(name: string, port: string | undefined, allowed: AllowedHosts, anyPort: boolean): boolean {
  return allowed.entries.some((entry) => {
    const split = splitHost(entry);
    if (!split || split.name !== name) return false;
    if (split.port !== undefined) return split.port === port;
    return anyPort || port === String(allowed.port);
  });
}

/**
 * A `Host` that does not name this server is refused (421): a page on a rebound DNS name reaches the
 * loopback address but still sends its own name. The port is not compared: a proxy may forward another.
 */
export function checkHost(host: string | undefined, allowed: AllowedHosts): Refusal | undefined {
  const split = host ? splitHost(host) : undefined;
  if (split && hostAllowed(split.name, split.port, allowed, true)) return undefined;
  return refusal(421, 'MisdirectedRequest', `this server does not answer for host "${host ?? ''}"; it answers localhost, 127.0.0.1, [::1] and the names in SLUICE_ALLOWED_HOSTS`);
}

/**
 * A management call from a browser page of another origin is refused (403). No Origin (CLI, curl, the
 * durable client) passes; so does the server's own origin, by the request's Host or an allowed name on the
 * server's port. `null` (sandboxed frames, files) is another origin.
 */
export function checkOrigin(origin: string | undefined, host: string | undefined, allowed: AllowedHosts): Refusal | undefined {
  if (origin === undefined) return undefined;
  let url: URL | undefined;
  try {
    url = new URL(origin);
  } catch {
    url = undefined;
  }
  if (url && (url.protocol === 'http:' || url.protocol === 'https:')) {
    const port = url.port || (url.protocol === 'https:' ? '443' : '80');
    const name = url.hostname.toLowerCase();
    if (host !== undefined && url.host.toLowerCase() === host.trim().toLowerCase()) return undefined;
    if (hostAllowed(name, port, allowed, false)) return undefined;
  }
  return refusal(403, 'ForbiddenOrigin', `management calls are not accepted from the web origin "${origin}"; call them without an Origin header (CLI, curl) or from this server's own origin`);
}
