import { describe as suite, expect, it } from 'vitest';
import type { WorkflowDefinition } from '../../engine/definition/workflow.generated';
import { definitionOf, type RunInput } from '../../engine/plan/run-input';
import { addedTop, ReplayHost } from './harness';
import { inputFor, ok, sluiceHandler } from './workflows';

const T0 = Date.parse('2026-01-01T00:00:00.000Z');
const at = (ms: number) => new Date(T0 + ms).toISOString();
const DAY = 86_400_000;

suite('switch and if', () => {
  const definition: WorkflowDefinition = {
    name: 'route',
    steps: [
      {
        id: 'route',
        switch: {
          cases: [
            { when: "${{ input.category == 'fraud' }}", steps: [{ id: 'review', set: 'review' as never }] },
            { when: '${{ input.amount > 100 }}', steps: [{ id: 'big', set: 'big' as never }, { id: 'big2', set: '${{ steps.big.output + "!" }}' as never }] },
          ],
          default: [{ id: 'plain', set: 'plain' as never }],
        },
      },
      { id: 'save', if: "${{ input.category != 'fraud' }}", activity: 'save' },
      { id: 'out', set: { route: '${{ steps.route.output }}', save: '${{ steps.save.output }}' } },
    ],
  };

  it.each([
    [{ category: 'fraud', amount: 500 }, 'review', null, false],
    [{ category: 'standard', amount: 500 }, 'big!', 'saved', true],
    [{ category: 'standard', amount: 5 }, 'plain', 'saved', true],
  ])('input %j routes to %s', async (input, route, save, calls) => {
    const host = new ReplayHost(sluiceHandler(), inputFor(definition, input));
    let episode = await host.start();
    expect(addedTop(episode)).toEqual(calls ? ['call sluice.activity'] : []);
    if (calls) episode = await host.complete(0, ok('saved'));
    expect(episode.output).toEqual({ route, save });
  });

  it('publishes progress as custom status', async () => {
    const host = new ReplayHost(sluiceHandler(), inputFor(definition, { category: 'x', amount: 1 }));
    const episode = await host.start();
    expect(episode.state.customStatus).toEqual({ step: 'save', completed: 1, total: 3 });
  });
});

suite('wait', () => {
  it('waits a duration, or until a timestamp', async () => {
    const definition: WorkflowDefinition = {
      name: 'sleepy',
      steps: [{ id: 'pause', wait: '${{ input.pause }}' }, { id: 'later', wait: { until: '${{ input.until }}' } }, { id: 'done', set: '${{ steps.pause.output }}' as never }],
    };
    const host = new ReplayHost(sluiceHandler(), inputFor(definition, { pause: '90s', until: at(10 * 60_000) }));
    let episode = await host.start();
    expect(addedTop(episode)).toEqual([`timer ${at(90_000)}`]);
    episode = await host.fire(0);
    expect(addedTop(episode)).toEqual([`timer ${at(10 * 60_000)}`]);
    episode = await host.fire(1);
    expect(episode.output).toBeNull();
  });

  it('lets the SDK split a 10-day wait into timers within maximumShortTimerDuration', async () => {
    const definition: WorkflowDefinition = { name: 'long', steps: [{ id: 'pause', wait: '10d' }, { id: 'after', activity: 'after' }] };
    const host = new ReplayHost(sluiceHandler(), inputFor(definition));
    let episode = await host.start();
    expect(addedTop(episode)).toEqual([`timer ${at(10 * DAY)}`]);
    episode = await host.fire(0); // segments at +3d, +6d, then +10d: ids 0, 1, 2
    expect(addedTop(episode)).toEqual(['call sluice.activity']);
    expect(episode.added[0].id).toBe(3);
    expect(host.now).toBe(T0 + 10 * DAY);
  });
});

suite('waitForEvent', () => {
  it('without a timeout waits for the event', async () => {
    const definition: WorkflowDefinition = { name: 'ev', steps: [{ id: 'approval', waitForEvent: { name: 'approved' } }] };
    const host = new ReplayHost(sluiceHandler(), inputFor(definition));
    let episode = await host.start();
    expect(addedTop(episode)).toEqual(['event approved']);
    episode = await host.raise('approved', { by: 'alice' });
    expect(episode.output).toEqual({ by: 'alice' });
  });

  const timed = (withDefault: boolean): WorkflowDefinition => ({
    name: 'ev',
    steps: [{ id: 'approval', waitForEvent: { name: 'approved', timeout: '1h', ...(withDefault ? { default: { approved: false } } : {}) } }],
  });

  it('with a timeout races a timer and cancels it when the event comes', async () => {
    const host = new ReplayHost(sluiceHandler(), inputFor(timed(true)));
    let episode = await host.start();
    expect(addedTop(episode)).toEqual([`any[event approved, timer ${at(3_600_000)}]`]);
    episode = await host.raise('approved', { approved: true }, 60_000);
    expect(episode.output).toEqual({ approved: true });
    expect(episode.state.actions[0][0].compoundActions![1].isCanceled).toBe(true);
  });

  it('on timeout outputs the default, or fails with Timeout without one', async () => {
    let host = new ReplayHost(sluiceHandler(), inputFor(timed(true)));
    await host.start();
    let episode = await host.fire(0);
    expect(episode.output).toEqual({ approved: false });

    host = new ReplayHost(sluiceHandler(), inputFor(timed(false)));
    await host.start();
    episode = await host.fire(0);
    expect(JSON.parse(episode.error!)).toMatchObject({ name: 'Timeout', step: 'approval' });
  });
});

suite('workflow', () => {
  const child: WorkflowDefinition = { name: 'child', steps: [{ id: 'inner', set: { doubled: '${{ input.n * 2 }}' } }] };
  const parent: WorkflowDefinition = {
    name: 'parent',
    steps: [{ id: 'call', workflow: 'child', input: { n: '${{ input.n }}' } }, { id: 'out', set: '${{ steps.call.output.doubled }}' as never }],
  };

  it('runs the child definition carried in the run input as a sluice sub-orchestration', async () => {
    const input = inputFor(parent, { n: 21 }, { workflows: [child] });
    expect(Object.keys(input.workflows!)).toEqual(['child']);
    const host = new ReplayHost(sluiceHandler(), input);
    let episode = await host.start();
    expect(addedTop(episode)).toEqual(['sub sluice run-1:call:1']);
    const childInput = episode.added[0].action.input as typeof input;
    expect(definitionOf(childInput as RunInput)).toEqual(child);
    expect(childInput).toMatchObject({ input: { n: 21 }, trigger: { kind: 'subWorkflow', source: 'run-1' }, parent: { runId: 'run-1', stepPath: 'call' } });

    const childHost = new ReplayHost(sluiceHandler(), childInput, { instanceId: 'run-1:call:1' });
    const childEpisode = await childHost.start();
    expect(childEpisode.output).toEqual({ doubled: 42 });
    episode = await host.complete(0, childEpisode.output);
    expect(episode.output).toBe(42);
  });

  it("turns a child's failure into the step's error", async () => {
    const failing: WorkflowDefinition = { name: 'child', steps: [{ id: 'inner', fail: { error: 'Nope', message: 'no' } }] };
    const input = inputFor(parent, { n: 1 }, { workflows: [failing] });
    const host = new ReplayHost(sluiceHandler(), input);
    const first = await host.start();
    const childHost = new ReplayHost(sluiceHandler(), first.added[0].action.input, { instanceId: 'run-1:call:1' });
    const childEpisode = await childHost.start();
    expect(childEpisode.failed).toBe(true);
    const episode = await host.fail(0, `Orchestrator function 'sluice' failed: ${childEpisode.error}`);
    expect(JSON.parse(episode.error!)).toEqual({ name: 'Nope', message: 'no (sub-workflow `child` step `inner`)', step: 'call' });
  });
});
