/**
 * Timing primitives shared by every benchmark. Absolute times drift on a shared machine, so each
 * figure compares two things measured in the same process, interleaved (A, B, A, B…), after
 * warm-up, and reports the median of several repetitions.
 */

/** One timed call: CPU time of this process (user + system) and wall time, in milliseconds. */
export interface Sample {
  cpuMs: number;
  wallMs: number;
}

/** The median of a non-empty list. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** The item whose `key` is the median of a non-empty odd-length list (the lower middle one of an even-length list). */
export function medianBy<T>(items: readonly T[], key: (item: T) => number): T {
  return [...items].sort((a, b) => key(a) - key(b))[(items.length - 1) >> 1];
}

/** Runs `work` once and returns how long it took (CPU includes every thread of the process). */
export async function timed(work: () => unknown): Promise<Sample> {
  const cpu = process.cpuUsage();
  const began = performance.now();
  await work();
  const wallMs = performance.now() - began;
  const used = process.cpuUsage(cpu);
  return { cpuMs: (used.user + used.system) / 1000, wallMs };
}

/** How many untimed and timed rounds a comparison runs. */
export interface Rounds {
  warmup: number;
  repetitions: number;
}

/**
 * Median samples of two contenders measured in alternation; `prepare` runs outside the timing. `ratio`
 * is the median of each round's a ÷ b CPU time: the two samples of a round are taken back to back, so
 * drift on a shared machine (neighbours, frequency) cancels out of it better than out of two medians.
 */
export async function compare<T>(
  contenders: { a: (prepared: T) => unknown; b: (prepared: T) => unknown },
  prepare: (which: 'a' | 'b') => T,
  rounds: Rounds,
): Promise<{ a: Sample; b: Sample; ratio: number }> {
  const samples: { a: Sample[]; b: Sample[] } = { a: [], b: [] };
  for (let round = 0; round < rounds.warmup + rounds.repetitions; round++) {
    // Alternate which one goes first, so neither always runs right after a GC of the other's garbage.
    const order: Array<'a' | 'b'> = round % 2 === 0 ? ['a', 'b'] : ['b', 'a'];
    for (const which of order) {
      const prepared = prepare(which);
      // Start each sample with an empty young generation (npm run bench passes --expose-gc): otherwise
      // one contender pays for collecting the other's garbage, which on replay benchmarks is a third of
      // the CPU. A minor GC, not a full one: a full GC also frees the hidden classes (maps) of the parsed
      // history once no object holds them, and V8 then throws away every optimised function that
      // depended on them ("weak objects" in --trace-deopt), so each sample measured re-optimisation after
      // a full GC, which no worker replaying episodes pays per episode. It cost the generic orchestrator
      // more than its twin (more optimised functions read parsed history): 100-step chain ratio about
      // 1.33 with a full GC before each sample against 1.10 with a minor one (a hand-run harness, median of six processes each).
      (globalThis as { gc?: (options?: { type: 'minor' | 'major' }) => void }).gc?.({ type: 'minor' });
      const sample = await timed(() => contenders[which](prepared));
      if (round >= rounds.warmup) samples[which].push(sample);
    }
  }
  const ratios = samples.a.map((sample, round) => sample.cpuMs / samples.b[round].cpuMs);
  return { a: medianSample(samples.a), b: medianSample(samples.b), ratio: median(ratios) };
}

/** The per-field median of samples. */
export function medianSample(samples: readonly Sample[]): Sample {
  return { cpuMs: median(samples.map((s) => s.cpuMs)), wallMs: median(samples.map((s) => s.wallMs)) };
}

/** Rounds a figure for display and JSON: 3 significant digits, no float noise. */
export function rounded(value: number): number {
  if (!Number.isFinite(value) || value === 0) return value;
  const digits = Math.max(0, 2 - Math.floor(Math.log10(Math.abs(value))));
  return Number(value.toFixed(Math.min(digits, 4)));
}
