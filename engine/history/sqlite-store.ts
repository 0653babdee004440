/**
 * The embedded run-history store: one SQLite file (better-sqlite3), persistent across restarts.
 * Records are JSON documents with their query keys copied into indexed columns.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { assembleRun, mergeRun, mergeStep, summarizeRun } from './model';
import type { AttemptRecord, Run, RunPatch, RunSummary, StepPatch, StoredStep } from './model';
import { decodeContinuation, encodeContinuation, inputFilterValues, pageSizeOf, retentionCutoff } from './store';
import type { ListRunsQuery, RunHistoryStore, RunPage } from './store';
import { prepareAttempt, prepareRunPatch, prepareStepPatch } from './prepare';

/** Where the embedded store keeps its file (`${dataDir}/history.db`, or ':memory:') and for how long. */
export interface SqliteHistoryOptions {
  file: string;
  /** Retention in days (`SLUICE_HISTORY_TTL_DAYS`, as Cosmos DB's TTL): runs last written longer ago are purged. 0 or unset keeps everything. */
  ttlDays?: number;
  /** The clock retention counts on. */
  now?: () => Date;
  /** How often to purge while open, in ms (default hourly); purging also runs in init(). */
  purgeEveryMs?: number;
}

const schema = `
  CREATE TABLE IF NOT EXISTS runs (
    id TEXT PRIMARY KEY, workflow TEXT NOT NULL, status TEXT NOT NULL, created_at TEXT NOT NULL, doc TEXT NOT NULL);
  CREATE INDEX IF NOT EXISTS runs_by_time ON runs (created_at DESC, id DESC);
  CREATE INDEX IF NOT EXISTS runs_by_workflow ON runs (workflow, created_at DESC, id DESC);
  CREATE INDEX IF NOT EXISTS runs_by_status ON runs (status, created_at DESC, id DESC);
  CREATE TABLE IF NOT EXISTS steps (
    run_id TEXT NOT NULL, path TEXT NOT NULL, doc TEXT NOT NULL, PRIMARY KEY (run_id, path));
  CREATE TABLE IF NOT EXISTS attempts (
    id TEXT PRIMARY KEY, run_id TEXT NOT NULL, path TEXT NOT NULL, attempt INTEGER NOT NULL, doc TEXT NOT NULL);
  CREATE INDEX IF NOT EXISTS attempts_by_run ON attempts (run_id);
  CREATE TABLE IF NOT EXISTS definitions (hash TEXT PRIMARY KEY, stored_at TEXT NOT NULL, doc TEXT NOT NULL);
`;

// Files written before retention existed have no updated_at column: add it, dated by created_at.
function migrate(db: Database.Database): void {
  const columns = db.prepare('PRAGMA table_info(runs)').all() as Array<{ name: string }>;
  if (!columns.some((column) => column.name === 'updated_at')) {
    db.exec('ALTER TABLE runs ADD COLUMN updated_at TEXT; UPDATE runs SET updated_at = created_at;');
  }
  db.exec('CREATE INDEX IF NOT EXISTS runs_by_update ON runs (updated_at)');
}

const HOUR_MS = 3_600_000;

/** A JSON path into a run document's input, for json_extract: `$.input."order"."region"`. */
function inputPath(field: string): string {
  return `$.input${field.split('.').map((name) => `."${name}"`).join('')}`;
}

/** The history file inside the embedded runtime's data directory. */
export function historyFileIn(dataDir: string): string {
  return path.join(dataDir, 'history.db');
}

/** Opens (lazily, on init) the SQLite-backed run history. */
export function createSqliteHistoryStore(options: SqliteHistoryOptions): RunHistoryStore {
  let db: Database.Database | undefined;
  let purging: NodeJS.Timeout | undefined;
  const now = options.now ?? (() => new Date());
  const purge = (): void => {
    const cutoff = retentionCutoff(options.ttlDays, now());
    if (!cutoff || !db) return;
    const database = db;
    database.transaction(() => {
      const stale = `SELECT id FROM runs WHERE updated_at < ?`;
      database.prepare(`DELETE FROM attempts WHERE run_id IN (${stale})`).run(cutoff);
      database.prepare(`DELETE FROM steps WHERE run_id IN (${stale})`).run(cutoff);
      database.prepare('DELETE FROM runs WHERE updated_at < ?').run(cutoff);
      // A definition goes with the last run that used it (kept while any run of it remains).
      database.prepare(`DELETE FROM definitions WHERE stored_at < ? AND hash NOT IN (SELECT json_extract(doc, '$.definitionHash') FROM runs)`).run(cutoff);
    }).immediate();
  };
  const open = (): Database.Database => {
    if (!db) throw new Error('sqlite history store: call init() first');
    return db;
  };
  const readRun = (id: string): Run | undefined => {
    const row = open().prepare('SELECT doc FROM runs WHERE id = ?').get(id) as { doc: string } | undefined;
    return row ? (JSON.parse(row.doc) as Run) : undefined;
  };

  return {
    async init() {
      if (db) return;
      if (options.file !== ':memory:') mkdirSync(path.dirname(options.file), { recursive: true });
      // Loaded on first use: in Azure, run history is on Cosmos DB and the native driver is never needed.
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      db = new (require('better-sqlite3') as typeof Database)(options.file);
      db.pragma('journal_mode = WAL'); // readers (CLI, HTTP API) do not block the runtime's writers
      db.pragma('synchronous = NORMAL');
      db.pragma('busy_timeout = 5000'); // the CLI and the runtime may write from two processes
      db.exec(schema);
      migrate(db);
      purge();
      if (options.ttlDays && options.ttlDays > 0) {
        purging = setInterval(() => {
          try {
            purge();
          } catch (error) {
            console.warn(`run history: purge failed: ${(error as Error).message}`);
          }
        }, options.purgeEveryMs ?? HOUR_MS);
        purging.unref(); // retention never keeps a process alive
      }
    },

    async upsertRun(patch: RunPatch) {
      const database = open();
      const prepared = prepareRunPatch(patch);
      database.transaction(() => {
        const { steps: _steps, ...run } = mergeRun(readRun(prepared.id), prepared);
        database
          .prepare('INSERT OR REPLACE INTO runs (id, workflow, status, created_at, updated_at, doc) VALUES (?, ?, ?, ?, ?, ?)')
          .run(run.id, run.workflow, run.status, run.createdAt, now().toISOString(), JSON.stringify(run));
      }).immediate();
    },

    async recordStep(runId: string, patch: StepPatch) {
      const database = open();
      const prepared = prepareStepPatch(patch);
      database.transaction(() => {
        const row = database.prepare('SELECT doc FROM steps WHERE run_id = ? AND path = ?').get(runId, prepared.path) as
          | { doc: string }
          | undefined;
        const step = mergeStep(row ? (JSON.parse(row.doc) as StoredStep) : undefined, prepared);
        database
          .prepare('INSERT OR REPLACE INTO steps (run_id, path, doc) VALUES (?, ?, ?)')
          .run(runId, step.path, JSON.stringify(step));
      }).immediate();
    },

    async recordAttempt(runId: string, stepPath: string, attempt: AttemptRecord) {
      const prepared = prepareAttempt(attempt);
      open()
        .prepare('INSERT OR REPLACE INTO attempts (id, run_id, path, attempt, doc) VALUES (?, ?, ?, ?, ?)')
        .run(`${runId}|${stepPath}|${prepared.attempt}`, runId, stepPath, prepared.attempt, JSON.stringify(prepared));
    },

    async getRun(id: string) {
      const run = readRun(id);
      if (!run) return undefined;
      const steps = (open().prepare('SELECT doc FROM steps WHERE run_id = ?').all(id) as Array<{ doc: string }>).map(
        (row) => JSON.parse(row.doc) as StoredStep,
      );
      const attempts = (
        open().prepare('SELECT path, doc FROM attempts WHERE run_id = ?').all(id) as Array<{ path: string; doc: string }>
      ).map((row) => ({ ...(JSON.parse(row.doc) as AttemptRecord), path: row.path }));
      return assembleRun(run, steps, attempts);
    },

    async listRuns(query: ListRunsQuery = {}): Promise<RunPage> {
      const cursor = decodeContinuation(query);
      const size = pageSizeOf(query);
      const where: string[] = [];
      const params: unknown[] = [];
      if (query.workflow !== undefined) (where.push('workflow = ?'), params.push(query.workflow));
      const degradedTest = "json_extract(doc, '$.degraded') = 1";
      if (query.statuses?.length) {
        const statuses = query.statuses.filter((status) => status !== 'Degraded');
        const any = statuses.length ? [`status IN (${statuses.map(() => '?').join(', ')})`] : [];
        params.push(...statuses);
        if (query.statuses.includes('Degraded')) any.push(degradedTest);
        where.push(`(${any.join(' OR ')})`);
      }
      if (query.degraded !== undefined) where.push(query.degraded ? degradedTest : `NOT coalesce(${degradedTest}, 0)`);
      if (query.since !== undefined) (where.push('created_at >= ?'), params.push(new Date(query.since).toISOString()));
      if (query.until !== undefined) (where.push('created_at < ?'), params.push(new Date(query.until).toISOString()));
      if (query.errorText !== undefined) {
        where.push("instr(lower(coalesce(json_extract(doc, '$.error.name'), '') || ' ' || coalesce(json_extract(doc, '$.error.message'), '')), lower(?)) > 0");
        params.push(query.errorText);
      }
      for (const [field, text] of Object.entries(query.input ?? {})) {
        const at = inputPath(field);
        const tests = inputFilterValues(text).map((value) => {
          if (typeof value === 'string') return (params.push(at, at, value), "(json_type(doc, ?) = 'text' AND json_extract(doc, ?) = ?)");
          if (typeof value === 'number') return (params.push(at, at, value), "(json_type(doc, ?) IN ('integer', 'real') AND json_extract(doc, ?) = ?)");
          return (params.push(at, String(value)), 'json_type(doc, ?) = ?');
        });
        where.push(`(${tests.join(' OR ')})`);
      }
      if (cursor) {
        where.push('(created_at < ? OR (created_at = ? AND id < ?))');
        params.push(cursor.createdAt, cursor.createdAt, cursor.id);
      }
      const sql = `SELECT doc FROM runs ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
        ORDER BY created_at DESC, id DESC LIMIT ?`;
      const rows = open().prepare(sql).all(...params, size + 1) as Array<{ doc: string }>;
      const runs = rows.slice(0, size).map((row) => summarizeRun({ ...(JSON.parse(row.doc) as Run), steps: [] }));
      const last = runs[runs.length - 1];
      return rows.length > size && last
        ? { runs, continuation: encodeContinuation(query, { createdAt: last.createdAt, id: last.id }) }
        : { runs };
    },

    async deleteRun(id: string) {
      const database = open();
      database.transaction(() => {
        database.prepare('DELETE FROM attempts WHERE run_id = ?').run(id);
        database.prepare('DELETE FROM steps WHERE run_id = ?').run(id);
        database.prepare('DELETE FROM runs WHERE id = ?').run(id);
      }).immediate();
    },

    async putDefinition(hash: string, definition: unknown) {
      open().prepare('INSERT OR IGNORE INTO definitions (hash, stored_at, doc) VALUES (?, ?, ?)').run(hash, now().toISOString(), JSON.stringify(definition));
    },

    async getDefinition(hash: string) {
      const row = open().prepare('SELECT doc FROM definitions WHERE hash = ?').get(hash) as { doc: string } | undefined;
      return row ? JSON.parse(row.doc) : undefined;
    },

    async lastRunByWorkflow(workflows?: readonly string[]) {
      const names =
        workflows ?? (open().prepare('SELECT DISTINCT workflow FROM runs').all() as Array<{ workflow: string }>).map((r) => r.workflow);
      const latest = open().prepare('SELECT doc FROM runs WHERE workflow = ? ORDER BY created_at DESC, id DESC LIMIT 1');
      const result: Record<string, RunSummary> = {};
      for (const name of names) {
        const row = latest.get(name) as { doc: string } | undefined;
        if (row) result[name] = summarizeRun({ ...(JSON.parse(row.doc) as Run), steps: [] });
      }
      return result;
    },

    async close() {
      if (purging) clearInterval(purging);
      purging = undefined;
      db?.close();
      db = undefined;
    },
  };
}
