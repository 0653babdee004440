/**
 * Cosmos DB clients for cosmos steps, built from settings: `COSMOS_CONNECTION`, or `COSMOS_ENDPOINT`
 * with `DefaultAzureCredential`. The SDK's own throttling retries (429, honouring retry-after) are
 * bounded so that an activity gives the orchestrator a retryable failure well before its deadline.
 */
import type { CosmosClient, CosmosClientOptions } from '@azure/cosmos';
import { azureIdentity, cosmosSdk } from './sdk';
import type { CosmosSettings } from '../settings';

/** How long and how often the SDK itself retries a throttled request before giving up. */
export const STEP_THROTTLING = { maxRetryAttemptCount: 3, maxWaitTimeInSeconds: 10 } as const;

/** What may be added to the client options (tests: an https agent trusting a local server). */
export type CosmosClientExtras = Pick<CosmosClientOptions, 'agent'> & { enableEndpointDiscovery?: boolean };

/** No Cosmos account is configured. */
export class CosmosNotConfiguredError extends Error {
  constructor() {
    super('no Cosmos DB account is configured: set COSMOS_CONNECTION (a connection string) or COSMOS_ENDPOINT (identity)');
    this.name = 'CosmosNotConfiguredError';
  }
}

/** A client for the configured account; throws `CosmosNotConfiguredError` when there is none. */
export function cosmosClientFromSettings(cosmos: CosmosSettings, extras: CosmosClientExtras = {}): CosmosClient {
  const connectionPolicy = {
    retryOptions: { ...STEP_THROTTLING },
    ...(extras.enableEndpointDiscovery === undefined ? {} : { enableEndpointDiscovery: extras.enableEndpointDiscovery }),
  };
  const common = { connectionPolicy, ...(extras.agent ? { agent: extras.agent } : {}), userAgentSuffix: 'sluice' };
  if (cosmos.connectionString) return new (cosmosSdk().CosmosClient)({ connectionString: cosmos.connectionString, ...common });
  if (cosmos.endpoint) return new (cosmosSdk().CosmosClient)({ endpoint: cosmos.endpoint, aadCredentials: new (azureIdentity().DefaultAzureCredential)(), ...common });
  throw new CosmosNotConfiguredError();
}

/** A per-owner cache of clients by account, so each activity instance reuses its connections. */
export function cosmosClientCache(extras: CosmosClientExtras = {}): (cosmos: CosmosSettings) => CosmosClient {
  const clients = new Map<string, CosmosClient>();
  return (cosmos) => {
    const key = cosmos.connectionString ?? `identity:${cosmos.endpoint ?? ''}`;
    let client = clients.get(key);
    if (!client) {
      client = cosmosClientFromSettings(cosmos, extras);
      clients.set(key, client);
    }
    return client;
  };
}
