/** Runs through the embedded Durable host, shared by embedded.test.ts and record-fixtures.ts. */
import * as df from 'durable-functions';
import { captureRegistrations, LocalDurableHost, TestClock } from '../../engine/adapters/local/durable';
import type { StepActivityInput } from '../../engine/activities/contract';
import type { WorkflowDefinition } from '../../engine/definition/workflow.generated';
import { registerOrchestrator } from '../../engine/orchestrator';
import { testTrust } from '../support/trust';

/** A stand-in for a step activity. */
export type Activity = (input: StepActivityInput<any>) => unknown;

/** A started embedded host (in memory, test clock that jumps to due timers) with these activities. */
export async function hostWith(hosts: LocalDurableHost[], activities: Record<string, Activity>, chunkSize?: number): Promise<LocalDurableHost> {
  const registrations = captureRegistrations(() => {
    registerOrchestrator(df, { trust: testTrust, ...(chunkSize ? { chunkSize } : {}) });
    for (const [name, handler] of Object.entries(activities)) df.app.activity(name, { handler: (input: unknown) => handler(input as StepActivityInput) });
  });
  const host = new LocalDurableHost({ registrations, file: ':memory:', clock: new TestClock({ start: Date.parse('2026-01-01T00:00:00Z'), autoAdvance: true }) });
  hosts.push(host);
  await host.start();
  return host;
}

/** A successful StepActivityResult. */
export const ok = (output: unknown) => ({ ok: true, output });

const child: WorkflowDefinition = { name: 'child', steps: [{ id: 'double', set: { value: '${{ input.n * 2 }}' } }] };

/** A workflow using most constructs, with a sub-workflow. */
export const everything: { definition: WorkflowDefinition; child: WorkflowDefinition } = {
  child,
  definition: {
    name: 'everything',
    steps: [
      { id: 'both', parallel: [{ id: 'x', activity: 'echo', input: { v: 'x' } }, { id: 'y', activity: 'echo', input: { v: 'y' } }] },
      { id: 'lanes', forEach: { items: '${{ input.items }}', concurrency: 3, steps: [{ id: 'sq', activity: 'square', input: '${{ item }}' as never }] } },
      { id: 'chunked', forEach: { items: '${{ input.items }}', steps: [{ id: 'inc', set: '${{ item + 1 }}' as never }] } },
      { id: 'flaky', activity: 'flaky', retry: { maxAttempts: 3, interval: '2s' } },
      { id: 'group', timeout: '1h', steps: [{ id: 'inner', activity: 'echo', input: { v: 'g' } }] },
      { id: 'sub', workflow: 'child', input: { n: 21 } },
    ],
    output: {
      both: '${{ steps.both.output }}',
      lanes: '${{ steps.lanes.output }}',
      chunked: '${{ steps.chunked.output }}',
      flaky: '${{ steps.flaky.output }}',
      inner: '${{ steps.inner.output }}',
      sub: '${{ steps.sub.output.value }}',
    },
  },
};
