/**
 * How big each benchmark runs. `full` is what `npm run bench` reports (about 5 minutes on 2 cores);
 * `quick` (`--quick`) keeps every shape at a fraction of the size; `tiny` only proves the harness works
 * (the smoke test).
 */
import type { Rounds } from './measure';

/** Every size knob of the suite. */
export interface Sizes {
  label: 'full' | 'quick' | 'tiny';
  /**
   * `processes`: fresh processes each part of item 1 runs in (the median of each figure is reported): more
   * for the figures measured against a goal, fewer for the context pairs.
   */
  replay: { chainSteps: number; fanOutItems: number; retrySteps: number; retryFailures: number; scaling: [number, number]; rounds: Rounds; processes: { goal: number; context: number } };
  throughput: { runs: number; activities: number; rounds: number };
  /** `runs`: runs of each size, on a fresh host each; the median is reported. */
  fanOut: { items: number[]; concurrency: number; runs: number; chunkSize?: number };
  /** `fewFiles` and `files`: the two corpus sizes; `rounds`: cold processes per figure (the median is reported). */
  lint: { fewFiles: number; files: number; rounds: number };
  coldStart: { rounds: number };
  httpStart: { rate: number; seconds: number };
  expressions: { evaluations: number; rounds: Rounds };
  /** Item 9: runs parked on waitForEvent in one host; `cacheRuns` the host's cache of runs (SLUICE_HOST_CACHE_RUNS). */
  parked: { runs: number; cacheRuns: number; idleMs: number };
  /** Item 10: HTTP starts for `seconds` on `connections`, then one raise per started run. */
  httpEvents: { connections: number; seconds: number };
  /** Item 11: finished one-step runs per store. */
  stored: { runs: number };
}

export const SIZES: Record<Sizes['label'], Sizes> = {
  full: {
    label: 'full',
    replay: { chainSteps: 100, fanOutItems: 1000, retrySteps: 25, retryFailures: 3, scaling: [250, 2500], rounds: { warmup: 6, repetitions: 11 }, processes: { goal: 9, context: 3 } },
    throughput: { runs: 1000, activities: 5, rounds: 3 },
    fanOut: { items: [1000, 10_000], concurrency: 50, runs: 5 },
    lint: { fewFiles: 50, files: 1000, rounds: 5 },
    coldStart: { rounds: 7 },
    httpStart: { rate: 200, seconds: 10 },
    expressions: { evaluations: 200_000, rounds: { warmup: 2, repetitions: 7 } },
    parked: { runs: 100_000, cacheRuns: 5000, idleMs: 2000 },
    httpEvents: { connections: 20, seconds: 10 },
    stored: { runs: 2000 },
  },
  quick: {
    label: 'quick',
    replay: { chainSteps: 100, fanOutItems: 300, retrySteps: 10, retryFailures: 3, scaling: [100, 1000], rounds: { warmup: 2, repetitions: 5 }, processes: { goal: 1, context: 1 } },
    throughput: { runs: 200, activities: 5, rounds: 1 },
    fanOut: { items: [300, 3000], concurrency: 50, runs: 3, chunkSize: 300 },
    lint: { fewFiles: 50, files: 300, rounds: 3 },
    coldStart: { rounds: 3 },
    httpStart: { rate: 100, seconds: 3 },
    expressions: { evaluations: 50_000, rounds: { warmup: 1, repetitions: 3 } },
    parked: { runs: 10_000, cacheRuns: 1000, idleMs: 1000 },
    httpEvents: { connections: 20, seconds: 3 },
    stored: { runs: 500 },
  },
  tiny: {
    label: 'tiny',
    replay: { chainSteps: 5, fanOutItems: 10, retrySteps: 2, retryFailures: 2, scaling: [5, 50], rounds: { warmup: 0, repetitions: 1 }, processes: { goal: 1, context: 1 } },
    throughput: { runs: 5, activities: 5, rounds: 1 },
    fanOut: { items: [10, 25], concurrency: 4, runs: 1, chunkSize: 10 },
    lint: { fewFiles: 5, files: 10, rounds: 1 },
    coldStart: { rounds: 1 },
    httpStart: { rate: 20, seconds: 1 },
    expressions: { evaluations: 500, rounds: { warmup: 0, repetitions: 1 } },
    parked: { runs: 30, cacheRuns: 5, idleMs: 0 },
    httpEvents: { connections: 2, seconds: 1 },
    stored: { runs: 10 },
  },
};
