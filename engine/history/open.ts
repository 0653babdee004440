/**
 * Chooses and opens the run-history store from settings: `cosmos` in Azure, `sqlite` embedded.
 * Takes the settings as plain values so `engine/settings.ts` stays the one place that reads the environment.
 */
import path from 'node:path';
import type { CosmosClient } from '@azure/cosmos';
import { azureIdentity, cosmosSdk } from '../activities/sdk';
import { createCosmosHistoryStore } from './cosmos-store';
import { createSqliteHistoryStore, historyFileIn } from './sqlite-store';
import type { RunHistoryStore } from './store';

/** The history settings (see docs/architecture.md, Settings). */
export interface HistorySettings {
  /** `SLUICE_HISTORY_STORE`. */
  store: 'cosmos' | 'sqlite';
  /** `SLUICE_DATA_DIR`, default `.sluice`. */
  dataDir?: string;
  /** `COSMOS_CONNECTION` (a connection string) … */
  cosmosConnection?: string;
  /** … or `COSMOS_ENDPOINT` with a managed identity. */
  cosmosEndpoint?: string;
  /** `COSMOS_DATABASE`, default `sluice`. */
  cosmosDatabase?: string;
  /** `SLUICE_HISTORY_TTL_DAYS`, default 30. */
  ttlDays?: number;
}

/** Reads the history settings from an environment-like record. */
export function historySettingsFrom(env: Record<string, string | undefined>, fallbackStore: 'cosmos' | 'sqlite'): HistorySettings {
  const store = env.SLUICE_HISTORY_STORE === 'cosmos' || env.SLUICE_HISTORY_STORE === 'sqlite' ? env.SLUICE_HISTORY_STORE : fallbackStore;
  const ttl = env.SLUICE_HISTORY_TTL_DAYS === undefined ? undefined : Number(env.SLUICE_HISTORY_TTL_DAYS);
  if (ttl !== undefined && !(Number.isFinite(ttl) && ttl >= 0)) {
    throw new RangeError(`SLUICE_HISTORY_TTL_DAYS must be a number of days >= 0, got "${env.SLUICE_HISTORY_TTL_DAYS}"`);
  }
  return {
    store,
    dataDir: env.SLUICE_DATA_DIR,
    cosmosConnection: env.COSMOS_CONNECTION,
    cosmosEndpoint: env.COSMOS_ENDPOINT,
    cosmosDatabase: env.COSMOS_DATABASE,
    ttlDays: ttl,
  };
}

/** Creates and initializes the configured store. */
export async function openHistoryStore(settings: HistorySettings): Promise<RunHistoryStore> {
  let store: RunHistoryStore;
  if (settings.store === 'sqlite') {
    store = createSqliteHistoryStore({ file: historyFileIn(path.resolve(settings.dataDir ?? '.sluice')) });
  } else {
    store = createCosmosHistoryStore({ client: await cosmosClient(settings), database: settings.cosmosDatabase, ttlDays: settings.ttlDays });
  }
  await store.init();
  return store;
}

/** Throttling policy: the SDK retries 429s itself, honouring retry-after, within these bounds. */
const retryOptions = { maxRetryAttemptCount: 9, maxWaitTimeInSeconds: 30 };

async function cosmosClient(settings: HistorySettings): Promise<CosmosClient> {
  const { CosmosClient } = cosmosSdk();
  if (settings.cosmosConnection) {
    return new CosmosClient({ connectionString: settings.cosmosConnection, connectionPolicy: { retryOptions } });
  }
  if (settings.cosmosEndpoint) {
    const { DefaultAzureCredential } = azureIdentity();
    return new CosmosClient({ endpoint: settings.cosmosEndpoint, aadCredentials: new DefaultAzureCredential(), connectionPolicy: { retryOptions } });
  }
  throw new Error('run history on Cosmos DB needs COSMOS_CONNECTION or COSMOS_ENDPOINT');
}
