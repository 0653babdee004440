/** The scheduler under mixed work: retries, timeouts and event waits inside concurrent branches. */
import { describe as suite, expect, it } from 'vitest';
import type { WorkflowDefinition } from '../../engine/definition/workflow.generated';
import { addedTop, ReplayHost } from './harness';
import { failed, inputFor, ok, sluiceHandler } from './workflows';

suite('interleaving', () => {
  const mixed = (other: object): WorkflowDefinition => ({
    name: 'mixed',
    steps: [{ id: 'p', parallel: [{ id: 'flaky', http: { url: 'https://e.com/f' }, retry: { maxAttempts: 2, interval: '1s' } }, other as never] }],
  });

  it('in a wave of activities, starts a failed branch\'s retry when the wave has finished', async () => {
    const host = new ReplayHost(sluiceHandler(), inputFor(mixed({ id: 'slow', activity: 'slow' })));
    let episode = await host.start();
    expect(addedTop(episode)).toEqual(['all[call sluice.http, call sluice.activity]']);
    episode = await host.complete(0, failed('HttpError', '503', true)); // a result, not a TaskFailed: Task.all waits on
    expect(addedTop(episode)).toEqual([]);
    episode = await host.complete(1, ok('S'));
    expect(addedTop(episode)).toEqual(['timer 2026-01-01T00:00:01.000Z']);
    episode = await host.fire(2);
    expect(addedTop(episode)).toEqual(['call sluice.http']);
    episode = await host.complete(3, ok('F'));
    expect(episode.output).toEqual({ flaky: 'F', slow: 'S' });
  });

  it('next to an event wait, retries at once and re-yields only scheduled tasks on their own', async () => {
    const host = new ReplayHost(sluiceHandler(), inputFor(mixed({ id: 'approval', waitForEvent: { name: 'ok' } })));
    let episode = await host.start();
    expect(addedTop(episode)).toEqual(['any[call sluice.http, event ok]']);
    episode = await host.complete(0, failed('HttpError', '503', true));
    expect(addedTop(episode)).toEqual(['timer 2026-01-01T00:00:01.000Z']);
    episode = await host.fire(1);
    expect(addedTop(episode)).toEqual(['call sluice.http']);
    episode = await host.raise('ok', 'yes'); // arrives while the orchestrator waits on the retry
    expect(addedTop(episode)).toEqual([]);
    episode = await host.complete(2, ok('F'));
    expect(episode.output).toEqual({ flaky: 'F', approval: 'yes' });
  });

  it('in a forEach of bare activity calls, retries a failed iteration and catches another after its retries', async () => {
    // Each iteration's first attempt starts without a generator (sequence.ts startStep); a failure goes on
    // in a generator of its own: the retry timer and attempt 2, or (not retryable) the catch.
    const definition: WorkflowDefinition = {
      name: 'each-retry',
      steps: [
        {
          id: 'each',
          forEach: {
            items: '${{ input.items }}',
            steps: [{ id: 'touch', activity: 'touch', input: '${{ item }}', retry: { maxAttempts: 2, interval: '1s' }, catch: [{ steps: [{ id: 'fallback', set: 'caught ${{ item }}' }] }] }],
          },
        },
      ],
    };
    const host = new ReplayHost(sluiceHandler(), inputFor(definition, { items: ['a', 'b', 'c'] }));
    let episode = await host.start();
    expect(addedTop(episode)).toEqual(['all[call sluice.activity, call sluice.activity, call sluice.activity]']);
    episode = await host.completeMany([
      [0, ok('A')],
      [1, failed('ActivityError', 'busy', true)],
      [2, failed('ActivityError', 'bad input', false)],
    ]);
    expect(addedTop(episode)).toEqual(['timer 2026-01-01T00:00:01.000Z']);
    episode = await host.fire(3);
    expect(addedTop(episode)).toEqual(['call sluice.activity']);
    expect(episode.added.map((a) => a.action.input)).toMatchObject([{ stepPath: 'each[1].touch', attempt: 2, config: { name: 'touch', input: 'b' } }]);
    episode = await host.complete(4, ok('B'));
    expect(episode.output).toEqual(['A', 'B', 'caught c']);
  });

  it('waits for two events concurrently and resolves each by name', async () => {
    const definition: WorkflowDefinition = {
      name: 'two-events',
      steps: [{ id: 'p', parallel: [{ id: 'a', waitForEvent: { name: 'A' } }, { id: 'b', waitForEvent: { name: 'B', timeout: '1h' } }] }],
    };
    const host = new ReplayHost(sluiceHandler(), inputFor(definition));
    let episode = await host.start();
    expect(addedTop(episode)).toEqual(['any[event A, any[event B, timer 2026-01-01T01:00:00.000Z]]']);
    episode = await host.raise('B', 'b!');
    episode = await host.raise('A', 'a!');
    expect(episode.output).toEqual({ a: 'a!', b: 'b!' });
  });

  it('gives each forEach iteration its own step scope and reports the failing iteration\'s path', async () => {
    const definition: WorkflowDefinition = {
      name: 'scoped',
      steps: [
        { id: 'outer', set: { k: 'K' } },
        {
          id: 'each',
          forEach: {
            items: [1, 2, 3],
            steps: [
              { id: 'first', set: { n: '${{ item }}', k: '${{ steps.outer.output.k }}' } },
              { id: 'second', set: '${{ steps.first.output.n * 10 }}' as never },
            ],
          },
        },
        { id: 'leak', set: { first: '${{ steps.first }}' } },
      ],
    };
    const host = new ReplayHost(sluiceHandler(), inputFor(definition));
    const episode = await host.start();
    expect(episode.done).toBe(true);
    expect(episode.output).toEqual({ first: null });

    const failing: WorkflowDefinition = {
      name: 'failing',
      steps: [{ id: 'each', forEach: { items: [1, 2, 3], steps: [{ id: 'call', activity: 'x', input: '${{ item }}' as never }] } }],
    };
    const second = new ReplayHost(sluiceHandler(), inputFor(failing));
    await second.start();
    let end = await second.complete(1, failed('ActivityError', 'bad item', false));
    expect(end.done || end.failed).toBe(false); // the wave of activities finishes first
    end = await second.complete(0, ok(1));
    end = await second.complete(2, ok(3));
    expect(JSON.parse(end.error!)).toEqual({ name: 'ActivityError', message: 'bad item', step: 'each[1].call' });
  });
});
