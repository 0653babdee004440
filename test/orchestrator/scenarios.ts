/**
 * Runs whose histories are kept as fixtures (test/fixtures/histories/): each plays a workflow through
 * the harness host. `npx tsx test/orchestrator/record-fixtures.ts` re-records them (only do that for
 * an intended, versioned change of interpretation: the fixtures stand for runs in flight).
 */
import type { WorkflowDefinition } from '../../engine/definition/workflow.generated';
import { ReplayHost } from './harness';
import type { RunInput } from '../../engine/plan/run-input';
import { failed, inputFor, ok, sluiceHandler } from './workflows';

/** A recorded scenario. */
export interface Scenario {
  name: string;
  definition: WorkflowDefinition;
  input: unknown;
  record: boolean;
  /** The orchestration input when it is not a run's (a forEach fragment). */
  runInput?: () => RunInput;
  instanceId?: string;
  play(host: ReplayHost): Promise<void>;
}

const orderIntake: WorkflowDefinition = {
  name: 'order-intake',
  defaults: { retry: { maxAttempts: 3, interval: '2s', backoff: 2, maxInterval: '1m' }, timeout: '5m' },
  deadLetter: { queue: 'orders-dlq' },
  steps: [
    {
      id: 'classify',
      ai: { model: 'gemini-2.5-flash', prompt: 'Classify this order: ${{ input.text }}', output: { type: 'object' }, fallback: { category: 'standard' } },
      timeout: '20s',
    },
    {
      id: 'enrich',
      parallel: [
        { id: 'price', http: { method: 'GET', url: 'https://prices.example.com/orders/${{ input.orderId }}', headers: { Authorization: 'Bearer ${{ secrets.PRICES_TOKEN }}' } } },
        {
          id: 'stock',
          steps: [
            { id: 'reserve', activity: 'reserveStock', input: { orderId: '${{ input.orderId }}' } },
            { id: 'confirm', queue: { name: 'reservations', message: { orderId: '${{ input.orderId }}' } } },
          ],
        },
      ],
    },
    {
      id: 'perLine',
      forEach: {
        items: '${{ input.lines }}',
        as: 'line',
        concurrency: 2,
        steps: [{ id: 'check', activity: 'checkLine', input: '${{ line }}' as never, retry: { maxAttempts: 5, interval: '1s', on: ['HttpError', 'Timeout'] } }],
      },
    },
    {
      id: 'route',
      switch: {
        cases: [{ when: "${{ steps.classify.output.category == 'fraud' }}", steps: [{ id: 'review', waitForEvent: { name: 'reviewed', timeout: '24h', default: { approved: false } } }] }],
        default: [{ id: 'cool', wait: '10s' }],
      },
    },
    { id: 'save', if: "${{ steps.classify.output.category != 'fraud' }}", cosmos: { container: 'orders', upsert: { id: '${{ input.orderId }}', category: '${{ steps.classify.output.category }}' } } },
    { id: 'summary', set: { category: '${{ steps.classify.output.category }}', lines: '${{ steps.perLine.output }}' } },
  ],
  output: '${{ steps.summary.output }}' as never,
};

/** Finds the outstanding activity for a step path. */
const idFor = (host: ReplayHost, stepPath: string) => host.idOf((a) => (a.input as { stepPath?: string } | undefined)?.stepPath === stepPath);

export const scenarios: Scenario[] = [
  {
    name: 'order-intake-fraud',
    definition: orderIntake,
    input: { orderId: 'o-1', text: 'ten gold bars', lines: [{ sku: 'a' }, { sku: 'b' }, { sku: 'c' }] },
    record: true,
    async play(host) {
      await host.complete(0, null); // run.started
      await host.complete(idFor(host, 'classify'), ok({ category: 'fraud' }));
      await host.complete(idFor(host, 'enrich.stock.reserve'), ok({ reserved: true }));
      await host.complete(idFor(host, 'enrich.price'), ok({ status: 200, headers: {}, body: { total: 12 } }));
      await host.complete(idFor(host, 'enrich.stock.confirm'), ok({ messageId: 'm-1' }));
      // The bounded forEach's children (the lane-with-retry fixture replays one of them). Versions 2-3:
      // two round-robin lanes; version 4 on: one batch per item in a sliding window of two, so the third
      // starts when the second ends, while the first still runs.
      if (host.input && (host.input as { interpreterVersion: number }).interpreterVersion >= 4) {
        await host.complete(host.idOf((a) => a.instanceId === 'run-1:perLine:batch1'), { outputs: ['b-ok'], records: [] });
        await host.complete(host.idOf((a) => a.instanceId === 'run-1:perLine:batch2'), { outputs: ['c-ok'], records: [] });
        await host.complete(host.idOf((a) => a.instanceId === 'run-1:perLine:batch0'), { outputs: ['a-ok'], records: [] });
      } else {
        await host.complete(host.idOf((a) => a.instanceId === 'run-1:perLine:lane1'), { outputs: ['b-ok'], records: [] });
        await host.complete(host.idOf((a) => a.instanceId === 'run-1:perLine:lane0'), { outputs: ['a-ok', 'c-ok'], records: [] });
      }
      await host.raise('reviewed', { approved: true, by: 'alice' }, 3_600_000);
      await host.complete(host.idOf((a) => a.functionName === 'sluice.run.finished'), null);
    },
  },
  {
    name: 'order-intake-standard-degraded',
    definition: orderIntake,
    input: { orderId: 'o-2', text: 'a pen', lines: [] },
    record: true,
    async play(host) {
      await host.complete(0, null);
      for (let attempt = 1; attempt <= 3; attempt++) {
        await host.complete(idFor(host, 'classify'), failed('AiError', 'model overloaded', true));
        // The retry timer is the newest timer (the attempt's 20s timeout timer came before it).
        if (attempt < 3) await host.fire(host.idOf((a) => a.actionType === 5));
      }
      await host.complete(idFor(host, 'enrich.price'), ok({ status: 200, headers: {}, body: {} }));
      await host.complete(idFor(host, 'enrich.stock.reserve'), ok({ reserved: true }));
      await host.complete(idFor(host, 'enrich.stock.confirm'), ok({ messageId: 'm-2' }));
      await host.fire(host.idOf((a) => a.actionType === 5 && new Date(a.fireAt as string).getTime() - host.now === 10_000));
      await host.complete(idFor(host, 'save'), ok({ id: 'o-2', category: 'standard' }));
      await host.complete(host.idOf((a) => a.functionName === 'sluice.run.finished'), null);
    },
  },
  {
    name: 'lane-with-retry',
    definition: orderIntake,
    input: null,
    record: false,
    instanceId: 'run-1:perLine:lane0',
    runInput: () => ({
      ...inputFor(orderIntake, { orderId: 'o-1', text: 'ten gold bars', lines: [{ sku: 'a' }, { sku: 'b' }, { sku: 'c' }] }),
      record: false,
      fragment: {
        kind: 'lane',
        step: 'perLine',
        path: 'perLine',
        items: [{ sku: 'a' }, { sku: 'c' }],
        offset: 0,
        stride: 2,
        scope: { steps: { classify: { output: { category: 'fraud' } } }, vars: {} },
        run: { id: 'run-1', workflow: 'order-intake', startedAt: '2026-01-01T00:00:00.000Z' },
      },
    }),
    async play(host) {
      await host.complete(0, failed('HttpError', '503', true));
      await host.fire(2); // id 1 is the attempt's cancelled 5m timeout timer
      await host.complete(3, ok('a-ok'));
      await host.complete(5, ok('c-ok'));
    },
  },
  {
    name: 'dead-letter',
    definition: { name: 'doomed', deadLetter: { queue: 'doomed-dlq' }, steps: [{ id: 'call', http: { url: 'https://e.com/${{ input.id }}' }, retry: { maxAttempts: 2, interval: '1s', jitter: true } }] },
    input: { id: 9 },
    record: true,
    async play(host) {
      await host.complete(0, null);
      await host.complete(1, failed('HttpError', '503', true));
      await host.fire(2);
      await host.complete(3, failed('HttpError', '500', true));
      await host.complete(4, ok({ messageId: 'dl-1' }));
      await host.complete(5, null);
    },
  },
];

/** Plays a scenario; returns its host (history, final episode). */
export async function playScenario(scenario: Scenario): Promise<ReplayHost> {
  const input = scenario.runInput?.() ?? inputFor(scenario.definition, scenario.input, { record: scenario.record });
  const host = new ReplayHost(sluiceHandler(), input, { instanceId: scenario.instanceId });
  await host.start();
  await scenario.play(host);
  return host;
}
