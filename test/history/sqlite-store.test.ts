import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createSqliteHistoryStore, historyFileIn } from '../../engine/history/sqlite-store';
import { describeStoreContract } from './store-contract';

const dir = mkdtempSync(path.join(os.tmpdir(), 'sluice-history-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function open() {
  const store = createSqliteHistoryStore({ file: historyFileIn(dir) });
  await store.init();
  return store;
}

describeStoreContract('sqlite', {
  open,
  reopen: open,
  // The database file and its write-ahead log: everything SQLite has put on disk.
  rawContents: async () => readdirSync(dir).map((name) => readFileSync(path.join(dir, name)).toString('latin1')).join('\n'),
});

describe('sqlite retention (SLUICE_HISTORY_TTL_DAYS, as Cosmos DB TTL)', () => {
  it('purges runs last written before the retention, with their steps and unused definitions, on open and periodically', async () => {
    const file = path.join(dir, 'retention.db');
    let now = new Date('2025-03-01T00:00:00Z');
    const writer = createSqliteHistoryStore({ file, now: () => now });
    await writer.init();
    await writer.upsertRun({ id: 'old', workflow: 'w', createdAt: now.toISOString(), status: 'Completed', definitionHash: 'sha256:old' });
    await writer.recordStep('old', { path: 's', kind: 'set', status: 'Completed' });
    await writer.putDefinition('sha256:old', { name: 'w' });
    now = new Date('2025-03-20T00:00:00Z');
    await writer.upsertRun({ id: 'recent', workflow: 'w', createdAt: now.toISOString(), status: 'Running' });
    await writer.close();
    now = new Date('2025-04-05T00:00:00Z'); // 35 days after "old", 16 after "recent"
    const store = createSqliteHistoryStore({ file, ttlDays: 30, now: () => now, purgeEveryMs: 20 });
    await store.init();
    expect(await store.getRun('old')).toBeUndefined();
    expect(await store.getDefinition('sha256:old')).toBeUndefined();
    expect(await store.getRun('recent')).toBeDefined();
    now = new Date('2025-04-25T00:00:00Z');
    await new Promise((resolve) => setTimeout(resolve, 100)); // the periodic purge
    expect(await store.getRun('recent')).toBeUndefined();
    await store.close();
  });
});
