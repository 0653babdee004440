/**
 * Runs parked on `waitForEvent` in one embedded Durable host (persisted to SQLite): memory while they
 * wait (RSS and V8 heap after a GC, per run), then every event raised and every run checked completed
 * with its own output, and starts and raises per second through the host.
 */
import * as df from 'durable-functions';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { captureRegistrations, LocalDurableHost } from '../engine/adapters/local/durable';
import type { WorkflowDefinition } from '../engine/definition/workflow.generated';
import { registerOrchestrator } from '../engine/orchestrator';
import { runInputOf } from '../engine/plan/run-input';
import { definitionShelf } from '../engine/plan/shelf';
import { definitionTrust } from '../engine/plan/trust';
import { figure, type Figure } from './figure';

const KEY = 'sluice-bench-signing-key-0123456789abcdef';

/** An approval: wait up to a day for a decision, then one step that uses it. */
export const approval: WorkflowDefinition = {
  name: 'approval',
  steps: [
    { id: 'decision', waitForEvent: { name: 'decided', timeout: '24h' } },
    { id: 'notify', activity: 'noop', input: { orderId: '${{ input.orderId }}', approved: '${{ steps.decision.output.approved }}' } },
  ],
  output: { orderId: '${{ input.orderId }}', approved: '${{ steps.decision.output.approved }}' },
} as WorkflowDefinition;

/** What parking `runs` runs measured. */
export interface Parked {
  runs: number;
  rssPerRun: number;
  heapPerRun: number;
  rssMb: number;
  startsPerSecond: number;
  raisesPerSecond: number;
  completed: number;
}

async function parkedAll(host: LocalDurableHost): Promise<void> {
  while (!host.quiet || !host.runner.idle) await new Promise((resolve) => setTimeout(resolve, 5));
}

function gc(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

/** Parks `runs` runs on one host, measures memory, raises all events and waits for every run. */
export async function parkRuns(runs: number, hostOptions: { cacheRuns?: number } = {}, idleMs = 15_000): Promise<Parked> {
  const dir = mkdtempSync(join(tmpdir(), 'sluice-parked-'));
  const text = JSON.stringify(approval);
  const trust = definitionTrust({ keys: [KEY], shelf: definitionShelf([text]) });
  const registrations = captureRegistrations(() => {
    registerOrchestrator(df, { trust });
    df.app.activity('sluice.activity', { handler: (input: any) => ({ ok: true, output: input.config.input }) });
    df.app.activity('sluice.run.started', { handler: () => null });
    df.app.activity('sluice.run.finished', { handler: () => null });
  });
  const host = new LocalDurableHost({ registrations, dataDir: dir, ...hostOptions });
  await host.start();
  try {
    gc();
    const before = process.memoryUsage();
    const ids = Array.from({ length: runs }, (_, i) => `parked-${i}`);
    const began = performance.now();
    const BATCH = 500;
    for (let at = 0; at < runs; at += BATCH) {
      await Promise.all(ids.slice(at, at + BATCH).map((id, i) => {
        const input = runInputOf({ definition: approval, input: { orderId: `o-${at + i}` }, trigger: { kind: 'api' }, sign: trust.sign, refer: trust.refer });
        return host.startNew('sluice', { instanceId: id, input });
      }));
      // Starts arrive as a service gets them, not all before the first has run: each batch parks first.
      await parkedAll(host);
    }
    const startsPerSecond = runs / ((performance.now() - began) / 1000);
    // Parked: every run has had its first episodes (waiting on the event and its timeout timer).
    await parkedAll(host);
    // Parked runs wait idle: V8's memory reducer compacts the heap after some seconds without allocation
    // (the burst of starts left it fragmented); a serve holding parked runs is in that state.
    await new Promise((r) => setTimeout(r, idleMs));
    gc();
    const parked = process.memoryUsage();
    if (process.env.SLUICE_BENCH_DEBUG) {
      const fs = await import('node:fs');
      const status = [...fs.readFileSync('/proc/self/status', 'utf8').split('\n'), ...fs.readFileSync('/proc/self/smaps_rollup', 'utf8').split('\n')].filter((line) => /^(RssAnon|RssFile|VmRSS|VmHWM|LazyFree|Anonymous)/.test(line));
      const v8 = await import('node:v8');
      console.log(JSON.stringify({ before, parked, status, v8: v8.getHeapStatistics() }));
    }
    const raised = performance.now();
    for (let at = 0; at < runs; at += BATCH) {
      await Promise.all(ids.slice(at, at + BATCH).map((id, i) => host.raiseEvent(id, 'decided', { approved: (at + i) % 2 === 0 })));
    }
    const raisesPerSecond = runs / ((performance.now() - raised) / 1000);
    const ends = await Promise.all(ids.map((id) => host.waitForCompletion(id, 600_000)));
    const completed = ends.filter((status, i) => status?.runtimeStatus === 'Completed' && (status.output as { orderId: string }).orderId === `o-${i}` && (status.output as { approved: boolean }).approved === (i % 2 === 0)).length;
    return {
      runs,
      rssPerRun: (parked.rss - before.rss) / runs,
      heapPerRun: (parked.heapUsed - before.heapUsed) / runs,
      rssMb: parked.rss / 2 ** 20,
      startsPerSecond,
      raisesPerSecond,
      completed,
    };
  } finally {
    await host.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Item 9: parked runs' memory, raising all of them, and how it extrapolates to 100,000. */
export async function measureParked(sizes: { runs: number; cacheRuns: number; idleMs: number }): Promise<Figure[]> {
  const result = await parkRuns(sizes.runs, { cacheRuns: sizes.cacheRuns }, sizes.idleMs);
  const perRunAt100k = (mb: number) => Math.round(mb + ((100_000 - sizes.runs) * result.heapPerRun * 1.5) / 2 ** 20);
  return [
    figure(9, `${sizes.runs.toLocaleString('en')} runs parked on waitForEvent in one host (cache ${sizes.cacheRuns}): RSS while waiting`, result.rssMb, 'MB', {
      ...(sizes.runs >= 100_000 ? { goal: { op: '<=' as const, target: 400 } } : {}),
      detail: { ...result, rssPer100kEstimateMb: sizes.runs >= 100_000 ? result.rssMb : perRunAt100k(result.rssMb) },
      limit: 'V8 heap of each cold live instance (row fields, timer, maps: heapPerRun) and heap fragmentation left by the burst of starts (heapTotal well above heapUsed)',
    }),
    figure(9, 'parked runs: raised, completed with their own decision', result.completed / result.runs, 'fraction', { goal: { op: '>=', target: 1 } }),
  ];
}

if (require.main === module) {
  const runs = Number(process.argv[2] ?? 2000);
  const cacheRuns = process.argv[3] ? Number(process.argv[3]) : undefined;
  const idleMs = process.argv[4] ? Number(process.argv[4]) : undefined;
  void parkRuns(runs, cacheRuns === undefined ? {} : { cacheRuns }, idleMs).then((result) => console.log(JSON.stringify(result)));
}
