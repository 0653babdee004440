/**
 * Chooses and opens the run-history store from settings: `cosmos` in Azure, `sqlite` embedded.
 * Takes the settings as plain values so `engine/settings.ts` stays the one place that reads the environment.
 */
import path from 'node:path';
import type { CosmosClient } from '@azure/cosmos';
import { azureIdentity, cosmosSdk } from '../activities/sdk';
import { createCosmosHistoryStore } from './cosmos-store';
import { createSqliteHistoryStore, historyFileIn } from './sqlite-store';
import { readCosmosSettings, readHistorySettings, type SettingsEnv } from '../settings';
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

/** The history settings, read through engine/settings.ts (the one place settings are parsed). */
export function historySettingsFrom(env: SettingsEnv, fallbackStore: 'cosmos' | 'sqlite'): HistorySettings {
  const history = readHistorySettings(env);
  const cosmos = readCosmosSettings(env);
  return {
    store: history.store ?? fallbackStore,
    dataDir: env.SLUICE_DATA_DIR,
    cosmosConnection: cosmos.connectionString,
    cosmosEndpoint: cosmos.endpoint,
    cosmosDatabase: cosmos.database,
    ttlDays: history.ttlDays,
  };
}

/** Creates and initializes the configured store. */
export async function openHistoryStore(settings: HistorySettings): Promise<RunHistoryStore> {
  let store: RunHistoryStore;
  if (settings.store === 'sqlite') {
    store = createSqliteHistoryStore({ file: historyFileIn(path.resolve(settings.dataDir ?? '.sluice')), ttlDays: settings.ttlDays ?? 30 });
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
