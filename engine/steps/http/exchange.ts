/**
 * One HTTP request/response over node:http(s), with the SSRF guard's lookup and a response size
 * cap. No redirects are followed here: the caller re-checks each hop.
 */
import * as http from 'node:http';
import * as https from 'node:https';
import { guardedLookup, type AllowRule } from './ssrf';

/** A request for one hop. */
export interface HopRequest {
  url: URL;
  method: string;
  headers: Record<string, string>;
  body?: Buffer;
  allow: readonly AllowRule[];
  maxBytes: number;
  signal: AbortSignal;
}

/** A response, its body fully read. */
export interface HopResponse {
  status: number;
  statusText: string;
  headers: Record<string, string>;
  body: Buffer;
}

/** The body passed `maxBytes`; the connection was dropped. */
export class ResponseTooLargeError extends Error {
  constructor(readonly maxBytes: number) {
    super(`the response is larger than SLUICE_HTTP_MAX_BYTES (${maxBytes} bytes)`);
    this.name = 'ResponseTooLargeError';
  }
}

/** Sends one request and reads the whole response, refusing bodies over `maxBytes`. */
export function sendHop(request: HopRequest): Promise<HopResponse> {
  const transport = request.url.protocol === 'https:' ? https : http;
  return new Promise<HopResponse>((resolve, reject) => {
    const outgoing = transport.request(request.url, {
      method: request.method,
      headers: request.body ? { ...request.headers, 'content-length': String(request.body.length) } : request.headers,
      lookup: guardedLookup(request.url, request.allow) as unknown as typeof import('node:dns').lookup,
      // A fresh connection per request: a pooled socket would skip the address check.
      agent: false,
      signal: request.signal,
    });
    outgoing.on('error', reject);
    outgoing.on('response', (incoming) => {
      const declared = Number(incoming.headers['content-length']);
      if (Number.isFinite(declared) && declared > request.maxBytes) {
        reject(new ResponseTooLargeError(request.maxBytes));
        return incoming.destroy();
      }
      const chunks: Buffer[] = [];
      let size = 0;
      incoming.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > request.maxBytes) {
          // Settle first: destroying emits 'aborted' synchronously, which would win the race.
          reject(new ResponseTooLargeError(request.maxBytes));
          incoming.destroy();
          return outgoing.destroy();
        }
        chunks.push(chunk);
      });
      incoming.on('error', reject);
      incoming.on('aborted', () => reject(new Error('the connection closed before the response was complete')));
      incoming.on('end', () =>
        resolve({
          status: incoming.statusCode ?? 0,
          statusText: incoming.statusMessage ?? '',
          headers: flattenHeaders(incoming.headers),
          body: Buffer.concat(chunks),
        }),
      );
    });
    outgoing.end(request.body);
  });
}

// Step outputs are JSON: repeated headers (set-cookie) are joined as HTTP allows.
function flattenHeaders(headers: http.IncomingHttpHeaders): Record<string, string> {
  const flat: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue;
    flat[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return flat;
}
