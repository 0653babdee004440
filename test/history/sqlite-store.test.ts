import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';
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
