/**
 * Bytes on disk per finished run of the embedded Durable store (`durable.sqlite`): N one-step runs on a
 * persisted host, then the file VACUUMed and its pages summed with SQLite's `dbstat` (payload and empty
 * bytes per table), minus the same for an empty store; divided by N. Measured with definitions by
 * reference (what `sluice serve` does, interpreter version 5) and carried as text (version 4, Azure).
 * For the shipped workflows, the bytes their run inputs carry for definitions, text against reference.
 */
import * as df from 'durable-functions';
import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { captureRegistrations, LocalDurableHost } from '../engine/adapters/local/durable';
import { DurableStore } from '../engine/adapters/local/durable/store';
import { readProject } from '../engine/adapters/project';
import { activityNames } from '../engine/activities/registry';
import type { WorkflowDefinition } from '../engine/definition/workflow.generated';
import { registerOrchestrator } from '../engine/orchestrator';
import { runInputOf } from '../engine/plan/run-input';
import { definitionShelf } from '../engine/plan/shelf';
import { definitionTrust } from '../engine/plan/trust';
import { figure, type Figure } from './figure';

const KEY = 'sluice-bench-signing-key-0123456789abcdef';

/** A one-step workflow as an approval flow's last step looks: one activity with a small input. */
export const oneStep: WorkflowDefinition = {
  name: 'one-step',
  steps: [{ id: 'notify', activity: 'noop', input: { orderId: '${{ input.orderId }}', amount: '${{ input.amount }}' } }],
} as WorkflowDefinition;

/** Page bytes by table of a VACUUMed copy of the store: total, and of that, empty. */
export function pageBytes(file: string): { live: number; total: number; unused: number; byTable: Record<string, { pages: number; payload: number; unused: number }> } {
  const db = new Database(file);
  try {
    db.pragma('wal_checkpoint(TRUNCATE)');
    // The file as a running serve leaves it (pages as the B-trees split them), then repacked.
    const live = (db.pragma('page_count', { simple: true }) as number) * (db.pragma('page_size', { simple: true }) as number);
    db.pragma('journal_mode = DELETE');
    db.exec('VACUUM');
    const rows = db.prepare('SELECT name, COUNT(*) AS pages, SUM(pgsize) AS size, SUM(payload) AS payload, SUM(unused) AS unused FROM dbstat GROUP BY name').all() as { name: string; pages: number; size: number; payload: number; unused: number }[];
    const byTable: Record<string, { pages: number; payload: number; unused: number }> = {};
    let total = 0;
    let unused = 0;
    for (const row of rows) {
      byTable[row.name] = { pages: row.pages, payload: row.payload, unused: row.unused };
      total += row.size;
      unused += row.unused;
    }
    return { live, total, unused, byTable };
  } finally {
    db.close();
  }
}

/** Finished one-step runs on a fresh persisted store; bytes per run, by reference or as text. */
export async function bytesPerRun(runs: number, byReference: boolean, record = true): Promise<{ perRun: number; livePerRun: number; unusedPerRun: number; byTable: Record<string, { pages: number; payload: number; unused: number }> }> {
  const dir = mkdtempSync(join(tmpdir(), 'sluice-stored-'));
  try {
    const file = join(dir, 'durable.sqlite');
    const text = JSON.stringify(oneStep);
    const trust = definitionTrust({ keys: [KEY], ...(byReference ? { shelf: definitionShelf([text]) } : {}) });
    const registrations = captureRegistrations(() => {
      registerOrchestrator(df, { trust });
      df.app.activity('sluice.activity', { handler: () => ({ ok: true, output: { sent: true } }) });
      df.app.activity('sluice.run.started', { handler: () => null });
      df.app.activity('sluice.run.finished', { handler: () => null });
    });
    const store = new DurableStore(file);
    if (byReference) store.keepDefinitions([text]);
    const empty = pageBytesOf(store, file);
    const host = new LocalDurableHost({ registrations, store: new DurableStore(file) });
    await host.start();
    const starts = [];
    for (let i = 0; i < runs; i++) {
      const input = runInputOf({ definition: oneStep, input: { orderId: `order-${i}`, amount: 100 + i }, trigger: { kind: 'api' }, sign: trust.sign, refer: trust.refer, record });
      starts.push(host.startNew('sluice', { instanceId: randomUUID().replace(/-/g, ''), input }));
    }
    const ids = await Promise.all(starts);
    const ends = await Promise.all(ids.map((id) => host.waitForCompletion(id, 600_000)));
    const bad = ends.find((status) => status?.runtimeStatus !== 'Completed');
    if (bad) throw new Error(`a one-step run ended ${bad.runtimeStatus}: ${JSON.stringify(bad.output)}`);
    await host.stop();
    const full = pageBytes(file);
    return { perRun: (full.total - empty.total) / runs, livePerRun: (full.live - empty.live) / runs, unusedPerRun: (full.unused - empty.unused) / runs, byTable: full.byTable };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function pageBytesOf(store: DurableStore, file: string) {
  store.close();
  return pageBytes(file);
}

/** For each shipped workflow: bytes of a run input's definitions (with its sub-workflow closure), as text and by reference. */
export function carriedBytes(root = resolve(__dirname, '..')): Array<{ workflow: string; text: number; reference: number }> {
  const project = readProject({ root, activities: activityNames() });
  const texts = project.workflows.map((workflow) => JSON.stringify(workflow.definition));
  const withShelf = definitionTrust({ keys: [KEY], shelf: definitionShelf(texts) });
  const withoutShelf = definitionTrust({ keys: [KEY] });
  const named = (name: string) => project.named(name)?.definition;
  return project.workflows.map((workflow) => {
    const size = (trust: typeof withShelf) => {
      const { input: _input, trigger: _trigger, ...carried } = runInputOf({ definition: workflow.definition, input: null, trigger: { kind: 'api' }, sign: trust.sign, refer: trust.refer, workflowNamed: named });
      return Buffer.byteLength(JSON.stringify(carried));
    };
    return { workflow: workflow.name, text: size(withoutShelf), reference: size(withShelf) };
  });
}

/** The bench item: bytes per finished one-step run, by reference (serve) and as text; carried bytes of the shipped workflows. */
export async function measureStored(runs: number): Promise<Figure[]> {
  const reference = await bytesPerRun(runs, true);
  const text = await bytesPerRun(runs, false);
  const shipped = carriedBytes();
  return [
    figure(11, `stored per finished one-step run (durable.sqlite as the host leaves it, ${runs} runs)`, reference.livePerRun, 'bytes', {
      goal: { op: '<=', target: 4096 },
      detail: { vacuumedPerRun: Math.round(reference.perRun), unusedPerRun: Math.round(reference.unusedPerRun), asText: Math.round(text.perRun), asTextLive: Math.round(text.livePerRun), byTable: reference.byTable },
      limit: 'the history events the SDK protocol needs (ExecutionStarted with the run input, two bookkeeping activities, the step activity: scheduled and completed each, orchestrator started/completed per episode) as JSON',
    }),
    figure(11, 'run input definitions, shipped workflows (text → reference)', shipped.reduce((sum, w) => sum + w.reference, 0) / shipped.length, 'bytes', {
      detail: { workflows: shipped },
      limit: 'a reference is a hash and a signature (about 150 bytes) per definition in the closure',
    }),
  ];
}

if (require.main === module) {
  const runs = Number(process.argv[2] ?? 300);
  void (async () => {
    for (const [label, byRef] of [['reference', true], ['text', false]] as const) {
      const result = await bytesPerRun(runs, byRef);
      console.log(label, Math.round(result.perRun), 'bytes/run VACUUMed,', Math.round(result.livePerRun), 'as left by the host; unused', Math.round(result.unusedPerRun), JSON.stringify(result.byTable));
    }
    console.log(JSON.stringify(carriedBytes()));
  })();
}
