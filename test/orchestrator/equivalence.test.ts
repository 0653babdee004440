/**
 * The same flows written by hand as durable-functions generators and as workflow definitions produce
 * the same actions, episode by episode, and the same output (bookkeeping off: `record: false`).
 */
import type * as df from 'durable-functions';
import { describe as suite, expect, it } from 'vitest';
import type { WorkflowDefinition } from '../../engine/definition/workflow.generated';
import { definitionOf, type RunInput } from '../../engine/plan/run-input';
import { handlerOfGenerator, ReplayHost, type Episode, type Handler } from './harness';
import { failed, inputFor, ok, sluiceHandler } from './workflows';

type Script = (host: ReplayHost) => Promise<Episode[]>;

async function play(handler: Handler, input: unknown, script: Script) {
  const host = new ReplayHost(handler, input);
  const episodes = [await host.start(), ...(await script(host))];
  return episodes.map((e) => ({ actions: JSON.parse(JSON.stringify(e.state.actions)), done: e.done, output: e.output ?? null }));
}

async function expectSame(definition: WorkflowDefinition, runInput: unknown, handwritten: df.OrchestrationHandler, script: Script) {
  const input = inputFor(definition, runInput);
  const fromYaml = await play(sluiceHandler(), input, script);
  const byHand = await play(handlerOfGenerator(handwritten), input, script);
  expect(fromYaml).toEqual(byHand);
  expect(fromYaml[fromYaml.length - 1].done).toBe(true);
  return fromYaml;
}

const ref = (context: df.OrchestrationContext) => {
  const input = context.df.getInput<RunInput>();
  return { id: context.df.instanceId, workflow: definitionOf(input).name };
};
const stepInput = (context: df.OrchestrationContext, stepPath: string, config: unknown, attempt = 1) => ({ run: ref(context), stepPath, attempt, config });

suite('equivalence with hand-written generators', () => {
  it('chain', async () => {
    const definition: WorkflowDefinition = {
      name: 'chain',
      steps: [
        { id: 'a', activity: 'hello', input: { name: '${{ input.name }}' } },
        { id: 'b', activity: 'hello', input: { name: '${{ steps.a.output }}' } },
      ],
    };
    function* handwritten(context: df.OrchestrationContext): Generator<df.Task, unknown, any> {
      const name = context.df.getInput<RunInput>().input as { name: string };
      const a = yield context.df.callActivity('sluice.activity', stepInput(context, 'a', { name: 'hello', input: { name: name.name } }));
      const b = yield context.df.callActivity('sluice.activity', stepInput(context, 'b', { name: 'hello', input: { name: a.output } }));
      return b.output;
    }
    const episodes = await expectSame(definition, { name: 'x' }, handwritten, async (host) => [await host.complete(0, ok('Hello x')), await host.complete(1, ok('Hello Hello x'))]);
    expect(episodes[2].output).toBe('Hello Hello x');
  });

  it('fan-out/fan-in', async () => {
    const definition: WorkflowDefinition = {
      name: 'fan',
      steps: [{ id: 'squares', forEach: { items: '${{ input.n }}', steps: [{ id: 'square', activity: 'square', input: '${{ item }}' as never }] } }],
    };
    function* handwritten(context: df.OrchestrationContext): Generator<df.Task, unknown, any> {
      const { n } = context.df.getInput<RunInput>().input as { n: number[] };
      const tasks = n.map((value, i) => context.df.callActivity('sluice.activity', stepInput(context, `squares[${i}].square`, { name: 'square', input: value })));
      const results = (yield context.df.Task.all(tasks)) as Array<{ output: unknown }>;
      return results.map((r) => r.output);
    }
    const episodes = await expectSame(definition, { n: [1, 2, 3, 4, 5] }, handwritten, async (host) => {
      const out = [];
      for (const id of [3, 0, 4, 1, 2]) out.push(await host.complete(id, ok((id + 1) ** 2)));
      return out;
    });
    expect(episodes[episodes.length - 1].output).toEqual([1, 4, 9, 16, 25]);
  });

  it('retry', async () => {
    const definition: WorkflowDefinition = { name: 'flaky', steps: [{ id: 'call', activity: 'flaky', retry: { maxAttempts: 3, interval: '1s', backoff: 2 } }] };
    function* handwritten(context: df.OrchestrationContext): Generator<df.Task, unknown, any> {
      for (let attempt = 1; ; attempt++) {
        const result = yield context.df.callActivity('sluice.activity', stepInput(context, 'call', { name: 'flaky', input: null }, attempt));
        if (result.ok) return result.output;
        if (attempt >= 3 || !result.error.retryable) throw new Error(JSON.stringify({ ...result.error, step: 'call' }));
        yield context.df.createTimer(new Date(context.df.currentUtcDateTime.getTime() + 1000 * 2 ** (attempt - 1)));
      }
    }
    await expectSame(definition, {}, handwritten, async (host) => [
      await host.complete(0, failed('ActivityError', 'flaky', true)),
      await host.fire(1),
      await host.complete(2, failed('ActivityError', 'flaky', true)),
      await host.fire(3),
      await host.complete(4, ok('ok after 3 attempts')),
    ]);
  });

  it('timer', async () => {
    const definition: WorkflowDefinition = { name: 'timer', steps: [{ id: 'pause', wait: '60s' }, { id: 'after', activity: 'after' }] };
    function* handwritten(context: df.OrchestrationContext): Generator<df.Task, unknown, any> {
      yield context.df.createTimer(new Date(context.df.currentUtcDateTime.getTime() + 60_000));
      const result = yield context.df.callActivity('sluice.activity', stepInput(context, 'after', { name: 'after', input: null }));
      return result.output;
    }
    await expectSame(definition, {}, handwritten, async (host) => [await host.fire(0), await host.complete(1, ok('done'))]);
  });

  it('external event with a timeout', async () => {
    const definition: WorkflowDefinition = { name: 'approval', steps: [{ id: 'approval', waitForEvent: { name: 'Approval', timeout: '1h' } }] };
    function* handwritten(context: df.OrchestrationContext): Generator<df.Task, unknown, any> {
      const event = context.df.waitForExternalEvent('Approval');
      const timer = context.df.createTimer(new Date(context.df.currentUtcDateTime.getTime() + 3_600_000));
      const winner = yield context.df.Task.any([event, timer]);
      if (winner !== event) throw new Error('timed out');
      timer.cancel();
      return event.result;
    }
    const episodes = await expectSame(definition, {}, handwritten, async (host) => [await host.raise('Approval', { by: 'alice', ok: true }, 300_000)]);
    expect(episodes[1].output).toEqual({ by: 'alice', ok: true });
  });
});
