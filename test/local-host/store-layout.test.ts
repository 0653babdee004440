/**
 * The embedded store's layout (store.ts, issue #22): history one row per append with packed event
 * headers and the run input stored once; a data folder of the first layout (one row per event in a
 * WITHOUT ROWID table) is migrated on open, and its parked and finished runs carry on.
 */
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { LocalDurableHost, captureRegistrations } from '../../engine/adapters/local/durable';
import { DurableStore, loadedEventText, storedEventText } from '../../engine/adapters/local/durable/store';
import { registerTestApp } from './fixtures/app';

const registrations = captureRegistrations(registerTestApp);
const dir = mkdtempSync(join(tmpdir(), 'sluice-layout-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// The first layout, as every `.sluice/durable.sqlite` before issue #22 has it.
const LAYOUT_0 = `
CREATE TABLE instances (
  id TEXT PRIMARY KEY, name TEXT NOT NULL, status TEXT NOT NULL, input TEXT, output TEXT, custom_status TEXT,
  created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL, parent_id TEXT, parent_task_id INTEGER,
  parent_generation INTEGER, generation INTEGER NOT NULL, book TEXT NOT NULL);
CREATE INDEX instances_by_created ON instances (created_at, id);
CREATE INDEX instances_by_status ON instances (status);
CREATE TABLE history (
  instance_id TEXT NOT NULL, seq INTEGER NOT NULL, event TEXT NOT NULL, PRIMARY KEY (instance_id, seq)) WITHOUT ROWID;
CREATE TABLE work (
  id INTEGER PRIMARY KEY AUTOINCREMENT, instance_id TEXT NOT NULL, generation INTEGER NOT NULL,
  kind TEXT NOT NULL, due_at INTEGER, body TEXT NOT NULL);
CREATE INDEX work_by_instance ON work (instance_id);
`;

describe('the embedded store layout', () => {
  it('packs event headers and the ExecutionStarted input, and gives back the texts it was given', () => {
    const input = JSON.stringify({ definitionRef: { hash: 'sha256:1', signature: 'x' }, input: { text: 'a "quoted"\nline' } });
    const started = JSON.stringify({ EventType: 0, EventId: -1, IsPlayed: true, Timestamp: '2026-01-01T00:00:00.000Z', Name: 'sluice', Version: '', Input: input, OrchestrationInstance: { InstanceId: 'a' } });
    const marker = JSON.stringify({ EventType: 12, EventId: -1, IsPlayed: true, Timestamp: '2026-01-01T00:00:00.000Z' });
    const unplayed = JSON.stringify({ EventType: 15, EventId: -1, IsPlayed: false, Timestamp: '2026-01-01T00:00:00.000Z', Name: 'x' });
    for (const text of [started, marker, unplayed, '{"odd":true}']) {
      const stored = storedEventText(text, input);
      expect(stored.includes('\n')).toBe(false);
      expect(loadedEventText(stored, input)).toBe(text);
    }
    expect(storedEventText(started, input).length).toBeLessThan(started.length - input.length);
    expect(storedEventText(marker, input)).toBe('~12,-1,2026-01-01T00:00:00.000Z');
    // Another instance input (continue-as-new in flight) is kept in the event.
    expect(loadedEventText(storedEventText(started, '"other"'), '"other"')).toBe(started);
  });

  it('migrates a data folder of the first layout on open: a parked run completes, a finished one stays readable', async () => {
    // Runs made on this layout, then written out as the first layout would have stored them.
    const source = join(dir, 'source.sqlite');
    const first = new LocalDurableHost({ registrations, file: source });
    await first.start();
    const parked = await first.startNew('approval', { instanceId: 'parked-1', input: { order: 7 } });
    const done = await first.startNew('chain', { instanceId: 'done-1', input: 'x' });
    await first.waitForCompletion(done, 10_000);
    while (first.getStatus(parked)?.runtimeStatus !== 'Running') await new Promise((r) => setTimeout(r, 5));
    const histories = new Map([parked, done].map((id) => [id, first.store.getHistory(id)]));
    await first.stop();

    const old = join(dir, 'old', 'durable.sqlite');
    const store = new DurableStore(old); // creates the folder; its tables are dropped for the old ones
    store.close();
    const db = new Database(old);
    db.exec('DROP TABLE instances; DROP TABLE history; DROP TABLE work; DROP TABLE definitions; PRAGMA user_version = 0;');
    db.exec(LAYOUT_0);
    db.exec(`ATTACH '${source}' AS source; INSERT INTO instances SELECT * FROM source.instances; INSERT INTO work SELECT * FROM source.work;`);
    const insert = db.prepare('INSERT INTO history (instance_id, seq, event) VALUES (?, ?, ?)');
    for (const [id, texts] of histories) texts.forEach((text, seq) => insert.run(id, seq, text));
    db.close();

    const upgraded = new LocalDurableHost({ registrations, dataDir: join(dir, 'old') });
    await upgraded.start();
    expect(upgraded.store.getHistory(done)).toEqual(histories.get(done));
    expect(upgraded.store.getHistory(parked)).toEqual(histories.get(parked));
    expect(upgraded.getStatus(done)).toMatchObject({ runtimeStatus: 'Completed' });
    await upgraded.raiseEvent(parked, 'Approval', 'yes');
    expect(await upgraded.waitForCompletion(parked, 10_000)).toMatchObject({ runtimeStatus: 'Completed', output: { approved: 'yes' } });
    await upgraded.stop();
    const check = new Database(old, { readonly: true });
    expect(check.pragma('user_version', { simple: true })).toBe(1);
    expect((check.prepare("SELECT name FROM pragma_table_info('history')").all() as { name: string }[]).map((c) => c.name)).toEqual(['instance_id', 'seq', 'events']);
    check.close();
    // Opening again changes nothing.
    const again = new LocalDurableHost({ registrations, dataDir: join(dir, 'old') });
    await again.start();
    expect(again.getStatus(parked)).toMatchObject({ runtimeStatus: 'Completed', output: { approved: 'yes' } });
    expect(again.history(done).length).toBe(histories.get(done)!.length);
    await again.stop();
  });
});
