/**
 * What the orchestrator tells run history (#17): steps numbered in execution order, caught failures
 * marked, set and workflow outputs, waits inside forEach items, and the open waits in its custom status.
 */
import { describe as suite, expect, it } from 'vitest';
import type { WorkflowDefinition } from '../../engine/definition/workflow.generated';
import { addedTop, ReplayHost } from './harness';
import { failed, inputFor, ok, sluiceHandler } from './workflows';

const T0 = Date.parse('2026-01-01T00:00:00.000Z');
const at = (ms: number) => new Date(T0 + ms).toISOString();

type Finished = { status: string; steps: Array<{ path: string; kind: string; status: string; seq?: number; caught?: boolean; output?: unknown }> };

const definition: WorkflowDefinition = {
  name: 'recorded',
  steps: [
    { id: 'zeta', set: { a: 1 } },
    { id: 'mid', set: { b: 2 } },
    { id: 'alpha', http: { url: 'https://e.com' }, catch: [{ steps: [{ id: 'fallback', set: { c: 3 } }] }] },
    { id: 'items', forEach: { items: [1, 2] as never, steps: [{ id: 'pause', wait: '1s' }] } },
    { id: 'ask', waitForEvent: { name: 'approval', timeout: '1h' } },
  ],
};

suite('run records', () => {
  it('numbers steps in execution order, marks the caught step, keeps set outputs and waits inside forEach, and shows open waits', async () => {
    const host = new ReplayHost(sluiceHandler(), inputFor(definition, {}, { record: true }));
    let episode = await host.start();
    episode = await host.complete(0, null); // sluice.run.started
    expect(addedTop(episode)).toEqual(['call sluice.http']);
    episode = await host.complete(1, failed('HttpError', '502', false));
    // Both waits of the forEach items are open: the custom status names them and when they wake.
    expect(episode.state.customStatus).toMatchObject({
      step: 'items', completed: 3, total: 5,
      waiting: [{ path: 'items[0].pause', kind: 'wait', until: at(1000) }, { path: 'items[1].pause', kind: 'wait', until: at(1000) }],
    });
    host.now = T0 + 1000;
    episode = await host.fire(2);
    episode = await host.fire(3);
    expect(episode.state.customStatus).toEqual({
      step: 'ask', completed: 4, total: 5,
      waiting: [{ path: 'ask', kind: 'waitForEvent', event: 'approval', until: at(1000 + 3_600_000) }],
    });
    episode = await host.raise('approval', { yes: true });
    expect(episode.state.customStatus).toEqual({ step: null, completed: 5, total: 5 });
    expect(addedTop(episode)).toEqual(['call sluice.run.finished']);
    const finished = episode.added[0]!.action.input as Finished;
    const byPath = Object.fromEntries(finished.steps.map((step) => [step.path, step]));
    const order = [...finished.steps].sort((a, b) => a.seq! - b.seq!).map((step) => step.path);
    expect(order).toEqual(['zeta', 'mid', 'alpha', 'alpha.catch[0].fallback', 'items', 'items[0].pause', 'items[1].pause', 'ask']);
    expect(byPath.zeta).toMatchObject({ kind: 'set', status: 'Completed', output: { a: 1 } });
    expect(byPath.alpha).toMatchObject({ status: 'Failed', caught: true });
    expect(byPath['alpha.catch[0].fallback']).toMatchObject({ output: { c: 3 } });
    expect(byPath['items[1].pause']).toMatchObject({ kind: 'wait', status: 'Completed' });
    expect(byPath.ask).toMatchObject({ kind: 'waitForEvent', output: { yes: true } });
    expect(byPath.items).not.toHaveProperty('caught');
  });

  it('keeps a sub-workflow step\'s output', async () => {
    const child: WorkflowDefinition = { name: 'child', steps: [{ id: 'one', set: { price: 9 } }] };
    const parent: WorkflowDefinition = { name: 'parent', steps: [{ id: 'price', workflow: 'child' }] };
    const host = new ReplayHost(sluiceHandler(), inputFor(parent, {}, { record: true, workflows: [child] }));
    let episode = await host.start();
    episode = await host.complete(0, null);
    episode = await host.complete(1, { price: 9 }); // the child orchestration's output
    expect(addedTop(episode)).toEqual(['call sluice.run.finished']);
    const finished = episode.added[0]!.action.input as Finished;
    expect(finished.steps).toEqual([expect.objectContaining({ path: 'price', kind: 'workflow', status: 'Completed', output: { price: 9 }, seq: 0 })]);
    void ok;
  });
});
