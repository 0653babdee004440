/**
 * Item 1, replay overhead: the same flow as a workflow (generic `sluice` orchestrator) and as a
 * hand-written generator is run once on the embedded host; then each final history is replayed many
 * times through the real SDK handler, as the Durable extension does on every episode, and the CPU
 * times are compared. Also: how replay time grows from ~1,000 to ~10,000 history events.
 */
import type { CapturedRegistrations } from '../engine/adapters/local/durable';
import { newInvocationContext } from '../engine/adapters/local/durable';
import { ORCHESTRATOR_NAME } from '../engine/orchestrator';
import { figure, type Figure } from './figure';
import { chainDefinition, fanOutDefinition, HAND, retryDefinition, runInput } from './flows';
import { finishedRun, replayTriggerText, type FinishedRun } from './histories';
import { compare, rounded, timed, type Rounds, type Sample } from './measure';
import { profileTop, sharesText } from './profile';
import type { Sizes } from './sizes';

/** A flow in its two versions. */
interface Pair {
  name: string;
  /** Measured against the ≤ 1.2× goal (fed the same history); otherwise context only. */
  goal: boolean;
  yaml: FinishedRun;
  hand: FinishedRun;
}

/** One full replay of a finished run; checks the SDK reaches the same end (a wrong replay would be cheap). */
export async function replayOnce(registrations: CapturedRegistrations, run: FinishedRun, triggerText: string): Promise<void> {
  const handler = registrations.orchestrations.get(run.orchestration)!.handler;
  const state = (await handler(JSON.parse(triggerText), newInvocationContext(run.orchestration))) as { isDone: boolean; output?: unknown };
  if (!state.isDone) throw new Error(`replay of ${run.orchestration} did not finish`);
}

/** Whether two runs' histories are the same events with the same payloads (names and ids included). */
export function sameHistory(a: FinishedRun, b: FinishedRun): boolean {
  const strip = (run: FinishedRun) => JSON.stringify(run.history.map((event) => ({ ...event, Name: (event as { EventType: number }).EventType === 0 ? '' : (event as { Name?: string }).Name })));
  return strip(a) === strip(b);
}

// Sub-millisecond samples are mostly noise on a shared machine: each sample replays enough times to
// take about this long, and the figures are per replay.
const SAMPLE_MS = 150;

async function replayCpu(registrations: CapturedRegistrations, a: FinishedRun, b: FinishedRun, rounds: Rounds) {
  // The deep copy (JSON.parse) is part of what the extension's worker does too, so it stays in the timing.
  const once = { a: replayer(registrations, a), b: replayer(registrations, b) };
  const times = { a: await repetitionsFor(once.a), b: await repetitionsFor(once.b) };
  const many = (which: 'a' | 'b') => async () => {
    for (let i = 0; i < times[which]; i++) await once[which]();
  };
  const { a: sa, b: sb, ratio } = await compare({ a: many('a'), b: many('b') }, () => undefined, rounds);
  // Per replay; the ratio of a round's samples is rescaled by the replay counts of each side.
  return { a: perReplay(sa, times.a), b: perReplay(sb, times.b), ratio: (ratio * times.b) / times.a };
}

function replayer(registrations: CapturedRegistrations, run: FinishedRun): () => Promise<void> {
  const text = replayTriggerText(run);
  return () => replayOnce(registrations, run, text);
}

async function repetitionsFor(once: () => Promise<void>): Promise<number> {
  await once();
  const { wallMs } = await timed(once);
  return Math.max(1, Math.min(1000, Math.round(SAMPLE_MS / Math.max(wallMs, 0.01))));
}

function perReplay(sample: Sample, times: number): Sample {
  return { cpuMs: sample.cpuMs / times, wallMs: sample.wallMs / times };
}

/** The measurements of item 1, in table order: six pairs, then the scaling figure. */
export function replayParts(sizes: Sizes['replay']): string[] {
  const items = sizes.fanOutItems;
  return [
    `${sizes.chainSteps}-step chain`,
    `${items}-item fan-out`,
    `retry-heavy (${sizes.retrySteps} steps × ${sizes.retryFailures} failures)`,
    `${sizes.chainSteps}-step chain, vs an idiomatic hand-written flow`,
    `${items}-item fan-out, vs an idiomatic hand-written flow`,
    'retry-heavy, vs an idiomatic hand-written flow',
    'scaling',
  ];
}

// Only the histories of the pair measured: a process measuring one pair holds nothing of the others.
async function pair(registrations: CapturedRegistrations, sizes: Sizes['replay'], part: number): Promise<Pair> {
  const { chainSteps: steps, retrySteps, retryFailures: failures } = sizes;
  const name = replayParts(sizes)[part];
  const items = Array.from({ length: sizes.fanOutItems }, (_, i) => i);
  // The run inputs also carry what the hand-written twins need to know (steps, failures); Sluice ignores it.
  const flow = part % 3;
  const yaml =
    flow === 0
      ? await finishedRun(registrations, ORCHESTRATOR_NAME, runInput(chainDefinition(steps), { seed: 0, steps }))
      : flow === 1
        ? await finishedRun(registrations, ORCHESTRATOR_NAME, runInput(fanOutDefinition(), { items }))
        : await finishedRun(registrations, ORCHESTRATOR_NAME, runInput(retryDefinition(retrySteps, failures), { steps: retrySteps, failures }));
  if (part < 3) {
    // Fed the same history: the twin takes Sluice's run input.
    return { name, goal: true, yaml, hand: await finishedRun(registrations, [HAND.sameChain, HAND.sameFanOut, HAND.sameRetry][flow], yaml.input) };
  }
  // Context, no goal: the idiomatic hand-written flows move less data (small inputs, bare results, no definition).
  const idiomatic = [
    () => finishedRun(registrations, HAND.chain, { steps, seed: 0 }),
    () => finishedRun(registrations, HAND.fanOut, { items }),
    () => finishedRun(registrations, HAND.retry, { steps: retrySteps, failures }),
  ][flow];
  return { name, goal: false, yaml, hand: await idiomatic() };
}

/** The finished runs one part of item 1 replays: a pair, or the small and large chains of the scaling figure. */
export type PreparedPart = { pair: Pair } | { scaling: { small: FinishedRun; large: FinishedRun } };

/**
 * Runs the flows one part of item 1 replays to completion (an index into replayParts). The suite does this
 * once per part and hands the runs to each measuring process as JSON, so a measuring process holds only
 * the parsed histories, as a worker replaying episodes does, not the garbage of the host that ran them.
 */
export async function prepareReplayPart(registrations: CapturedRegistrations, sizes: Sizes['replay'], part: number): Promise<PreparedPart> {
  if (part !== replayParts(sizes).length - 1) return { pair: await pair(registrations, sizes, part) };
  const [small, large] = sizes.scaling;
  return {
    scaling: {
      small: await finishedRun(registrations, ORCHESTRATOR_NAME, runInput(chainDefinition(small), { seed: 0 })),
      large: await finishedRun(registrations, ORCHESTRATOR_NAME, runInput(chainDefinition(large), { seed: 0 })),
    },
  };
}

/** Measures one part of item 1 on its prepared runs: a pair's ratio, or the YAML replay's growth from small to large history. */
export async function measureReplayPart(registrations: CapturedRegistrations, sizes: Sizes['replay'], prepared: PreparedPart): Promise<Figure> {
  if ('scaling' in prepared) return measureScaling(registrations, sizes, prepared.scaling.small, prepared.scaling.large);
  const measured = prepared.pair;
  const { a: yaml, b: hand, ratio } = await replayCpu(registrations, measured.yaml, measured.hand, sizes.rounds);
  const yamlText = replayTriggerText(measured.yaml);
  const shares = await profileTop(async () => {
    for (let i = 0; i < 5; i++) await replayOnce(registrations, measured.yaml, yamlText);
  });
  return figure(1, `replay CPU, YAML ÷ hand-written: ${measured.name}`, ratio, '×', {
    ...(measured.goal ? { goal: { op: '<=' as const, target: 1.2 } } : {}),
    detail: {
      yamlCpuMs: rounded(yaml.cpuMs),
      handCpuMs: rounded(hand.cpuMs),
      yamlEvents: measured.yaml.history.length,
      handEvents: measured.hand.history.length,
      sameHistory: sameHistory(measured.yaml, measured.hand),
      yamlTriggerBytes: yamlText.length,
      handTriggerBytes: replayTriggerText(measured.hand).length,
    },
    limit: `YAML replay profile (self time): ${sharesText(shares)}`,
  });
}

async function measureScaling(registrations: CapturedRegistrations, sizes: Sizes['replay'], smallRun: FinishedRun, largeRun: FinishedRun): Promise<Figure> {
  const [small, large] = sizes.scaling;
  const { a: smallCpu, b: largeCpu, ratio: smallToLarge } = await replayCpu(registrations, smallRun, largeRun, sizes.rounds);
  return figure(1, `replay scaling, YAML chain ${smallRun.history.length} → ${largeRun.history.length} events`, 1 / smallToLarge, '×', {
    goal: { op: '<=', target: 11 },
    detail: { smallSteps: small, largeSteps: large, smallEvents: smallRun.history.length, largeEvents: largeRun.history.length, smallCpuMs: rounded(smallCpu.cpuMs), largeCpuMs: rounded(largeCpu.cpuMs), eventRatio: rounded(largeRun.history.length / smallRun.history.length) },
    limit: 'linear when the ratio stays near the event ratio; above it, per-event work grows with history length',
  });
}
