import { describe as suite, expect, it } from 'vitest';
import type { WorkflowDefinition } from '../../engine/definition/workflow.generated';
import { addedTop, ReplayHost } from './harness';
import { inputFor, ok, sluiceHandler } from './workflows';

const chain: WorkflowDefinition = {
  name: 'chain',
  steps: [
    { id: 'a', activity: 'hello', input: { name: '${{ input.name }}' } },
    { id: 'b', http: { url: 'https://example.com/${{ steps.a.output }}', headers: { Authorization: 'Bearer ${{ secrets.TOKEN }}' } } },
    { id: 'c', set: { greeting: '${{ steps.a.output }}', status: '${{ steps.b.output.status }}' } },
  ],
};

suite('chain', () => {
  it('runs steps in order, passes outputs on, keeps secrets verbatim and returns the last output', async () => {
    const host = new ReplayHost(sluiceHandler(), inputFor(chain, { name: 'x' }));
    let episode = await host.start();
    expect(addedTop(episode)).toEqual(['call sluice.activity']);
    expect(episode.added[0].action.input).toMatchObject({ stepPath: 'a', attempt: 1, config: { name: 'hello', input: { name: 'x' } } });
    episode = await host.complete(0, ok('Hello x'));
    expect(addedTop(episode)).toEqual(['call sluice.http']);
    expect(episode.added[0].action.input).toMatchObject({
      config: { url: 'https://example.com/Hello x', headers: { Authorization: 'Bearer ${{ secrets.TOKEN }}' } },
    });
    episode = await host.complete(1, ok({ status: 200, body: {} }));
    expect(episode.done).toBe(true);
    expect(episode.output).toEqual({ greeting: 'Hello x', status: 200 });
    expect(episode.state.customStatus).toEqual({ step: null, completed: 3, total: 3 });
  });
});
