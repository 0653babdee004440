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

const SCHEMA = `
CREATE TABLE IF NOT EXISTS instances (
  id TEXT PRIMARY KEY, name TEXT NOT NULL, status TEXT NOT NULL, input TEXT, output TEXT, custom_status TEXT,
  created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL, parent_id TEXT, parent_task_id INTEGER,
  parent_generation INTEGER, generation INTEGER NOT NULL, book TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS instances_by_created ON instances (created_at, id);
CREATE INDEX IF NOT EXISTS instances_by_status ON instances (status);
CREATE TABLE IF NOT EXISTS history (
  instance_id TEXT NOT NULL, seq INTEGER NOT NULL, event TEXT NOT NULL, PRIMARY KEY (instance_id, seq)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS work (
  id INTEGER PRIMARY KEY AUTOINCREMENT, instance_id TEXT NOT NULL, generation INTEGER NOT NULL,
  kind TEXT NOT NULL, due_at INTEGER, body TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS work_by_instance ON work (instance_id);
CREATE TABLE IF NOT EXISTS definitions (hash TEXT PRIMARY KEY, text TEXT NOT NULL, stored_at INTEGER NOT NULL) WITHOUT ROWID;
`;

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
    this.db.exec(SCHEMA);
    const db = this.db;
    this.statements = {
      putInstance: db.prepare(`INSERT OR REPLACE INTO instances VALUES (@id, @name, @status, @input, @output, @customStatus,
        @createdAt, @updatedAt, @parentId, @parentTaskId, @parentGeneration, @generation, @book)`),
      appendHistory: db.prepare('INSERT OR REPLACE INTO history (instance_id, seq, event) VALUES (?, ?, ?)'),
      clearHistory: db.prepare('DELETE FROM history WHERE instance_id = ?'),
      addWork: db.prepare('INSERT INTO work (instance_id, generation, kind, due_at, body) VALUES (?, ?, ?, ?, ?)'),
      deleteWork: db.prepare('DELETE FROM work WHERE id = ?'),
      clearWork: db.prepare('DELETE FROM work WHERE instance_id = ?'),
      deleteInstance: db.prepare('DELETE FROM instances WHERE id = ?'),
      getInstance: db.prepare('SELECT * FROM instances WHERE id = ?'),
      getHistory: db.prepare('SELECT event FROM history WHERE instance_id = ? ORDER BY seq'),
      liveInstances: db.prepare(`SELECT * FROM instances WHERE status IN (${LIVE_STATUSES.map(() => '?').join(',')})`),
      liveWork: db.prepare('SELECT * FROM work ORDER BY id'),
      keepDefinition: db.prepare('INSERT OR IGNORE INTO definitions (hash, text, stored_at) VALUES (?, ?, ?)'),
      definitionTexts: db.prepare('SELECT text FROM definitions'),
    };
    const s = this.statements;
    this.commit = db.transaction((ops: StoreOp[]) => {
      for (const op of ops) {
        switch (op.op) {
          case 'putInstance': s.putInstance.run(op.row); break;
          case 'appendHistory': s.appendHistory.run(op.instanceId, op.seq, op.event); break;
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
    return (this.statements.getHistory.all(id) as { event: string }[]).map((r) => r.event);
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
