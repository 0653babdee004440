/**
 * Item 1 in a process of its own, bundled by the suite (bench/build.ts) and run as `node --expose-gc
 * BUNDLE SIZES`; from sources, `node --expose-gc --import tsx bench/replay-process.ts SIZES`. Prints
 * its figures as one JSON line. JIT decisions differ from process to process, and with them replay times:
 * the suite runs several of these and reports the median of each figure.
 */
import { benchRegistrations } from './app';
import { measureReplay } from './replay';
import { SIZES, type Sizes } from './sizes';

async function main(): Promise<void> {
  const sizes = SIZES[(process.argv[2] ?? 'full') as Sizes['label']];
  const figures = await measureReplay(benchRegistrations(), sizes.replay);
  process.stdout.write(`${JSON.stringify(figures)}\n`);
  process.exit(0);
}

void main();
