/**
 * A throwaway HTTP server on a free port for tests: the handler decides each answer, every
 * request is recorded, and stop() closes open connections too (a test may leave one hanging).
 */
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';

/** A request as the server saw it. */
export interface SeenRequest {
  method: string;
  url: string;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** A running local server. */
export interface LocalHttpServer {
  /** `http://host:port` without a trailing slash. */
  url: string;
  port: number;
  requests: SeenRequest[];
  stop(): Promise<void>;
}

/** The handler gets the request with its body already read. */
export type LocalHandler = (request: SeenRequest, response: http.ServerResponse) => void | Promise<void>;

/** Starts a server on `host` (default 127.0.0.1) and a free port. */
export async function startHttpServer(handler: LocalHandler, host = '127.0.0.1'): Promise<LocalHttpServer> {
  const requests: SeenRequest[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const seen = { method: req.method ?? '', url: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks).toString('utf8') };
      requests.push(seen);
      Promise.resolve(handler(seen, res)).catch((error: unknown) => {
        res.statusCode = 500;
        res.end(String(error));
      });
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${host}:${port}`,
    port,
    requests,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Writes a JSON answer. */
export function sendJson(response: http.ServerResponse, status: number, body: unknown, headers: http.OutgoingHttpHeaders = {}): void {
  response.writeHead(status, { 'content-type': 'application/json', ...headers });
  response.end(JSON.stringify(body));
}
