/**
 * A redrive from a step (interpreter version 4, `RunInput.resume`), history in, actions out: the top-level
 * steps whose outputs are carried are not executed (their outputs feed later steps), the forEach at `from`
 * runs only the iterations not carried, and a version-3 run ignores the field.
 */
import { describe, expect, it } from 'vitest';
import type { WorkflowDefinition } from '../../engine/definition/workflow.generated';
import { addedTop, ReplayHost } from './harness';
import { inputFor, ok, sluiceHandler } from './workflows';

const definition: WorkflowDefinition = {
  name: 'resumable',
  steps: [
    { id: 'first', activity: 'one', input: '${{ input.key }}' as never },
    { id: 'second', activity: 'two', input: '${{ steps.first.output }}' as never },
    { id: 'each', forEach: { items: '${{ input.items }}', steps: [{ id: 'work', activity: 'work', input: '${{ item }}' as never }] } },
    { id: 'summary', set: { second: '${{ steps.second.output }}', each: '${{ steps.each.output }}' } as never },
  ],
};
const resume = { from: 'each', outputs: { first: 'F', second: 'S' }, iterations: { each: { '0': 'W-a', '2': 'W-c' } } };

describe('a redrive from a step (v4 resume)', () => {
  it('runs neither carried step nor carried iteration, and uses their outputs', async () => {
    const host = new ReplayHost(sluiceHandler(), { ...inputFor(definition, { key: 'k', items: ['a', 'b', 'c'] }), resume });
    let episode = await host.start();
    // Only iteration 1 is scheduled: steps first and second and iterations 0 and 2 are reused.
    expect(addedTop(episode)).toHaveLength(1);
    expect(addedTop(episode)[0]).toMatch(/sluice\.activity/);
    episode = await host.complete(0, ok('W-b'));
    expect(episode.done).toBe(true);
    expect(episode.output).toEqual({ second: 'S', each: ['W-a', 'W-b', 'W-c'] });
  });

  it('is ignored by a version 3 run', async () => {
    const host = new ReplayHost(sluiceHandler(), { ...inputFor(definition, { key: 'k', items: [] }, { version: 3 }), resume });
    const episode = await host.start();
    expect(addedTop(episode)).toHaveLength(1); // step first is scheduled
    expect(episode.done).toBe(false);
  });
});
