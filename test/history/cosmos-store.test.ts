import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCosmosHistoryStore } from '../../engine/history/cosmos-store';
import { containerNames } from '../../engine/history/cosmos-layout';
import { startCosmosServer as startLocalCosmos, type CosmosServer as LocalCosmos } from '../support/cosmos-server';
import { describeStoreContract } from './store-contract';

let cosmos: LocalCosmos;
beforeAll(async () => {
  cosmos = await startLocalCosmos();
});
afterAll(async () => {
  await cosmos?.stop();
});

const database = 'history-contract';
const open = async () => {
  const store = createCosmosHistoryStore({ client: cosmos.client(), database, ttlDays: 7 });
  await store.init();
  return store;
};

describeStoreContract('cosmos', {
  open,
  reopen: open,
  // Every document of both containers, as Cosmos returns them.
  rawContents: async () => {
    const client = cosmos.client();
    const texts: string[] = [];
    for (const name of Object.values(containerNames())) {
      const { resources } = await client.database(database).container(name).items.readAll().fetchAll();
      texts.push(JSON.stringify(resources));
    }
    client.dispose();
    return texts.join('\n');
  },
});

describe('cosmos layout', () => {
  it('creates partitioned containers with the retention TTL and the indexing policy, and updates the TTL', async () => {
    const first = createCosmosHistoryStore({ client: cosmos.client(), database: 'layout', ttlDays: 30 });
    await first.init();
    await first.close();
    const second = createCosmosHistoryStore({ client: cosmos.client(), database: 'layout', ttlDays: 2 });
    await second.init();
    await second.close();
    const client = cosmos.client();
    const runs = (await client.database('layout').container('runs').read()).resource!;
    const steps = (await client.database('layout').container('steps').read()).resource!;
    client.dispose();
    expect(runs.partitionKey!.paths).toEqual(['/pk']);
    expect(steps.partitionKey!.paths).toEqual(['/runId']);
    expect(runs.defaultTtl).toBe(2 * 86_400);
    expect(steps.defaultTtl).toBe(2 * 86_400);
    expect(runs.indexingPolicy!.excludedPaths!.map((p) => p.path)).toContain('/input/*');
  });

  it('stores a run in its workflow-day partition and its steps in the run partition', async () => {
    const store = await open();
    await store.upsertRun({ id: 'layout-1', workflow: 'billing', createdAt: '2025-04-02T23:59:00Z', status: 'Running' });
    await store.recordAttempt('layout-1', 'a/b', { attempt: 1, startedAt: '2025-04-02T23:59:01Z' });
    await store.close();
    const client = cosmos.client();
    const run = (await client.database(database).container('runs').item('layout-1', 'billing|2025-04-02').read()).resource;
    const attempt = (await client.database(database).container('steps').item('layout-1|a%2fb|1', 'layout-1').read()).resource;
    client.dispose();
    expect(run).toMatchObject({ workflow: 'billing', pk: 'billing|2025-04-02' });
    expect(attempt).toMatchObject({ path: 'a/b', attempt: 1 });
  });
});

describe('cosmos listing by workflow since a recent time', () => {
  it('names the workflow-day partitions in the query and still finds every run', async () => {
    const store = createCosmosHistoryStore({ client: cosmos.client(), database: 'targeted', now: () => new Date('2025-05-03T12:00:00Z') });
    await store.init();
    for (const [id, createdAt] of [['t-1', '2025-05-01T08:00:00Z'], ['t-2', '2025-05-02T23:59:59Z'], ['t-3', '2025-05-03T00:00:00Z'], ['t-0', '2025-04-30T23:59:59Z']]) {
      await store.upsertRun({ id: id!, workflow: 'billing', createdAt: createdAt!, status: 'Completed' });
    }
    const page = await store.listRuns({ workflow: 'billing', since: '2025-05-01T00:00:00Z' });
    await store.close();
    expect(page.runs.map((r) => r.id)).toEqual(['t-3', 't-2', 't-1']);
  });
});
