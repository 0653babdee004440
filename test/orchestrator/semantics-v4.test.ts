/**
 * Interpreter version 4 (issue #16), history in, actions out: a bounded forEach is a true sliding window
 * (a free slot is refilled the moment any item is done), and a timeout is a deadline after which the
 * timed work starts nothing: composite and wait steps, the workflow's own `timeout`, and the children
 * started under a deadline.
 */
import { describe as suite, expect, it } from 'vitest';
import type { WorkflowDefinition } from '../../engine/definition/workflow.generated';
import { addedTop, ReplayHost } from './harness';
import { inputFor, ok, sluiceHandler } from './workflows';

const T0 = Date.parse('2026-01-01T00:00:00.000Z');
const at = (ms: number) => new Date(T0 + ms).toISOString();
const lane = (items: unknown[]) => ({ outputs: items, records: [] });

suite('forEach concurrency: a sliding window (v4)', () => {
  const definition: WorkflowDefinition = {
    name: 'window',
    steps: [{ id: 'each', forEach: { items: '${{ input.items }}', concurrency: 3, steps: [{ id: 'work', activity: 'work', input: '${{ item }}' as never }] } }],
  };
  const items = ['a', 'b', 'c', 'd', 'e', 'f', 'g'];

  it('refills a free slot at once while a slow item is still running (v3 lanes did not)', async () => {
    const host = new ReplayHost(sluiceHandler(), inputFor(definition, { items }));
    let episode = await host.start();
    expect(addedTop(episode)).toEqual(['any[sub sluice run-1:each:batch0, sub sluice run-1:each:batch1, sub sluice run-1:each:batch2]']);
    // Item 0 is slow. Items 1, 3, 4… finish one after the other: each completion starts the next item.
    episode = await host.complete(1, lane(['B']));
    expect(addedTop(episode)).toEqual(['any[sub sluice run-1:each:batch3]']);
    episode = await host.complete(3, lane(['D']));
    expect(addedTop(episode)).toEqual(['any[sub sluice run-1:each:batch4]']);
    episode = await host.complete(2, lane(['C']));
    expect(addedTop(episode)).toEqual(['any[sub sluice run-1:each:batch5]']);
    episode = await host.complete(4, lane(['E']));
    expect(addedTop(episode)).toEqual(['any[sub sluice run-1:each:batch6]']);
    // At most 3 in flight: 0, 5 and 6. The slow one finishes last.
    episode = await host.complete(5, lane(['F']));
    expect(addedTop(episode)).toEqual([]);
    episode = await host.complete(6, lane(['G']));
    episode = await host.complete(0, lane(['A']));
    expect(episode.output).toEqual(['A', 'B', 'C', 'D', 'E', 'F', 'G']);
  });

  it('a batch child runs its items one after the other with their indexes in the whole list', async () => {
    const host = new ReplayHost(sluiceHandler(), inputFor(definition, { items }));
    const episode = await host.start();
    const batch2 = episode.added.find((added) => added.action.instanceId === 'run-1:each:batch2')!.action.input as { fragment: { kind: string; items: unknown[]; offset: number; stride: number } };
    expect(batch2.fragment).toMatchObject({ kind: 'lane', items: ['c'], offset: 2, stride: 1 });
    const child = new ReplayHost(sluiceHandler(), batch2, { instanceId: 'run-1:each:batch2' });
    const started = await child.start();
    expect(started.added[0].action.input).toMatchObject({ stepPath: 'each[2].work', config: { input: 'c' } });
    expect((await child.complete(0, ok('C'))).output).toEqual({ outputs: ['C'], records: [] });
  });

  it('keeps at most 4 batches per slot (and 100 in all): 100 items with a bound of 5 are 20 batches of 5, 1,000 with a bound of 50 are 100 of 10', async () => {
    const many = Array.from({ length: 100 }, (_, i) => i);
    const host = new ReplayHost(sluiceHandler(), inputFor({ ...definition, steps: [{ ...definition.steps[0], forEach: { ...(definition.steps[0] as any).forEach, concurrency: 5 } }] }, { items: many }));
    const episode = await host.start();
    expect(addedTop(episode)).toEqual([`any[${[0, 5, 10, 15, 20].map((i) => `sub sluice run-1:each:batch${i}`).join(', ')}]`]);
    const second = episode.added.find((added) => added.action.instanceId === 'run-1:each:batch5')!;
    expect((second.action.input as { fragment: { items: unknown[] } }).fragment.items).toEqual([5, 6, 7, 8, 9]);
    const thousand = Array.from({ length: 1000 }, (_, i) => i);
    const wide = new ReplayHost(sluiceHandler(), inputFor({ ...definition, steps: [{ ...definition.steps[0], forEach: { ...(definition.steps[0] as any).forEach, concurrency: 50 } }] }, { items: thousand }));
    const first = await wide.start();
    expect(first.added.filter((added) => added.action.actionType === 2).map((added) => added.action.instanceId)).toEqual(Array.from({ length: 50 }, (_, i) => `run-1:each:batch${i * 10}`));
  });
});

suite('timeouts are deadlines: no work of the timed step starts after it (v4)', () => {
  it('drops a timed group where it stands: its next step never starts, the run goes on', async () => {
    const definition: WorkflowDefinition = {
      name: 'timed-group',
      steps: [
        { id: 'group', timeout: '1m', steps: [{ id: 'one', activity: 'one' }, { id: 'two', activity: 'two' }], catch: [{ errors: ['Timeout'], steps: [{ id: 'late', set: 'timed out' as never }] }] },
        { id: 'next', waitForEvent: { name: 'go' } },
      ],
    };
    const host = new ReplayHost(sluiceHandler(), inputFor(definition));
    let episode = await host.start();
    expect(addedTop(episode)).toEqual([`any[call sluice.activity, timer ${at(60_000)}]`]);
    episode = await host.fire(1);
    expect(addedTop(episode)).toEqual(['event go']);
    // `one` answers late: `two` is never scheduled.
    episode = await host.complete(0, ok('ONE'));
    expect(addedTop(episode)).toEqual([]);
    episode = await host.raise('go', { fine: true });
    expect(episode.output).toEqual({ fine: true });
    expect([...host.scheduled.values()].filter((action) => action.functionName === 'sluice.activity')).toHaveLength(1);
  });

  it('finishes a timed group in time as before: the timer is cancelled', async () => {
    const definition: WorkflowDefinition = { name: 'quick-group', steps: [{ id: 'group', timeout: '1m', steps: [{ id: 'one', activity: 'one' }] }] };
    const host = new ReplayHost(sluiceHandler(), inputFor(definition));
    await host.start();
    const episode = await host.complete(0, ok('ONE'));
    expect(episode.output).toBe('ONE');
  });

  it('holds a waitForEvent step to its step `timeout` (v3 ignored it)', async () => {
    const definition: WorkflowDefinition = { name: 'timed-wait', steps: [{ id: 'approval', waitForEvent: { name: 'approved' }, timeout: '10m' }] };
    const host = new ReplayHost(sluiceHandler(), inputFor(definition));
    let episode = await host.start();
    expect(addedTop(episode)).toEqual([`any[event approved, timer ${at(600_000)}]`]);
    episode = await host.fire(host.idOf((action) => action.actionType === 5));
    expect(episode.failed).toBe(true);
    expect(JSON.parse(episode.error!)).toMatchObject({ name: 'Timeout', step: 'approval' });

    const v3 = new ReplayHost(sluiceHandler(), inputFor(definition, {}, { version: 3 }));
    expect(addedTop(await v3.start())).toEqual(['event approved']);
  });

  it("fails the run with Timeout at the workflow's own timeout and dead-letters it", async () => {
    const definition: WorkflowDefinition = {
      name: 'timed-run',
      timeout: '5m',
      deadLetter: { queue: 'timed-dlq' },
      steps: [{ id: 'wait', waitForEvent: { name: 'go' } }, { id: 'after', activity: 'after' }],
    };
    const host = new ReplayHost(sluiceHandler(), inputFor(definition));
    let episode = await host.start();
    expect(addedTop(episode)).toEqual([`any[event go, timer ${at(300_000)}]`]);
    episode = await host.fire(host.idOf((action) => action.actionType === 5));
    expect(addedTop(episode)).toEqual(['call sluice.queue']);
    expect(episode.added[0].action.input).toMatchObject({ config: { name: 'timed-dlq', message: { error: { name: 'Timeout' } } } });
    episode = await host.complete(host.idOf((action) => action.functionName === 'sluice.queue'), ok({ messageId: 'm-1' }));
    expect(episode.failed).toBe(true);
    expect(JSON.parse(episode.error!)).toMatchObject({ name: 'Timeout', step: '$run' });
  });

  it('gives children the deadline they were started under, and a child past it starts nothing', async () => {
    const definition: WorkflowDefinition = {
      name: 'timed-each',
      steps: [{ id: 'each', timeout: '1m', forEach: { items: '${{ input.items }}', concurrency: 1, steps: [{ id: 'work', activity: 'work' }] } }],
    };
    const host = new ReplayHost(sluiceHandler(), inputFor(definition, { items: [1, 2] }));
    const episode = await host.start();
    const child = episode.added.find((added) => added.action.actionType === 2)!.action.input as { deadline: number };
    expect(child.deadline).toBe(T0 + 60_000);
    const late = new ReplayHost(sluiceHandler(), child, { instanceId: 'run-1:each:batch0', start: at(61_000) });
    const ended = await late.start();
    expect(addedTop(ended)).toEqual([]);
    expect(ended.failed).toBe(true);
    expect(JSON.parse(ended.error!)).toMatchObject({ name: 'Timeout' });
  });

  it('gives a sub-workflow the nearer of its step timeout and the deadline around it', async () => {
    const child: WorkflowDefinition = { name: 'child', steps: [{ id: 'c', activity: 'c' }] };
    const definition: WorkflowDefinition = { name: 'parent', timeout: '10m', steps: [{ id: 'sub', workflow: 'child', timeout: '2m' }] };
    const host = new ReplayHost(sluiceHandler(), inputFor(definition, {}, { workflows: [child] }));
    const episode = await host.start();
    const childInput = episode.added.find((added) => added.action.actionType === 2)!.action.input as { deadline: number };
    expect(childInput.deadline).toBe(T0 + 120_000);
  });
});

suite('inputs and fallbacks are what their schemas promise (v4)', () => {
  const child: WorkflowDefinition = {
    name: 'child',
    input: { type: 'object', required: ['n'], properties: { n: { type: 'number' } } },
    steps: [{ id: 'double', set: { value: '${{ input.n * 2 }}' } }],
  };

  it("checks a sub-workflow's input against the child's schema before any step of the child runs", async () => {
    const parent: WorkflowDefinition = { name: 'parent', steps: [{ id: 'sub', workflow: 'child', input: { n: '${{ input.text }}' } }] };
    const host = new ReplayHost(sluiceHandler(), inputFor(parent, { text: 'not a number' }, { workflows: [child] }));
    const episode = await host.start();
    const childInput = episode.added.find((added) => added.action.actionType === 2)!.action.input;
    const run = new ReplayHost(sluiceHandler(), childInput, { instanceId: 'run-1:sub:1' });
    const ended = await run.start();
    expect(ended.failed).toBe(true);
    expect(JSON.parse(ended.error!)).toMatchObject({ name: 'ValidationError', step: '$input' });
    expect(JSON.parse(ended.error!).message).toMatch(/\/n must be number/);
    const failed = await host.fail(0, ended.error!);
    expect(JSON.parse(failed.error!)).toMatchObject({ name: 'ValidationError', step: 'sub' });
  });

  it('refuses, at its start, a run whose input no starter checked (a start through the Durable API)', async () => {
    const host = new ReplayHost(sluiceHandler(), inputFor(child, { n: 'x' }));
    const ended = await host.start();
    expect(addedTop(ended)).toEqual([]);
    expect(JSON.parse(ended.error!)).toMatchObject({ name: 'ValidationError' });
    expect((await new ReplayHost(sluiceHandler(), inputFor(child, { n: 4 })).start()).output).toEqual({ value: 8 });
  });

  it("fails an ai step whose evaluated fallback breaks its output schema with ValidationError, instead of going on with it", async () => {
    const definition: WorkflowDefinition = {
      name: 'ai-fallback',
      steps: [
        {
          id: 'classify',
          ai: {
            prompt: 'classify ${{ input.text }}',
            output: { type: 'object', required: ['category'], properties: { category: { enum: ['fraud', 'standard'] } } },
            fallback: { category: '${{ input.defaultCategory }}' },
          },
        },
      ],
    };
    const failedAi = { ok: false, error: { name: 'AiError', message: 'model unavailable', retryable: false } };
    const good = new ReplayHost(sluiceHandler(), inputFor(definition, { text: 't', defaultCategory: 'standard' }));
    await good.start();
    expect((await good.complete(0, failedAi)).output).toEqual({ category: 'standard' });

    const bad = new ReplayHost(sluiceHandler(), inputFor(definition, { text: 't', defaultCategory: 'maybe' }));
    await bad.start();
    const ended = await bad.complete(0, failedAi);
    expect(ended.failed).toBe(true);
    expect(JSON.parse(ended.error!)).toMatchObject({ name: 'ValidationError', step: 'classify' });
    expect(JSON.parse(ended.error!).message).toMatch(/fallback .* does not satisfy its `output` schema.*after AiError/);
  });
});
