/**
 * Whole runs through the embedded Durable host (engine/adapters/local/durable: real SDK, real id
 * bookkeeping, child orchestrations, timers on a test clock), with plain functions standing in for the
 * step activities. Checks what the replay tests cannot: that lanes, chunks, timed steps and
 * sub-workflows complete as real child instances.
 */
import { afterEach, describe as suite, expect, it } from 'vitest';
import type { LocalDurableHost } from '../../engine/adapters/local/durable';
import type { WorkflowDefinition } from '../../engine/definition/workflow.generated';
import { everything, hostWith, ok } from './embedded-runs';
import { inputFor } from './workflows';

const hosts: LocalDurableHost[] = [];
afterEach(async () => {
  for (const host of hosts.splice(0)) await host.stop();
});

suite('runs through the embedded Durable host', () => {
  it('parallel, bounded forEach in a sliding window of batches, chunks, retry, composite timeout and a sub-workflow', async () => {
    const { definition, child } = everything;
    let flakyCalls = 0;
    const inFlight = { now: 0, max: 0 };
    const host = await hostWith(hosts,
      {
        'sluice.activity': async (input) => {
          const { name, input: value } = input.config as { name: string; input: any };
          if (name === 'echo') return ok(value.v);
          if (name === 'flaky') return ++flakyCalls < 3 ? { ok: false, error: { name: 'ActivityError', message: 'not yet', retryable: true } } : ok(`after ${flakyCalls}`);
          inFlight.now += 1;
          inFlight.max = Math.max(inFlight.max, inFlight.now);
          await new Promise((resolve) => setTimeout(resolve, 5));
          inFlight.now -= 1;
          return ok(value * value);
        },
      },
      4,
    );
    const items = Array.from({ length: 10 }, (_, i) => i);
    const id = await host.startNew('sluice', { input: inputFor(definition, { items }, { workflows: [child] }) });
    const status = await host.waitForCompletion(id, 60_000);
    expect(status?.runtimeStatus).toBe('Completed');
    expect(status?.output).toEqual({
      both: { x: 'x', y: 'y' },
      lanes: items.map((i) => i * i),
      chunked: items.map((i) => i + 1),
      flaky: 'after 3',
      inner: 'g',
      sub: 42,
    });
    expect(inFlight.max).toBeLessThanOrEqual(3);
    const children = host.list().instances.map((s) => s.instanceId).filter((name) => name !== id).sort();
    // 10 items over a chunk size of 4: chunks of 4, 4 and 2; a chunk of 4 with a bound of 3 runs its
    // items as batches of one (named by their item) in a sliding window of 3, the chunk of 2 runs in its
    // own instance; the group's timeout is a deadline in the run itself (no child).
    expect(children).toEqual(
      [
        'chunked:chunk0', 'chunked:chunk1', 'chunked:chunk2',
        'lanes:batch0', 'lanes:batch1', 'lanes:batch2', 'lanes:batch3', 'lanes:batch4', 'lanes:batch5', 'lanes:batch6', 'lanes:batch7',
        'lanes:chunk0', 'lanes:chunk1', 'lanes:chunk2',
        'sub:1',
      ].map((name) => `${id}:${name}`),
    );
  });

  it('waits for an event raised on the run, and dead-letters a failed run before failing it', async () => {
    const sent: unknown[] = [];
    const host = await hostWith(hosts, {
      'sluice.queue': (input) => {
        sent.push(input.config);
        return ok({ messageId: 'dl-1' });
      },
      'sluice.http': () => ({ ok: false, error: { name: 'HttpError', message: '404 Not Found', retryable: false, status: 404 } }),
    });
    const definition: WorkflowDefinition = {
      name: 'approve-then-call',
      deadLetter: { queue: 'approve-dlq' },
      steps: [{ id: 'approval', waitForEvent: { name: 'approved' } }, { id: 'call', http: { url: 'https://e.com/${{ steps.approval.output.id }}' } }],
    };
    const id = await host.startNew('sluice', { input: inputFor(definition, { order: 1 }) });
    await new Promise((resolve) => setTimeout(resolve, 50));
    await host.raiseEvent(id, 'approved', { id: 'a1' });
    const status = await host.waitForCompletion(id, 60_000);
    expect(status?.runtimeStatus).toBe('Failed');
    expect(String(status?.output)).toContain('{"name":"HttpError","message":"404 Not Found","step":"call"}');
    expect(sent).toEqual([{ name: 'approve-dlq', message: expect.objectContaining({ runId: id, failedStep: 'call', input: { order: 1 }, attempts: 1 }) }]);
  });
});
