import { describe as suite, expect, it } from 'vitest';
import type { WorkflowDefinition } from '../../engine/definition/workflow.generated';
import { retryDelayMs, seededUnit } from '../../engine/orchestrator/retry';
import { addedTop, ReplayHost } from './harness';
import { failed, inputFor, ok, sluiceHandler } from './workflows';

const T0 = Date.parse('2026-01-01T00:00:00.000Z');
const at = (ms: number) => new Date(T0 + ms).toISOString();

suite('retry', () => {
  const definition = (retry: object): WorkflowDefinition => ({ name: 'retrying', steps: [{ id: 'call', http: { url: 'https://e.com' }, retry }] });

  it('retries retryable failures with durable timers and exponential backoff capped by maxInterval', async () => {
    const host = new ReplayHost(sluiceHandler(), inputFor(definition({ maxAttempts: 4, interval: '1s', backoff: 3, maxInterval: '5s' })));
    let episode = await host.start();
    episode = await host.fail(0, "Activity function 'sluice.http' failed: boom"); // TaskFailed is ActivityError: not retryable by default
    expect(episode.failed).toBe(true);
    expect(JSON.parse(episode.error!)).toEqual({ name: 'ActivityError', message: "Activity function 'sluice.http' failed: boom", step: 'call' });

    const again = new ReplayHost(sluiceHandler(), inputFor(definition({ maxAttempts: 4, interval: '1s', backoff: 3, maxInterval: '5s' })));
    episode = await again.start();
    episode = await again.complete(0, failed('HttpError', '503', true));
    expect(addedTop(episode)).toEqual([`timer ${at(1000)}`]);
    episode = await again.fire(1);
    expect(addedTop(episode)).toEqual(['call sluice.http']);
    expect(episode.added[0].action.input).toMatchObject({ attempt: 2 });
    episode = await again.complete(2, failed('HttpError', '503', true));
    expect(addedTop(episode)).toEqual([`timer ${at(1000 + 3000)}`]);
    episode = await again.fire(3);
    episode = await again.complete(4, failed('HttpError', '503', true));
    expect(addedTop(episode)).toEqual([`timer ${at(4000 + 5000)}`]); // 9s capped at 5s
    episode = await again.fire(5);
    episode = await again.complete(6, ok({ status: 200 }));
    expect(episode.output).toEqual({ status: 200 });
  });

  it('does not retry non-retryable errors by default, and `on` retries exactly the names listed', async () => {
    let host = new ReplayHost(sluiceHandler(), inputFor(definition({ maxAttempts: 3 })));
    await host.start();
    let episode = await host.complete(0, failed('HttpError', '404', false));
    expect(episode.failed).toBe(true);
    expect(JSON.parse(episode.error!).name).toBe('HttpError');

    host = new ReplayHost(sluiceHandler(), inputFor(definition({ maxAttempts: 3, on: ['HttpError'] })));
    await host.start();
    episode = await host.complete(0, failed('HttpError', '404', false));
    expect(addedTop(episode)).toHaveLength(1);
    episode = await host.fire(1);
    episode = await host.complete(2, failed('CosmosError', '503', true));
    expect(episode.failed).toBe(true);
    expect(JSON.parse(episode.error!)).toMatchObject({ name: 'CosmosError' });
  });

  it('treats each kind of failure of a later attempt as it treats the first attempt’s, then catches', async () => {
    const definition: WorkflowDefinition = {
      name: 'later-attempts',
      steps: [
        {
          id: 'call',
          http: { url: 'https://e.com' },
          retry: { maxAttempts: 4, interval: '1s', backoff: 1, on: ['HttpError', 'ActivityError'] },
          catch: [{ steps: [{ id: 'seen', set: '${{ error }}' }] }],
        },
        { id: 'after', set: { call: '${{ steps.call.output }}', seen: '${{ steps.seen.output }}' } },
      ],
    };
    const host = new ReplayHost(sluiceHandler(), inputFor(definition, {}, { record: true }));
    await host.start();
    await host.complete(0, null); // sluice.run.started
    let episode = await host.complete(1, failed('HttpError', '503', true));
    expect(addedTop(episode)).toEqual([`timer ${at(1000)}`]);
    episode = await host.fire(2);
    episode = await host.fail(3, "Activity function 'sluice.http' failed: crashed"); // TaskFailed: ActivityError
    expect(addedTop(episode)).toEqual([`timer ${at(2000)}`]);
    episode = await host.fire(4);
    episode = await host.complete(5, null); // no StepActivityResult: ActivityError
    expect(addedTop(episode)).toEqual([`timer ${at(3000)}`]);
    episode = await host.fire(6);
    expect(episode.added[0].action.input).toMatchObject({ attempt: 4 });
    episode = await host.complete(7, failed('CosmosError', 'gone', true)); // retries spent: caught
    const seen = { name: 'CosmosError', message: 'gone', step: 'call' };
    expect(addedTop(episode)).toEqual(['call sluice.run.finished']);
    const finished = episode.added[0].action.input as { status: string; steps: Array<{ path: string; status: string; error?: unknown }> };
    expect(finished.status).toBe('Completed');
    expect(finished.steps.find((s) => s.path === 'call')).toMatchObject({ status: 'Failed', error: seen });
    episode = await host.complete(8, null);
    expect(episode.output).toEqual({ call: seen, seen });
  });

  it('jitters deterministically within ±20%, seeded by run, step and attempt', () => {
    const policy = { maxAttempts: 5, intervalMs: 10_000, backoff: 1, jitter: true };
    const error = { name: 'HttpError', message: '', retryable: true };
    const first = retryDelayMs(policy, error, 1, 'run-1|call')!;
    expect(retryDelayMs(policy, error, 1, 'run-1|call')).toBe(first);
    expect(first).toBeGreaterThanOrEqual(8000);
    expect(first).toBeLessThanOrEqual(12000);
    const delays = new Set([1, 2, 3, 4].map((attempt) => retryDelayMs(policy, error, attempt, 'run-1|call')));
    expect(delays.size).toBeGreaterThan(1);
    expect(retryDelayMs(policy, error, 1, 'run-2|call')).not.toBe(first);
    const units = Array.from({ length: 1000 }, (_, i) => seededUnit(`s${i}`));
    expect(Math.min(...units)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...units)).toBeLessThan(1);
  });

  it('replays a jittered retry with the same timer', async () => {
    const host = new ReplayHost(sluiceHandler(), inputFor(definition({ maxAttempts: 2, interval: '10s', jitter: true })));
    await host.start();
    const episode = await host.complete(0, failed('HttpError', '503', true));
    const expected = retryDelayMs({ maxAttempts: 2, intervalMs: 10_000, backoff: 2, jitter: true }, { name: 'HttpError', message: '', retryable: true }, 1, 'run-1|call')!;
    expect(addedTop(episode)).toEqual([`timer ${at(expected)}`]);
    expect(expected).not.toBe(10_000);
  });
});

suite('timeout', () => {
  const definition: WorkflowDefinition = { name: 'slow', defaults: { timeout: '30s' }, steps: [{ id: 'call', activity: 'slow' }] };

  it('races the activity with a timer and cancels the timer when the activity wins', async () => {
    const host = new ReplayHost(sluiceHandler(), inputFor(definition));
    let episode = await host.start();
    expect(addedTop(episode)).toEqual([`any[call sluice.activity, timer ${at(30_000)}]`]);
    expect(episode.added[1].action.input).toMatchObject({ timeoutMs: 30_000 });
    episode = await host.complete(0, ok('fast'));
    expect(episode.output).toBe('fast');
    expect(episode.state.actions[0][0].compoundActions![1].isCanceled).toBe(true);
  });

  it('fails the step with Timeout when the timer wins; the late result is ignored', async () => {
    const host = new ReplayHost(sluiceHandler(), inputFor({ ...definition, steps: [{ id: 'call', activity: 'slow', catch: [{ errors: ['Timeout'], steps: [{ id: 'late', set: '${{ error }}' as never }] }] }] }));
    await host.start();
    let episode = await host.fire(1);
    expect(episode.output).toEqual({ name: 'Timeout', message: 'step `call` did not finish within 30000 ms', step: 'call' });
    episode = await host.complete(0, ok('too late'));
    expect(episode.output).toEqual({ name: 'Timeout', message: 'step `call` did not finish within 30000 ms', step: 'call' });
  });
});

suite('catch, fail and dead letter', () => {
  it('runs the first matching catch clause in place of the failed step; its last output becomes the step output', async () => {
    const definition: WorkflowDefinition = {
      name: 'caught',
      steps: [
        {
          id: 'risky',
          fail: { error: 'OrderRejected', message: 'order ${{ input.id }} rejected' },
          catch: [
            { errors: ['HttpError'], steps: [{ id: 'never', set: { wrong: true } }] },
            { steps: [{ id: 'handled', set: { seen: '${{ error }}' } }] },
          ],
        },
        { id: 'next', set: { from: '${{ steps.risky.output }}', handled: '${{ steps.handled.output.seen.name }}' } },
      ],
    };
    const host = new ReplayHost(sluiceHandler(), inputFor(definition, { id: 7 }));
    const episode = await host.start();
    const seen = { name: 'OrderRejected', message: 'order 7 rejected', step: 'risky' };
    expect(episode.output).toEqual({ from: { seen }, handled: 'OrderRejected' });
  });

  it('sends a dead letter through sluice.queue, records the run, then fails with {name, message, step}', async () => {
    const definition: WorkflowDefinition = {
      name: 'doomed',
      deadLetter: { queue: 'doomed-dlq' },
      steps: [{ id: 'call', http: { url: 'https://e.com' }, retry: { maxAttempts: 2, interval: '1s' } }],
    };
    const input = inputFor(definition, { orderId: 'o1' }, { record: true });
    const host = new ReplayHost(sluiceHandler(), input);
    let episode = await host.start();
    expect(addedTop(episode)).toEqual(['call sluice.run.started']);
    expect(episode.added[0].action.input).toMatchObject({ id: 'run-1', workflow: 'doomed', definitionHash: input.hash, trigger: { kind: 'api' } });
    episode = await host.complete(0, null);
    episode = await host.complete(1, failed('HttpError', '503', true));
    episode = await host.fire(2);
    episode = await host.complete(3, failed('HttpError', '502', true));
    expect(addedTop(episode)).toEqual(['call sluice.queue']);
    expect(episode.added[0].action.input).toMatchObject({
      stepPath: '$deadLetter',
      config: {
        name: 'doomed-dlq',
        message: {
          runId: 'run-1',
          workflow: 'doomed',
          definitionHash: input.hash,
          input: { orderId: 'o1' },
          trigger: { kind: 'api' },
          failedStep: 'call',
          error: { name: 'HttpError', message: '502' },
          attempts: 2,
        },
      },
    });
    episode = await host.complete(4, ok({ messageId: 'm1' }));
    expect(addedTop(episode)).toEqual(['call sluice.run.finished']);
    expect(episode.added[0].action.input).toMatchObject({
      id: 'run-1',
      status: 'DeadLettered',
      error: { name: 'HttpError', message: '502', step: 'call' },
      deadLetter: { queue: 'doomed-dlq', messageId: 'm1' },
      steps: [{ path: 'call', kind: 'http', status: 'Failed' }],
    });
    episode = await host.complete(5, null);
    expect(episode.failed).toBe(true);
    expect(JSON.parse(episode.error!)).toEqual({ name: 'HttpError', message: '502', step: 'call' });
  });
});

suite('ai fail-open', () => {
  const definition = (failOpen?: boolean): WorkflowDefinition => ({
    name: 'classify',
    steps: [
      {
        id: 'classify',
        ai: { prompt: 'Classify ${{ input.text }}', fallback: { category: 'standard' }, ...(failOpen === undefined ? {} : { failOpen }) },
        retry: { maxAttempts: 2, interval: '1s' },
      },
    ],
  });

  it('retries first, then yields the fallback and marks the step degraded', async () => {
    const host = new ReplayHost(sluiceHandler(), inputFor(definition(), { text: 'hi' }, { record: true }));
    await host.start();
    let episode = await host.complete(0, null);
    expect(episode.added[0].action.input).toMatchObject({ config: { prompt: 'Classify hi' } });
    episode = await host.complete(1, failed('AiError', '429', true));
    episode = await host.fire(2);
    episode = await host.complete(3, failed('AiError', '503', true));
    expect(addedTop(episode)).toEqual(['call sluice.run.finished']);
    expect(episode.added[0].action.input).toMatchObject({
      status: 'Completed',
      output: { category: 'standard' },
      steps: [{ path: 'classify', status: 'Degraded', degraded: { reason: 'AiError: 503' } }],
    });
    episode = await host.complete(4, null);
    expect(episode.output).toEqual({ category: 'standard' });
  });

  it('fails as an ordinary AiError when failOpen is false', async () => {
    const host = new ReplayHost(sluiceHandler(), inputFor(definition(false), { text: 'hi' }));
    await host.start();
    const episode = await host.complete(0, failed('AiError', 'bad request', false));
    expect(JSON.parse(episode.error!)).toEqual({ name: 'AiError', message: 'bad request', step: 'classify' });
  });
});

suite('timeout on a composite step', () => {
  const definition: WorkflowDefinition = {
    name: 'timed-group',
    steps: [
      {
        id: 'group',
        timeout: '1m',
        steps: [{ id: 'one', activity: 'one' }, { id: 'two', set: { got: '${{ steps.one.output }}' } }],
        catch: [{ errors: ['Timeout'], steps: [{ id: 'late', set: 'timed out' as never }] }],
      },
      { id: 'after', set: { group: '${{ steps.group.output }}', two: '${{ steps.two.output }}' } },
    ],
  };

  it('v3: runs the attempt as a child orchestration raced with a timer; inner outputs come back to the run', async () => {
    const host = new ReplayHost(sluiceHandler(), inputFor(definition, {}, { version: 3 }));
    let episode = await host.start();
    expect(addedTop(episode)).toEqual([`any[sub sluice run-1:group:1, timer ${at(60_000)}]`]);
    const childInput = episode.added[1].action.input as { fragment: { kind: string; attempt: number } };
    expect(childInput.fragment).toMatchObject({ kind: 'step', step: 'group', path: 'group', attempt: 1 });

    const child = new ReplayHost(sluiceHandler(), childInput, { instanceId: 'run-1:group:1' });
    await child.start();
    const childEnd = await child.complete(0, ok('ONE'));
    expect(childEnd.output).toMatchObject({ outputs: [{ got: 'ONE' }], steps: { one: { output: 'ONE' }, two: { output: { got: 'ONE' } } } });
    expect((childEnd.output as { records: Array<{ path: string }> }).records.map((r) => r.path)).toEqual(['group.one', 'group.two']);

    episode = await host.complete(0, childEnd.output);
    expect(episode.output).toEqual({ group: { got: 'ONE' }, two: { got: 'ONE' } });
    expect(episode.state.actions[0][0].compoundActions![1].isCanceled).toBe(true);
  });

  it('fails the step with Timeout when the timer wins', async () => {
    const host = new ReplayHost(sluiceHandler(), inputFor(definition));
    await host.start();
    const episode = await host.fire(1);
    expect(episode.output).toEqual({ group: 'timed out', two: null });
  });
});
