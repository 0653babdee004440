/**
 * Item 3, embedded runtime throughput: many runs of sequential no-op activities on the embedded host
 * with history persisted to SQLite in a temp folder; history events committed per second. The same
 * flow hand-written runs in the same process for comparison.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LocalDurableHost, type CapturedRegistrations } from '../engine/adapters/local/durable';
import { ORCHESTRATOR_NAME } from '../engine/orchestrator';
import { figure, type Figure } from './figure';
import { chainDefinition, HAND, runInput } from './flows';
import { rounded, timed } from './measure';
import { profileTop, sharesText } from './profile';
import type { Sizes } from './sizes';

/** What one batch of runs achieved. */
export interface Batch {
  runs: number;
  events: number;
  wallMs: number;
  cpuMs: number;
  eventsPerSecond: number;
}

/** Starts `runs` instances at once on a fresh persisted host and waits for all; counts their history events. */
export async function persistedBatch(registrations: CapturedRegistrations, orchestration: string, inputOf: (i: number) => unknown, runs: number): Promise<Batch> {
  const dir = mkdtempSync(join(tmpdir(), 'sluice-bench-'));
  const host = new LocalDurableHost({ registrations, dataDir: dir });
  await host.start();
  try {
    const ids: string[] = [];
    const sample = await timed(async () => {
      const started = await Promise.all(Array.from({ length: runs }, (_, i) => host.startNew(orchestration, { instanceId: `run-${i}`, input: inputOf(i) })));
      ids.push(...started);
      const ends = await Promise.all(started.map((id) => host.waitForCompletion(id, 600_000)));
      const bad = ends.find((status) => status?.runtimeStatus !== 'Completed');
      if (bad) throw new Error(`${orchestration} run ended ${bad.runtimeStatus}`);
    });
    let events = 0;
    for (const id of ids) events += host.history(id).length;
    return { runs, events, wallMs: sample.wallMs, cpuMs: sample.cpuMs, eventsPerSecond: events / (sample.wallMs / 1000) };
  } finally {
    await host.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Measures item 3: YAML runs of `activities` sequential no-ops, against the same flow hand-written. */
export async function measureThroughput(registrations: CapturedRegistrations, sizes: Sizes['throughput']): Promise<Figure[]> {
  const definition = chainDefinition(sizes.activities);
  const yamlInput = runInput(definition, { seed: 0 });
  const yaml = () => persistedBatch(registrations, ORCHESTRATOR_NAME, () => yamlInput, sizes.runs);
  const hand = () => persistedBatch(registrations, HAND.chain, () => ({ steps: sizes.activities, seed: 0 }), sizes.runs);
  // Warm both code paths (module loading, JIT) on a small batch first.
  await persistedBatch(registrations, ORCHESTRATOR_NAME, () => yamlInput, Math.min(50, sizes.runs));
  await persistedBatch(registrations, HAND.chain, () => ({ steps: sizes.activities, seed: 0 }), Math.min(50, sizes.runs));
  // Three alternating rounds; the median batch (by events/s) of each is reported.
  const yamlBatches: Batch[] = [];
  const handBatches: Batch[] = [];
  for (let round = 0; round < sizes.rounds; round++) {
    yamlBatches.push(await yaml());
    handBatches.push(await hand());
  }
  const yamlBatch = medianBatch(yamlBatches);
  const handBatch = medianBatch(handBatches);
  const shares = await profileTop(() => persistedBatch(registrations, ORCHESTRATOR_NAME, () => yamlInput, Math.max(1, sizes.runs >> 2)), 8, 0);
  return [
    figure(3, `embedded throughput, ${sizes.runs} YAML runs × ${sizes.activities} no-op activities, persisted`, yamlBatch.eventsPerSecond, 'events/s', {
      goal: { op: '>=', target: 2000 },
      detail: {
        yaml: batchView(yamlBatch),
        handWritten: batchView(handBatch),
        yamlRunsPerSecond: rounded(yamlBatch.runs / (yamlBatch.wallMs / 1000)),
        yamlVsHand: rounded(yamlBatch.eventsPerSecond / handBatch.eventsPerSecond),
      },
      limit: `one process, SQLite WAL (synchronous=NORMAL), one new event per episode, full replay per episode; profile (self time; (run) and (close) are better-sqlite3 natives): ${sharesText(shares)}`,
    }),
  ];
}

function medianBatch(batches: Batch[]): Batch {
  return [...batches].sort((a, b) => a.eventsPerSecond - b.eventsPerSecond)[batches.length >> 1];
}

function batchView(batch: Batch): Record<string, number> {
  return { runs: batch.runs, events: batch.events, wallMs: rounded(batch.wallMs), cpuMs: rounded(batch.cpuMs), eventsPerSecond: rounded(batch.eventsPerSecond) };
}
