/**
 * One part of item 1 in a process of its own, bundled by the suite (bench/build.ts) and run as
 * `node --expose-gc BUNDLE SIZES PART`; from sources, `node --expose-gc --import tsx
 * bench/replay-process.ts SIZES PART` (PART indexes `replayParts`). Prints the figure as one JSON line.
 * Each part gets fresh processes: JIT decisions, and replay times with them, differ from process to
 * process, and one part's histories and compiled code must not weigh on another's figure.
 */
import { benchRegistrations } from './app';
import { measureReplayPart } from './replay';
import { SIZES, type Sizes } from './sizes';

async function main(): Promise<void> {
  const sizes = SIZES[(process.argv[2] ?? 'full') as Sizes['label']];
  const figure = await measureReplayPart(benchRegistrations(), sizes.replay, Number(process.argv[3] ?? 0));
  process.stdout.write(`${JSON.stringify(figure)}\n`);
  process.exit(0);
}

void main();
