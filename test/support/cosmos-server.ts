/**
 * @vercel/cosmosdb-server on 127.0.0.1 and a free port, in memory, for tests. It serves HTTPS with
 * a self-signed certificate: clients trust it through their own https agent (`agent`), never
 * through a process-wide NODE_TLS_REJECT_UNAUTHORIZED.
 */
import type * as http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { CosmosClient } from '@azure/cosmos';
import { createHttpsServer } from '@vercel/cosmosdb-server';

/** A running in-memory Cosmos server. */
export interface CosmosServer {
  endpoint: string;
  /** A `COSMOS_CONNECTION` for it (the server does not check the key). */
  connectionString: string;
  /** An agent that accepts the server's self-signed certificate. */
  agent: https.Agent;
  /** A new client for it, e.g. to create databases and containers in a test's setup. */
  client(): CosmosClient;
  stop(): Promise<void>;
}

/** What to do instead of serving a request: answer 429 (throttled) or never answer. */
export type CosmosInterception = 'throttle' | 'hang' | undefined;

/** Options of the test server. */
export interface CosmosServerOptions {
  /** Decides, per request, whether to throttle or hang it instead of serving it. */
  intercept?: (method: string, path: string) => CosmosInterception;
  /** Every request, as `METHOD path`, for assertions on retries. */
  seen?: string[];
}

/** Starts the server. */
export async function startCosmosServer(options: CosmosServerOptions = {}): Promise<CosmosServer> {
  const server = createHttpsServer();
  const serve = server.listeners('request')[0] as (req: http.IncomingMessage, res: http.ServerResponse) => void;
  server.removeAllListeners('request');
  server.on('request', (req: http.IncomingMessage, res: http.ServerResponse) => {
    const path = req.url ?? '';
    options.seen?.push(`${req.method} ${path}`);
    const interception = options.intercept?.(req.method ?? '', path);
    if (interception === 'hang') return;
    if (interception === 'throttle') {
      // What Cosmos DB sends when a request exceeds the provisioned throughput.
      res.writeHead(429, { 'content-type': 'application/json', 'x-ms-retry-after-ms': '5', 'x-ms-substatus': '3200' });
      return void res.end(JSON.stringify({ code: 'TooManyRequests', message: 'Request rate is large.' }));
    }
    serve(req, res);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const endpoint = `https://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  const key = Buffer.from('sluice-local-cosmos-test-key').toString('base64');
  const agent = new https.Agent({ rejectUnauthorized: false, keepAlive: true });
  return {
    endpoint,
    connectionString: `AccountEndpoint=${endpoint};AccountKey=${key};`,
    agent,
    client: () => new CosmosClient({ endpoint, key, agent, connectionPolicy: { enableEndpointDiscovery: false } }),
    stop: () =>
      new Promise<void>((resolve) => {
        agent.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
