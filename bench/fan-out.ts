/**
 * Item 4, fan-out/fan-in: a `forEach` over N no-op items with a concurrency bound, on the embedded host
 * with persisted history, using the orchestrator's default chunking into child orchestrations. Reports
 * wall time, results gathered per second and the largest history of any instance of the run. Each size
 * runs several times, each on a fresh host in the same process; the run with the median wall time is
 * reported, every run's results per second beside it (a single run of under a second moved by half with
 * the machine's load).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LocalDurableHost, type CapturedRegistrations } from '../engine/adapters/local/durable';
import { ORCHESTRATOR_NAME } from '../engine/orchestrator';
import { figure, type Figure } from './figure';
import { fanOutDefinition, runInput } from './flows';
import { medianBy, rounded, timed } from './measure';
import { profileTop, sharesText } from './profile';
import type { Sizes } from './sizes';

/** One forEach run: its timing and its instances' history sizes. */
export interface FanOutRun {
  items: number;
  wallMs: number;
  cpuMs: number;
  instances: number;
  maxEvents: number;
  parentEvents: number;
  totalEvents: number;
  /** The run's orchestration input, and the largest input of a child (chunk or lane) orchestration. */
  runInputBytes: number;
  largestChildInputBytes: number;
}

/** Runs one forEach over `items` no-op items (bounded by `concurrency`) on a fresh persisted host. */
export async function fanOutRun(registrations: CapturedRegistrations, items: number, concurrency: number): Promise<FanOutRun> {
  const dir = mkdtempSync(join(tmpdir(), 'sluice-bench-'));
  const host = new LocalDurableHost({ registrations, dataDir: dir });
  await host.start();
  try {
    const input = runInput(fanOutDefinition(concurrency), { items: Array.from({ length: items }, (_, i) => i) });
    let output: unknown;
    const sample = await timed(async () => {
      await host.startNew(ORCHESTRATOR_NAME, { instanceId: 'fan', input });
      const status = await host.waitForCompletion('fan', 1_800_000);
      if (status?.runtimeStatus !== 'Completed') throw new Error(`forEach over ${items} ended ${status?.runtimeStatus}: ${JSON.stringify(status?.output)}`);
      output = status.output;
    });
    if (!Array.isArray(output) || output.length !== items) throw new Error(`forEach over ${items} gathered ${Array.isArray(output) ? output.length : typeof output} results`);
    const sizes = host.list({ top: 100_000 }).instances.map((s) => {
      const history = host.history(s.instanceId);
      const started = history.find((event) => event.EventType === 0);
      return { id: s.instanceId, events: history.length, inputBytes: typeof started?.Input === 'string' ? started.Input.length : 0 };
    });
    return {
      items,
      wallMs: sample.wallMs,
      cpuMs: sample.cpuMs,
      instances: sizes.length,
      maxEvents: Math.max(...sizes.map((s) => s.events)),
      parentEvents: sizes.find((s) => s.id === 'fan')?.events ?? 0,
      totalEvents: sizes.reduce((sum, s) => sum + s.events, 0),
      runInputBytes: JSON.stringify(input).length,
      largestChildInputBytes: Math.max(0, ...sizes.filter((s) => s.id !== 'fan').map((s) => s.inputBytes)),
    };
  } finally {
    await host.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Measures item 4 for each size in `sizes.items`. */
export async function measureFanOut(registrations: CapturedRegistrations, sizes: Sizes['fanOut'], chunkSize: number): Promise<Figure[]> {
  const figures: Figure[] = [];
  for (const items of sizes.items) {
    const runs: FanOutRun[] = [];
    for (let i = 0; i < sizes.runs; i++) runs.push(await fanOutRun(registrations, items, sizes.concurrency));
    const run = medianBy(runs, (each) => each.wallMs);
    const detail = {
      resultsPerSecondEachRun: runs.map((each) => rounded(items / (each.wallMs / 1000))),
      wallMs: rounded(run.wallMs),
      cpuMs: rounded(run.cpuMs),
      concurrency: sizes.concurrency,
      chunkSize,
      instances: run.instances,
      parentEvents: run.parentEvents,
      maxEventsPerInstance: run.maxEvents,
      totalEvents: run.totalEvents,
      runInputBytes: run.runInputBytes,
      largestChildInputBytes: run.largestChildInputBytes,
    };
    const shares = items === sizes.items[0] ? await profileTop(() => fanOutRun(registrations, items, sizes.concurrency), 6, 0, 'function') : undefined;
    const limit = [
      `${run.instances} instances; each child's input is ${run.largestChildInputBytes} bytes (the run input is ${run.runInputBytes}), parsed again in every episode of that child`,
      ...(shares ? [`profile of this run (self time): ${sharesText(shares)}`] : []),
    ].join('; ');
    figures.push(
      figure(4, `forEach over ${items} no-op items (concurrency ${sizes.concurrency}): wall time`, run.wallMs / 1000, 's', { detail }),
      figure(4, `forEach over ${items}: fan-in results/s`, items / (run.wallMs / 1000), 'results/s', { goal: { op: '>=', target: 1500 }, limit }),
      figure(4, `forEach over ${items}: max history events per instance`, run.maxEvents, 'events', items >= 10_000 ? { goal: { op: '<=', target: 10_000 } } : {}),
    );
  }
  return figures;
}
