/**
 * The whole suite in issue 7's order. Each item runs on its own; one that throws is reported as not
 * measured (with the reason) instead of losing the other figures.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { benchRegistrations } from './app';
import { measureAmplification } from './amplification';
import { measureColdStart } from './cold-start';
import { measureExpressions } from './expressions';
import { measureFanOut } from './fan-out';
import { notMeasured, type Figure } from './figure';
import { measureHttpStart } from './http-start';
import { measureHttpEvents } from './http-events';
import { measureParked } from './parked';
import { measureStored } from './stored';
import { measureLint } from './lint';
import { bundleScript } from './build';
import { prepareReplayPart, replayParts } from './replay';
import type { Sizes } from './sizes';
import { measureThroughput } from './throughput';
import { CHUNK_SIZE } from '../engine/orchestrator';
import type { CapturedRegistrations } from '../engine/adapters/local/durable';
import { median, medianBy } from './measure';

/** One item of the suite. */
interface Item {
  item: number;
  title: string;
  unit: string;
  run: () => Promise<Figure[]> | Figure[];
}

function items(sizes: Sizes): Item[] {
  const registrations = benchRegistrations();
  const chunkSize = sizes.fanOut.chunkSize ?? CHUNK_SIZE;
  return [
    { item: 1, title: 'replay overhead', unit: '×', run: () => replayInProcesses(sizes, registrations) },
    { item: 2, title: 'history amplification', unit: '×', run: () => measureAmplification(registrations, sizes.label === 'tiny' ? 1 : 4) },
    { item: 3, title: 'embedded throughput', unit: 'events/s', run: () => measureThroughput(registrations, sizes.throughput) },
    { item: 4, title: 'fan-out/fan-in', unit: 'results/s', run: () => measureFanOut(sizes.fanOut.chunkSize ? benchRegistrations({ chunkSize }) : registrations, sizes.fanOut, chunkSize) },
    { item: 5, title: 'lint', unit: 'files/s', run: () => measureLint(sizes.lint) },
    { item: 6, title: 'cold start', unit: '×', run: () => measureColdStart(sizes.coldStart) },
    { item: 7, title: 'HTTP start', unit: 'runs/s', run: () => measureHttpStart(sizes.httpStart) },
    { item: 8, title: 'expressions', unit: 'evaluations/s', run: () => measureExpressions(sizes.expressions) },
    { item: 9, title: 'parked runs', unit: 'MB', run: () => measureParked(sizes.parked) },
    { item: 10, title: 'HTTP starts and raises', unit: 'per second', run: () => measureHttpEvents(sizes.httpEvents) },
    { item: 11, title: 'stored per run', unit: 'bytes', run: () => measureStored(sizes.stored.runs) },
  ];
}

/**
 * Item 1, each of its parts in several fresh processes of its own, one after the other, each running the
 * engine and the hand-written flows bundled as the Azure app ships (bench/build.ts): each figure's value
 * is the median across its processes (every process's value is kept in the detail), the rest of the
 * figure is from the median process. Each part's flows are run to completion once, here, and its
 * processes replay those runs, read from a JSON file.
 */
async function replayInProcesses(sizes: Sizes, registrations: CapturedRegistrations): Promise<Figure[]> {
  const work = mkdtempSync(join(tmpdir(), 'sluice-replay-'));
  try {
    const bundle = bundleScript('bench/replay-process.ts', work);
    const figures: Figure[] = [];
    for (let part = 0; part < replayParts(sizes.replay).length; part++) {
      const { goal, context } = sizes.replay.processes;
      const prepared = join(work, `part-${part}.json`);
      writeFileSync(prepared, JSON.stringify(await prepareReplayPart(registrations, sizes.replay, part)));
      const runs = Array.from({ length: isGoalPart(sizes, part) ? goal : context }, () => {
        const out = execFileSync(process.execPath, ['--expose-gc', bundle, sizes.label, String(part), prepared], { encoding: 'utf8', maxBuffer: 16 << 20 });
        return JSON.parse(out.trim().split('\n').pop()!) as Figure;
      });
      const values = runs.map((run) => run.value as number);
      const middle = medianBy(runs, (run) => run.value as number);
      figures.push({ ...middle, value: median(values), detail: { ...middle.detail, eachProcess: values } });
    }
    return figures;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

// The three same-history pairs and the scaling figure have goals; the idiomatic pairs are context.
function isGoalPart(sizes: Sizes, part: number): boolean {
  return part < 3 || part === replayParts(sizes.replay).length - 1;
}

/** Runs the items in `only` (all by default); `progress` hears each item's start and duration. */
export async function runSuite(sizes: Sizes, only?: ReadonlySet<number>, progress: (line: string) => void = () => undefined): Promise<Figure[]> {
  const figures: Figure[] = [];
  for (const entry of items(sizes)) {
    if (only && !only.has(entry.item)) continue;
    progress(`item ${entry.item} (${entry.title})…`);
    const began = performance.now();
    try {
      figures.push(...(await entry.run()));
    } catch (error) {
      figures.push(notMeasured(entry.item, entry.title, entry.unit, (error as Error).message.split('\n')[0]));
    }
    progress(`item ${entry.item} done in ${((performance.now() - began) / 1000).toFixed(1)} s`);
  }
  return figures;
}
