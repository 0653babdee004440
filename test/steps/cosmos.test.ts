import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCosmosActivity, type CosmosStepConfig } from '../../engine/steps/cosmos/activity';
import type { StepActivityInput } from '../../engine/activities/contract';
import { startCosmosServer, type CosmosServer } from '../support/cosmos-server';

let cosmos: CosmosServer;
let activity: ReturnType<typeof createCosmosActivity>;
beforeAll(async () => {
  cosmos = await startCosmosServer();
  const { database } = await cosmos.client().databases.createIfNotExists({ id: 'sluice' });
  await database.containers.createIfNotExists({ id: 'orders', partitionKey: { paths: ['/id'] } });
  await database.containers.createIfNotExists({ id: 'lines', partitionKey: { paths: ['/orderId'] } });
  activity = createCosmosActivity({ env: { COSMOS_CONNECTION: cosmos.connectionString }, client: { agent: cosmos.agent } });
}, 30_000);
afterAll(() => cosmos?.stop());

function input(config: CosmosStepConfig, timeoutMs?: number): StepActivityInput<CosmosStepConfig> {
  return { run: { id: 'r', workflow: 'wf', definitionHash: 'h' }, stepPath: 'save', attempt: 1, config, timeoutMs };
}

describe('cosmos activity against cosmosdb-server', () => {
  it('upserts an item and returns it, twice without duplicating it', async () => {
    const first = await activity(input({ container: 'orders', upsert: { id: 'o-1', category: 'standard' } }));
    expect(first).toMatchObject({ ok: true, output: { id: 'o-1', category: 'standard' } });
    if (first.ok) expect(first.output).not.toHaveProperty('_rid');
    await activity(input({ container: 'orders', upsert: { id: 'o-1', category: 'priority' } }));
    const all = await activity(input({ container: 'orders', query: { sql: 'SELECT * FROM c WHERE c.id = @id', parameters: { '@id': 'o-1' } } }));
    expect(all).toMatchObject({ ok: true, output: [{ id: 'o-1', category: 'priority' }] });
  });

  it('reads an item by id and partition key, and a missing one as null', async () => {
    await activity(input({ container: 'lines', upsert: { id: 'l-1', orderId: 'o-7', sku: 'pear' } }));
    expect(await activity(input({ container: 'lines', read: { id: 'l-1', partitionKey: 'o-7' } }))).toMatchObject({ ok: true, output: { sku: 'pear' } });
    expect(await activity(input({ container: 'orders', read: { id: 'nobody' } }))).toEqual({ ok: true, output: null });
  });

  it('runs parameterized queries (named map or list), never splicing values into SQL', async () => {
    for (const [i, sku] of ['apple', 'pear', 'plum'].entries()) {
      await activity(input({ container: 'lines', upsert: { id: `q-${i}`, orderId: 'o-q', sku, qty: i + 1 } }));
    }
    const byMap = await activity(
      input({ container: 'lines', query: { sql: 'SELECT c.sku FROM c WHERE c.orderId = @order AND c.qty >= @min', parameters: { order: 'o-q', '@min': 2 } } }),
    );
    expect(byMap.ok && (byMap.output as Array<{ sku: string }>).map((row) => row.sku).sort()).toEqual(['pear', 'plum']);
    // A value that would be an injection if spliced stays a plain value.
    const hostile = await activity(
      input({ container: 'lines', query: { sql: 'SELECT * FROM c WHERE c.sku = @sku', parameters: [{ name: '@sku', value: "x' OR 1=1 --" }] } }),
    );
    expect(hostile).toEqual({ ok: true, output: [] });
  });

  it('fails a query with more results than maxItems', async () => {
    const result = await activity(input({ container: 'lines', query: { sql: 'SELECT * FROM c WHERE c.orderId = @o', parameters: { o: 'o-q' }, maxItems: 2 } }));
    expect(result).toMatchObject({ ok: false, error: { name: 'CosmosError', retryable: false, message: expect.stringContaining('more than 2 items') } });
  });

  it('says which container is missing', async () => {
    const result = await activity(input({ container: 'nope', upsert: { id: 'x' } }));
    expect(result).toMatchObject({ ok: false, error: { name: 'CosmosError', status: 404, retryable: false } });
    if (!result.ok) expect(result.error.message).toContain('container "nope" of database "sluice" does not exist');
  });

  it.each<[string, CosmosStepConfig]>([
    ['two operations', { container: 'orders', upsert: { id: 'a' }, read: { id: 'a' } }],
    ['no operation', { container: 'orders' }],
    ['an item without id', { container: 'orders', upsert: { category: 'x' } }],
  ])('refuses %s as a ValidationError', async (_label, config) => {
    expect(await activity(input(config))).toMatchObject({ ok: false, error: { name: 'ValidationError', retryable: false } });
  });

  it('fails clearly without an account', async () => {
    const result = await createCosmosActivity({ env: {} })(input({ container: 'orders', read: { id: 'a' } }));
    expect(result).toMatchObject({ ok: false, error: { name: 'CosmosError', message: expect.stringContaining('COSMOS_CONNECTION') } });
  });
});

describe('cosmos activity under throttling and delay', () => {
  let slow: CosmosServer;
  const seen: string[] = [];
  beforeAll(async () => {
    slow = await startCosmosServer({
      seen,
      intercept: (method, path) => (path.includes('/colls/throttled/docs') ? 'throttle' : path.includes('/colls/stuck/docs') ? 'hang' : undefined),
    });
    const { database } = await slow.client().databases.createIfNotExists({ id: 'sluice' });
    for (const id of ['throttled', 'stuck']) await database.containers.createIfNotExists({ id, partitionKey: { paths: ['/id'] } });
  }, 30_000);
  afterAll(() => slow?.stop());
  const run = () => createCosmosActivity({ env: { COSMOS_CONNECTION: slow.connectionString }, client: { agent: slow.agent } });

  it('returns a retryable CosmosError 429 once the SDK has retried a bounded number of times', async () => {
    const result = await run()(input({ container: 'throttled', read: { id: 'a' } }));
    expect(result).toMatchObject({ ok: false, error: { name: 'CosmosError', status: 429, retryable: true } });
    // The first attempt plus STEP_THROTTLING.maxRetryAttemptCount (3) SDK retries.
    expect(seen.filter((line) => line.includes('/colls/throttled/docs/a'))).toHaveLength(4);
  });

  it('gives up at the step deadline with a retryable Timeout', async () => {
    const result = await run()(input({ container: 'stuck', upsert: { id: 'a' } }, 300));
    expect(result).toMatchObject({ ok: false, error: { name: 'Timeout', retryable: true } });
  });
});
