/**
 * The flows every benchmark runs, each twice: as a workflow definition for the generic `sluice`
 * orchestrator, and hand-written as a `durable-functions` generator doing the same work with the
 * same Durable actions (the baseline a user would otherwise write).
 */
import * as df from 'durable-functions';
import type { OrchestrationContext } from 'durable-functions';
import type { WorkflowDefinition } from '../engine/definition/workflow.generated';
import { runInputOf, type RunInput } from '../engine/plan/run-input';

/** Hand-written orchestration and activity names (the `hand.` prefix keeps them apart from Sluice's). */
export const HAND = {
  chain: 'hand.chain',
  fanOut: 'hand.fanOut',
  retry: 'hand.retry',
  chainSameData: 'hand.chainSameData',
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

/** The run input of a definition, without the two bookkeeping activities unless `record`. */
export function runInput(definition: WorkflowDefinition, input: unknown, record = false): RunInput {
  return runInputOf({ definition, input, trigger: { kind: 'api' }, record });
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
  // The chain again, by hand but moving the data Sluice moves: the run input carries the definition text,
  // each step's activity gets the run id, step path and attempt, and answers `{ ok, output }`. The ratio
  // against this isolates the interpreter's own cost from the cost of the data it records.
  df.app.orchestration(HAND.chainSameData, function* (context: OrchestrationContext) {
    const input = context.df.getInput() as RunInput & { input: { seed: unknown } };
    const run = { id: context.df.instanceId, workflow: `bench-chain-${JSON.parse(input.definitionText!).steps.length}` };
    let previous: unknown = input.input.seed;
    const steps = (JSON.parse(input.definitionText!) as WorkflowDefinition).steps.length;
    for (let i = 0; i < steps; i++) {
      const result = (yield context.df.callActivity('sluice.activity', { run, stepPath: `s${i}`, attempt: 1, config: { name: 'noop', input: { step: i, previous } } })) as { output: unknown };
      previous = result.output;
    }
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
