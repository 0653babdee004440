/**
 * The embedded run-history store: one SQLite file (better-sqlite3), persistent across restarts.
 * Records are JSON documents with their query keys copied into indexed columns.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { assembleRun, mergeRun, mergeStep, summarizeRun } from './model';
import type { AttemptRecord, Run, RunPatch, RunSummary, StepPatch, StoredStep } from './model';
import { decodeContinuation, encodeContinuation, pageSizeOf } from './store';
import type { ListRunsQuery, RunHistoryStore, RunPage } from './store';
import { prepareAttempt, prepareRunPatch, prepareStepPatch } from './prepare';

/** Where the embedded store keeps its file: `${dataDir}/history.db`, or ':memory:'. */
export interface SqliteHistoryOptions {
  file: string;
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
`;

/** The history file inside the embedded runtime's data directory. */
export function historyFileIn(dataDir: string): string {
  return path.join(dataDir, 'history.db');
}

/** Opens (lazily, on init) the SQLite-backed run history. */
export function createSqliteHistoryStore(options: SqliteHistoryOptions): RunHistoryStore {
  let db: Database.Database | undefined;
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
    },

    async upsertRun(patch: RunPatch) {
      const database = open();
      const prepared = prepareRunPatch(patch);
      database.transaction(() => {
        const { steps: _steps, ...run } = mergeRun(readRun(prepared.id), prepared);
        database
          .prepare('INSERT OR REPLACE INTO runs (id, workflow, status, created_at, doc) VALUES (?, ?, ?, ?, ?)')
          .run(run.id, run.workflow, run.status, run.createdAt, JSON.stringify(run));
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
      if (query.status !== undefined) (where.push('status = ?'), params.push(query.status));
      if (query.since !== undefined) (where.push('created_at >= ?'), params.push(new Date(query.since).toISOString()));
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
      db?.close();
      db = undefined;
    },
  };
}
