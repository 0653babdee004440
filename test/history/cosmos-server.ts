/**
 * Starts @vercel/cosmosdb-server on a free port for a test file, with a client that trusts its
 * self-signed certificate through its own https agent (no process-wide TLS change).
 */
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { CosmosClient } from '@azure/cosmos';
import { createHttpsServer } from '@vercel/cosmosdb-server';

/** A running in-memory Cosmos server. */
export interface LocalCosmos {
  endpoint: string;
  /** A new client for this server; each store owns (and disposes) its client. */
  client(): CosmosClient;
  stop(): Promise<void>;
}

/** Starts the server on 127.0.0.1 and a free port. */
export async function startLocalCosmos(): Promise<LocalCosmos> {
  const server = createHttpsServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const endpoint = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const agent = new https.Agent({ rejectUnauthorized: false, keepAlive: true });
  return {
    endpoint,
    client: () => new CosmosClient({ endpoint, key: 'local-test-key', agent, connectionPolicy: { enableEndpointDiscovery: false } }),
    stop: () =>
      new Promise<void>((resolve) => {
        agent.destroy();
        server.closeAllConnections?.();
        server.close(() => resolve());
      }),
  };
}
