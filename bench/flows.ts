/**
 * The flows every benchmark runs, each twice: as a workflow definition for the generic `sluice`
 * orchestrator, and hand-written as a `durable-functions` generator doing the same work with the
 * same Durable actions (the baseline a user would otherwise write).
 */
import * as df from 'durable-functions';
import type { OrchestrationContext } from 'durable-functions';
import type { WorkflowDefinition } from '../engine/definition/workflow.generated';
import { runInputOf, type RunInput } from '../engine/plan/run-input';
import { definitionTrust } from '../engine/plan/trust';

/** Hand-written orchestration and activity names (the `hand.` prefix keeps them apart from Sluice's). */
export const HAND = {
  chain: 'hand.chain',
  fanOut: 'hand.fanOut',
  retry: 'hand.retry',
  sameChain: 'hand.same.chain',
  sameFanOut: 'hand.same.fanOut',
  sameRetry: 'hand.same.retry',
  noop: 'hand.noop',
  flaky: 'hand.flaky',
} as const;

/** Retry interval of the retry-heavy flow, in both versions. */
export const RETRY_INTERVAL_MS = 1000;

/** `steps` sequential no-op activities, each given the previous one's output. */
export function chainDefinition(steps: number): WorkflowDefinition {
  return {
    name: `bench-chain-${steps}`,
    steps: Array.from({ length: steps }, (_, i) => ({
      id: `s${i}`,
      activity: 'noop',
      input: { step: i, previous: i === 0 ? '${{ input.seed }}' : `\${{ steps.s${i - 1}.output }}` },
    })),
  };
}

/** A forEach over `input.items`, one no-op activity per item; `concurrency` bounds it when set. */
export function fanOutDefinition(concurrency?: number): WorkflowDefinition {
  return {
    name: concurrency === undefined ? 'bench-fan-out' : `bench-fan-out-${concurrency}`,
    steps: [{ id: 'each', forEach: { items: '${{ input.items }}', ...(concurrency === undefined ? {} : { concurrency }), steps: [{ id: 'touch', activity: 'noop', input: '${{ item }}' }] } }],
  };
}

/** `steps` sequential activities that each fail `failures` times before succeeding, retried by policy. */
export function retryDefinition(steps: number, failures: number): WorkflowDefinition {
  return {
    name: `bench-retry-${steps}x${failures}`,
    steps: Array.from({ length: steps }, (_, i) => ({
      id: `s${i}`,
      activity: 'flaky',
      input: { failures, step: i },
      retry: { maxAttempts: failures + 1, interval: `${RETRY_INTERVAL_MS}ms`, backoff: 1 },
    })),
  };
}

/** The bench app's trust: its signing key signs every run input the benchmarks start. */
export const benchTrust = definitionTrust({ keys: ['sluice-bench-signing-key-0123456789abcdef'] });

/** The run input of a definition, without the two bookkeeping activities unless `record`. */
export function runInput(definition: WorkflowDefinition, input: unknown, record = false): RunInput {
  return runInputOf({ definition, input, trigger: { kind: 'api' }, sign: benchTrust.sign, record });
}

/** Registers the hand-written orchestrations and their activities through `df.app`. */
export function registerHandWritten(): void {
  df.app.activity(HAND.noop, { handler: () => null });
  df.app.activity(HAND.flaky, {
    handler: (input: unknown) => {
      const { failures, attempt } = input as { failures: number; attempt: number };
      if (attempt <= failures) throw new Error(`planned failure ${attempt} of ${failures}`);
      return null;
    },
  });
  df.app.orchestration(HAND.chain, function* (context: OrchestrationContext) {
    const { steps, seed } = context.df.getInput() as { steps: number; seed: unknown };
    let previous: unknown = seed;
    for (let i = 0; i < steps; i++) previous = yield context.df.callActivity(HAND.noop, { step: i, previous });
    return previous;
  });
  df.app.orchestration(HAND.fanOut, function* (context: OrchestrationContext) {
    const { items } = context.df.getInput() as { items: unknown[] };
    return yield context.df.Task.all(items.map((item) => context.df.callActivity(HAND.noop, item)));
  });
  // The retry loop a user writes by hand: try, on failure wait on a durable timer, try again.
  df.app.orchestration(HAND.retry, function* (context: OrchestrationContext) {
    const { steps, failures } = context.df.getInput() as { steps: number; failures: number };
    let output: unknown = null;
    for (let i = 0; i < steps; i++) {
      for (let attempt = 1; ; attempt++) {
        try {
          output = yield context.df.callActivity(HAND.flaky, { failures, step: i, attempt });
          break;
        } catch (error) {
          if (attempt > failures) throw error;
          yield context.df.createTimer(new Date(context.df.currentUtcDateTime.getTime() + RETRY_INTERVAL_MS));
        }
      }
    }
    return output;
  });
}

/**
 * The same three flows written by hand so that they produce the very history Sluice produces (issue 7:
 * "fed the same histories"): the run input is Sluice's, each activity call is `sluice.activity` with the
 * step input Sluice sends (run id, step path, attempt, config) and reads its `{ ok, output }` result. The
 * replay ratio against these measures the interpreter alone; the smoke test checks the histories match.
 */
export function registerSameHistoryTwins(): void {
  type Args = { input: { seed?: unknown; steps: number; items?: unknown[]; failures?: number } };
  const call = (context: OrchestrationContext, workflow: string, stepPath: string, attempt: number, name: string, input: unknown) =>
    context.df.callActivity('sluice.activity', { run: { id: context.df.instanceId, workflow }, stepPath, attempt, config: { name, input } });
  df.app.orchestration(HAND.sameChain, function* (context: OrchestrationContext) {
    const { input } = context.df.getInput() as Args;
    let previous: unknown = input.seed;
    for (let i = 0; i < input.steps; i++) {
      previous = ((yield call(context, `bench-chain-${input.steps}`, `s${i}`, 1, 'noop', { step: i, previous })) as { output: unknown }).output;
    }
    return previous;
  });
  df.app.orchestration(HAND.sameFanOut, function* (context: OrchestrationContext) {
    const { input } = context.df.getInput() as Args;
    const results = (yield context.df.Task.all(input.items!.map((item, i) => call(context, 'bench-fan-out', `each[${i}].touch`, 1, 'noop', item)))) as Array<{ output: unknown }>;
    return results.map((result) => result.output);
  });
  df.app.orchestration(HAND.sameRetry, function* (context: OrchestrationContext) {
    const { input } = context.df.getInput() as Args;
    const workflow = `bench-retry-${input.steps}x${input.failures}`;
    let output: unknown = null;
    for (let i = 0; i < input.steps; i++) {
      for (let attempt = 1; ; attempt++) {
        const result = (yield call(context, workflow, `s${i}`, attempt, 'flaky', { failures: input.failures, step: i })) as { ok: boolean; output?: unknown; error?: unknown };
        if (result.ok) {
          output = result.output;
          break;
        }
        if (attempt > input.failures!) throw new Error(JSON.stringify(result.error));
        yield context.df.createTimer(new Date(context.df.currentUtcDateTime.getTime() + RETRY_INTERVAL_MS));
      }
    }
    return output;
  });
}
