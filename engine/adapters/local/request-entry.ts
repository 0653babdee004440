/**
 * Where every request to the local server enters, before the Durable API or an HTTP function sees it:
 * the Host must name this server, a management call must not come from another web origin, and a body
 * must be JSON within the byte cap (reading stops past it) and the depth limit. The checks are
 * `http-guard.ts`'s, shared with the Azure HTTP functions. See docs/security.md.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  BodyCollector,
  announcesBody,
  checkBodyHeaders,
  checkBodyText,
  checkHost,
  checkOrigin,
  tooLarge,
  type AllowedHosts,
  type Refusal,
  type RequestLimits,
} from '../http-guard';

/** What the entry needs to know about the server behind it. */
export interface RequestEntryOptions {
  /** The names the server answers to (its port is known once it listens). */
  allowedHosts: () => AllowedHosts;
  /** The caps for a route. */
  limitsFor: (method: string, pathname: string) => RequestLimits;
  /** Whether a route manages runs (everything but a workflow's own HTTP trigger). */
  isManagement: (method: string, pathname: string) => boolean;
  /** Serves an admitted request with its checked body. */
  serve: (req: IncomingMessage, res: ServerResponse, body: Buffer) => void;
}

const single = (value: string | string[] | undefined): string | undefined => (Array.isArray(value) ? value.join(', ') : value);

/** A `request` listener for `http.createServer` that admits requests as the module comment says. */
export function guardedEntry(options: RequestEntryOptions): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    const method = (req.method ?? 'GET').toUpperCase();
    const pathname = (req.url ?? '/').split('?')[0]!;
    const allowed = options.allowedHosts();
    const host = req.headers.host;
    const headers = { contentType: req.headers['content-type'], contentLength: req.headers['content-length'], transferEncoding: single(req.headers['transfer-encoding']) };
    const limits = options.limitsFor(method, pathname);
    const refused =
      checkHost(host, allowed) ??
      (isManagement(options, method, pathname) ? checkOrigin(single(req.headers.origin), host, allowed) : undefined) ??
      checkBodyHeaders(headers, limits);
    if (refused) {
      // Node drains an unread body of a declared length within the cap; any other is cut off.
      const declared = Number(headers.contentLength);
      return refuse(req, res, refused, announcesBody(headers) && !(headers.transferEncoding === undefined && declared <= limits.maxBytes));
    }

    const collector = new BodyCollector(limits.maxBytes);
    let over = false;
    req.on('data', (chunk: Buffer) => {
      if (over || collector.add(chunk)) return;
      over = true;
      refuse(req, res, tooLarge(limits), true);
    });
    req.on('end', () => {
      if (over) return;
      const body = collector.bytes();
      const late = body.length === 0 ? undefined : (announcesBody(headers) ? undefined : checkBodyHeaders({ ...headers, contentLength: String(body.length) }, limits)) ?? checkBodyText(body, limits);
      if (late) return refuse(req, res, late, false);
      options.serve(req, res, body);
    });
  };
}

function isManagement(options: RequestEntryOptions, method: string, pathname: string): boolean {
  try {
    return options.isManagement(method, pathname);
  } catch {
    return true; // e.g. a malformed %-escape in the path: no trigger serves it
  }
}

/**
 * Answers a refusal. `cutOff` (a body over the cap or of unknown length is still coming) closes the
 * connection after the answer: the rest of the upload is never read.
 */
function refuse(req: IncomingMessage, res: ServerResponse, refusal: Refusal, cutOff: boolean): void {
  if (res.headersSent) return;
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (cutOff) headers.connection = 'close';
  res.writeHead(refusal.status, headers).end(JSON.stringify(refusal.body));
  if (cutOff) res.once('finish', () => req.socket.destroy());
}
