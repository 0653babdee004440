/**
 * One part of item 1 in a process of its own, bundled by the suite (bench/build.ts) and run as
 * `node --expose-gc BUNDLE SIZES PART RUNS`, where RUNS is the JSON file of the part's finished runs that
 * the suite prepared (prepareReplayPart); from sources, `node --expose-gc --import tsx
 * bench/replay-process.ts SIZES PART` prepares them in the process (PART indexes `replayParts`). Prints
 * the figure as one JSON line. Each part gets fresh processes: JIT decisions, and replay times with them,
 * differ from process to process, and one part's histories and compiled code must not weigh on another's
 * figure.
 */
import { readFileSync } from 'node:fs';
import { benchRegistrations } from './app';
import { measureReplayPart, prepareReplayPart, type PreparedPart } from './replay';
import { SIZES, type Sizes } from './sizes';

async function main(): Promise<void> {
  const sizes = SIZES[(process.argv[2] ?? 'full') as Sizes['label']];
  const part = Number(process.argv[3] ?? 0);
  const runs = process.argv[4];
  const registrations = benchRegistrations();
  const prepared = runs ? (JSON.parse(readFileSync(runs, 'utf8')) as PreparedPart) : await prepareReplayPart(registrations, sizes.replay, part);
  const figure = await measureReplayPart(registrations, sizes.replay, prepared);
  process.stdout.write(`${JSON.stringify(figure)}\n`);
  process.exit(0);
}

void main();
