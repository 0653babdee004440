/**
 * The embedded store (better-sqlite3, WAL): instances, their current execution's history, and
 * pending work (messages to deliver, timers, activities to run). Every change goes through
 * `commit(ops)`, one transaction, so an episode's events and work land together or not at all.
 */
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { textHash } from '../../../plan/shelf';

/** A persisted instance: status fields plus the execution book as JSON. */
export interface InstanceRow {
  id: string;
  name: string;
  status: string;
  input: string | null;
  output: string | null;
  customStatus: string | null;
  createdAt: number;
  updatedAt: number;
  parentId: string | null;
  parentTaskId: number | null;
  parentGeneration: number | null;
  generation: number;
  book: string;
}

/** Kinds of pending work: a message waiting for an episode, a timer, an activity to (re-)run. */
export type WorkKind = 'message' | 'timer' | 'activity';

/** A pending work row; `id` is set once it is inserted. */
export interface WorkRow {
  id?: number;
  instanceId: string;
  generation: number;
  kind: WorkKind;
  dueAt: number | null;
  body: string;
}

/** One change inside a commit. */
export type StoreOp =
  | { op: 'putInstance'; row: InstanceRow }
  | { op: 'appendHistory'; instanceId: string; seq: number; event: string }
  | { op: 'clearHistory'; instanceId: string }
  | { op: 'addWork'; work: WorkRow }
  | { op: 'deleteWork'; id: number }
  | { op: 'clearWork'; instanceId: string }
  | { op: 'deleteInstance'; instanceId: string };

/** Which instances `listInstances` returns; pages are ordered by creation time then id. */
export interface InstanceQuery {
  statuses?: string[];
  createdFrom?: number;
  createdTo?: number;
  /** Only ids that start with this text. */
  idPrefix?: string;
  top?: number;
  after?: { createdAt: number; id: string };
}

// Suspended instances are live: they hold their pending work until resumed (or terminated).
const LIVE_STATUSES = ['Pending', 'Running', 'ContinuedAsNew', 'Suspended'];

// Layout version 1 (PRAGMA user_version; 0 is the first layout, migrated on open by `migrate`):
// - history is one row per append (an episode's new events, JSON texts joined by newlines, which JSON
//   text never contains unescaped) in a rowid table, so rows land at the end of the B-tree and pages fill
//   up; the (instance_id, seq) index finds them. Layout 0 kept one row per event in a WITHOUT ROWID table
//   keyed by (instance_id, seq): random instance ids split its pages, leaving them about half empty.
// - `ExecutionStarted` is stored without its `Input` when that is the instance's input (a marker stands
//   in for it and `getHistory` puts it back): the run input is stored once, in `instances.input`.
const LAYOUT_VERSION = 1;
const SCHEMA = `
CREATE TABLE IF NOT EXISTS instances (
  id TEXT PRIMARY KEY, name TEXT NOT NULL, status TEXT NOT NULL, input TEXT, output TEXT, custom_status TEXT,
  created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL, parent_id TEXT, parent_task_id INTEGER,
  parent_generation INTEGER, generation INTEGER NOT NULL, book TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS instances_by_created ON instances (created_at, id);
CREATE INDEX IF NOT EXISTS instances_by_status ON instances (status);
CREATE TABLE IF NOT EXISTS history (instance_id TEXT NOT NULL, seq INTEGER NOT NULL, events TEXT NOT NULL);
CREATE UNIQUE INDEX IF NOT EXISTS history_by_instance ON history (instance_id, seq);
CREATE TABLE IF NOT EXISTS work (
  id INTEGER PRIMARY KEY AUTOINCREMENT, instance_id TEXT NOT NULL, generation INTEGER NOT NULL,
  kind TEXT NOT NULL, due_at INTEGER, body TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS work_by_instance ON work (instance_id);
CREATE TABLE IF NOT EXISTS definitions (hash TEXT PRIMARY KEY, text TEXT NOT NULL, stored_at INTEGER NOT NULL) WITHOUT ROWID;
`;

/** Stands in for an `ExecutionStarted` event's `Input` when it is the instance's input. */
const INPUT_MARKER = '"Input@instance":true';
const STARTED_PREFIX = '{"EventType":0,';
// The members every event starts with, as the host writes them (events.ts `historyEvent`, played):
// stored as `~type,id,timestamp` and the event's own members, about 55 bytes less per event.
const HEADER = /^\{"EventType":(\d+),"EventId":(-?\d+),"IsPlayed":true,"Timestamp":"([0-9T:.Z+-]+)"(,.*)?\}$/s;

/** An event text as stored: its common members packed, and an `ExecutionStarted` without the `Input` the instance row holds. */
export function storedEventText(text: string, instanceInput: string | null | undefined): string {
  let packed = text;
  if (instanceInput != null && packed.startsWith(STARTED_PREFIX)) {
    const member = `"Input":${JSON.stringify(instanceInput)}`;
    const at = packed.indexOf(member);
    if (at >= 0) packed = packed.slice(0, at) + INPUT_MARKER + packed.slice(at + member.length);
  }
  const header = HEADER.exec(packed);
  return header ? `~${header[1]},${header[2]},${header[3]}${header[4] ?? ''}` : packed;
}

/** A stored event text, back as it was appended. */
export function loadedEventText(stored: string, instanceInput: string | null | undefined): string {
  let text = stored;
  if (text.startsWith('~')) {
    const first = text.indexOf(',');
    const second = text.indexOf(',', first + 1);
    const third = text.indexOf(',', second + 1);
    const end = third < 0 ? text.length : third;
    text = `{"EventType":${text.slice(1, first)},"EventId":${text.slice(first + 1, second)},"IsPlayed":true,"Timestamp":"${text.slice(second + 1, end)}"${text.slice(end)}}`;
  }
  if (instanceInput == null || !text.startsWith(STARTED_PREFIX)) return text;
  const at = text.indexOf(INPUT_MARKER);
  return at < 0 ? text : `${text.slice(0, at)}"Input":${JSON.stringify(instanceInput)}${text.slice(at + INPUT_MARKER.length)}`;
}

// Layout 0 → 1, in one transaction on open: every instance's events become one history row (the input
// of its ExecutionStarted stored once), then the old table goes. A store of layout 0 has a `history`
// table with an `event` column; a new file has neither and only gets the version number.
function migrate(db: Database.Database): void {
  const version = db.pragma('user_version', { simple: true }) as number;
  if (version >= LAYOUT_VERSION) return;
  db.transaction(() => {
    const columns = db.prepare("SELECT name FROM pragma_table_info('history')").all() as { name: string }[];
    if (columns.some((column) => column.name === 'event')) {
      db.exec('ALTER TABLE history RENAME TO history_layout0');
      db.exec(SCHEMA);
      const inputs = db.prepare('SELECT input FROM instances WHERE id = ?');
      const insert = db.prepare('INSERT INTO history (instance_id, seq, events) VALUES (?, ?, ?)');
      const events = db.prepare('SELECT event FROM history_layout0 WHERE instance_id = ? ORDER BY seq').pluck();
      // One instance at a time (better-sqlite3 cannot write while a read iterates).
      for (const id of db.prepare('SELECT DISTINCT instance_id FROM history_layout0').pluck().all() as string[]) {
        const input = (inputs.get(id) as { input: string | null } | undefined)?.input;
        insert.run(id, 0, (events.all(id) as string[]).map((text) => storedEventText(text, input)).join('\n'));
      }
      db.exec('DROP TABLE history_layout0');
    } else {
      db.exec(SCHEMA);
    }
    db.pragma(`user_version = ${LAYOUT_VERSION}`);
  })();
}

interface RawInstance {
  id: string; name: string; status: string; input: string | null; output: string | null; custom_status: string | null;
  created_at: number; updated_at: number; parent_id: string | null; parent_task_id: number | null;
  parent_generation: number | null; generation: number; book: string;
}

function toRow(raw: RawInstance): InstanceRow {
  return {
    id: raw.id, name: raw.name, status: raw.status, input: raw.input, output: raw.output, customStatus: raw.custom_status,
    createdAt: raw.created_at, updatedAt: raw.updated_at, parentId: raw.parent_id, parentTaskId: raw.parent_task_id,
    parentGeneration: raw.parent_generation, generation: raw.generation, book: raw.book,
  };
}

/** The SQLite store behind the local Durable host; `':memory:'` keeps everything in memory. */
export class DurableStore {
  private readonly db: Database.Database;
  private readonly statements;
  readonly commit: (ops: StoreOp[]) => void;

  constructor(file: string, options: { synchronous?: 'NORMAL' | 'FULL' } = {}) {
    if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    // WAL + NORMAL survives a killed process (the WAL is in the OS cache); FULL also survives power loss.
    this.db.pragma(`synchronous = ${options.synchronous ?? 'NORMAL'}`);
    migrate(this.db);
    this.db.exec(SCHEMA); // idempotent: whatever a layout's migration did not create
    const db = this.db;
    this.statements = {
      putInstance: db.prepare(`INSERT OR REPLACE INTO instances VALUES (@id, @name, @status, @input, @output, @customStatus,
        @createdAt, @updatedAt, @parentId, @parentTaskId, @parentGeneration, @generation, @book)`),
      appendHistory: db.prepare('INSERT OR REPLACE INTO history (instance_id, seq, events) VALUES (?, ?, ?)'),
      instanceInput: db.prepare('SELECT input FROM instances WHERE id = ?').pluck(),
      clearHistory: db.prepare('DELETE FROM history WHERE instance_id = ?'),
      addWork: db.prepare('INSERT INTO work (instance_id, generation, kind, due_at, body) VALUES (?, ?, ?, ?, ?)'),
      deleteWork: db.prepare('DELETE FROM work WHERE id = ?'),
      clearWork: db.prepare('DELETE FROM work WHERE instance_id = ?'),
      deleteInstance: db.prepare('DELETE FROM instances WHERE id = ?'),
      getInstance: db.prepare('SELECT * FROM instances WHERE id = ?'),
      getHistory: db.prepare('SELECT events FROM history WHERE instance_id = ? ORDER BY seq').pluck(),
      liveInstances: db.prepare(`SELECT * FROM instances WHERE status IN (${LIVE_STATUSES.map(() => '?').join(',')})`),
      liveWork: db.prepare('SELECT * FROM work ORDER BY id'),
      keepDefinition: db.prepare('INSERT OR IGNORE INTO definitions (hash, text, stored_at) VALUES (?, ?, ?)'),
      definitionTexts: db.prepare('SELECT text FROM definitions'),
    };
    const s = this.statements;
    this.commit = db.transaction((ops: StoreOp[]) => {
      for (let i = 0; i < ops.length; i++) {
        const op = ops[i]!;
        switch (op.op) {
          case 'putInstance': s.putInstance.run(op.row); break;
          case 'appendHistory': {
            // Consecutive appends to one instance (an episode's events) are one row, keyed by the first seq.
            const texts = [op.event];
            for (let next = ops[i + 1]; next?.op === 'appendHistory' && next.instanceId === op.instanceId && next.seq === op.seq + texts.length; next = ops[i + 1]) {
              texts.push(next.event);
              i++;
            }
            const input = texts.some((text) => text.startsWith(STARTED_PREFIX)) ? (s.instanceInput.get(op.instanceId) as string | null | undefined) : undefined;
            s.appendHistory.run(op.instanceId, op.seq, texts.map((text) => storedEventText(text, input)).join('\n'));
            break;
          }
          case 'clearHistory': s.clearHistory.run(op.instanceId); break;
          case 'addWork': {
            const w = op.work;
            w.id = Number(s.addWork.run(w.instanceId, w.generation, w.kind, w.dueAt, w.body).lastInsertRowid);
            break;
          }
          case 'deleteWork': s.deleteWork.run(op.id); break;
          case 'clearWork': s.clearWork.run(op.instanceId); break;
          case 'deleteInstance': s.deleteInstance.run(op.instanceId); break;
        }
      }
    });
  }

  /** One instance's row, or undefined. */
  getInstance(id: string): InstanceRow | undefined {
    const raw = this.statements.getInstance.get(id) as RawInstance | undefined;
    return raw && toRow(raw);
  }

  /** The current execution's history as JSON texts, in order. */
  getHistory(id: string): string[] {
    const rows = this.statements.getHistory.all(id) as string[];
    const input = rows.some((events) => events.includes(INPUT_MARKER)) ? (this.statements.instanceInput.get(id) as string | null | undefined) : undefined;
    return rows.flatMap((events) => events.split('\n').map((text) => loadedEventText(text, input)));
  }

  /** Every instance that has not reached a terminal status, with its pending work (for resuming). */
  loadLive(): { instances: InstanceRow[]; work: WorkRow[] } {
    const instances = (this.statements.liveInstances.all(...LIVE_STATUSES) as RawInstance[]).map(toRow);
    const work = (this.statements.liveWork.all() as { id: number; instance_id: string; generation: number; kind: WorkKind; due_at: number | null; body: string }[])
      .map((r) => ({ id: r.id, instanceId: r.instance_id, generation: r.generation, kind: r.kind, dueAt: r.due_at, body: r.body }));
    return { instances, work };
  }

  /** A page of instances matching the query (one more than `top` is fetched to know if more exist). */
  listInstances(query: InstanceQuery): { rows: InstanceRow[]; more: boolean } {
    const where: string[] = [];
    const args: unknown[] = [];
    if (query.statuses?.length) {
      where.push(`status IN (${query.statuses.map(() => '?').join(',')})`);
      args.push(...query.statuses);
    }
    if (query.createdFrom !== undefined) { where.push('created_at >= ?'); args.push(query.createdFrom); }
    if (query.createdTo !== undefined) { where.push('created_at <= ?'); args.push(query.createdTo); }
    if (query.idPrefix) { where.push('substr(id, 1, ?) = ?'); args.push(query.idPrefix.length, query.idPrefix); }
    if (query.after) { where.push('(created_at > ? OR (created_at = ? AND id > ?))'); args.push(query.after.createdAt, query.after.createdAt, query.after.id); }
    const top = query.top ?? 100;
    const sql = `SELECT * FROM instances ${where.length ? 'WHERE ' + where.join(' AND ') : ''} ORDER BY created_at, id LIMIT ?`;
    const raws = this.db.prepare(sql).all(...args, top + 1) as RawInstance[];
    return { rows: raws.slice(0, top).map(toRow), more: raws.length > top };
  }

  /**
   * Keeps definition texts by the hash of their text (plan/shelf.ts), once each. Rows are never deleted:
   * any run, however old, may refer to one (a few KB per deployed version).
   */
  keepDefinitions(texts: Iterable<string>): void {
    const now = Date.now();
    this.db.transaction(() => {
      for (const text of texts) this.statements.keepDefinition.run(textHash(text), text, now);
    })();
  }

  /** Every definition text kept, for the app's shelf at start-up. */
  definitionTexts(): string[] {
    return (this.statements.definitionTexts.all() as { text: string }[]).map((row) => row.text);
  }

  /** Closes the database. */
  close(): void {
    if (this.db.open) this.db.close();
  }
}
