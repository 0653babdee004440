/**
 * What a forEach iteration sees of step outputs (orchestrator/scope.ts): its parent's outputs as they
 * were when it started, its own earlier steps, never another iteration's; and what it wrote stays inside
 * it. Iterations read their parent's map until their first write (copy on write), so these cases pin the
 * behaviour that must not change with it: replays of running instances depend on it.
 */
import { describe as suite, expect, it } from 'vitest';
import type { WorkflowDefinition } from '../../engine/definition/workflow.generated';
import { ReplayHost } from './harness';
import { failed, inputFor, ok, sluiceHandler } from './workflows';

const idsOf = (episode: { added: Array<{ id?: number; action: { input?: unknown } }> }) =>
  new Map(episode.added.filter((a) => a.id !== undefined).map((a) => [(a.action.input as { stepPath: string }).stepPath, a.id!]));

suite('forEach iteration scope', () => {
  it('sees earlier run outputs and its own steps, never another iteration’s; its ids stay inside it', async () => {
    const definition: WorkflowDefinition = {
      name: 'iterations',
      steps: [
        { id: 'seed', set: { factor: 10 } },
        {
          id: 'each',
          forEach: {
            items: '${{ input.items }}',
            steps: [
              { id: 'first', activity: 'a', input: '${{ item }}' },
              { id: 'second', set: { mine: '${{ steps.first.output }}', factor: '${{ steps.seed.output.factor }}', index: '${{ index }}' } },
            ],
          },
        },
        { id: 'after', set: { first: '${{ steps.first.output }}', second: '${{ steps.second.output }}', each: '${{ steps.each.output }}' } },
      ],
    };
    const host = new ReplayHost(sluiceHandler(), inputFor(definition, { items: ['x', 'y'] }));
    const ids = idsOf(await host.start());
    await host.complete(ids.get('each[1].first')!, ok('Y'));
    const episode = await host.complete(ids.get('each[0].first')!, ok('X'));
    expect(episode.output).toEqual({
      first: null,
      second: null,
      each: [
        { mine: 'X', factor: 10, index: 0 },
        { mine: 'Y', factor: 10, index: 1 },
      ],
    });
  });

  it('with a one-step body outputs each step’s output and leaves no inner id behind', async () => {
    const definition: WorkflowDefinition = {
      name: 'one-step',
      steps: [
        { id: 'each', forEach: { items: '${{ input.items }}', steps: [{ id: 'touch', activity: 'a', input: '${{ item }}' }] } },
        { id: 'after', set: { touch: '${{ steps.touch.output }}', each: '${{ steps.each.output }}' } },
      ],
    };
    const host = new ReplayHost(sluiceHandler(), inputFor(definition, { items: [1, 2, 3] }));
    const ids = idsOf(await host.start());
    const episode = await host.completeMany([0, 1, 2].map((i) => [ids.get(`each[${i}].touch`)!, ok(i * 10)]));
    expect(episode.output).toEqual({ touch: null, each: [0, 10, 20] });
  });

  it('keeps what a catch branch wrote for the iteration’s later steps only', async () => {
    const definition: WorkflowDefinition = {
      name: 'catching',
      steps: [
        {
          id: 'each',
          forEach: {
            items: '${{ input.items }}',
            steps: [
              { id: 'risky', activity: 'a', input: '${{ item }}', catch: [{ steps: [{ id: 'fallback', set: '${{ "caught " + item }}' }] }] },
              { id: 'report', set: { risky: '${{ steps.risky.output }}', fallback: '${{ steps.fallback.output }}' } },
            ],
          },
        },
        { id: 'after', set: { fallback: '${{ steps.fallback.output }}', each: '${{ steps.each.output }}' } },
      ],
    };
    const host = new ReplayHost(sluiceHandler(), inputFor(definition, { items: ['x', 'y'] }));
    const ids = idsOf(await host.start());
    await host.complete(ids.get('each[0].risky')!, failed('Boom', 'no', false));
    const episode = await host.complete(ids.get('each[1].risky')!, ok('fine'));
    expect(episode.output).toEqual({
      fallback: null,
      each: [
        { risky: 'caught x', fallback: 'caught x' },
        { risky: 'fine', fallback: null },
      ],
    });
  });

  it('inside a parallel branch does not see what a sibling branch wrote after the iteration began', async () => {
    const definition: WorkflowDefinition = {
      name: 'beside',
      steps: [
        {
          id: 'both',
          parallel: [
            {
              id: 'each',
              forEach: {
                items: '${{ input.items }}',
                steps: [
                  { id: 'first', activity: 'a', input: '${{ item }}' },
                  { id: 'seen', set: '${{ steps.sibling.output }}' },
                ],
              },
            },
            { id: 'sibling', activity: 'b' },
          ],
        },
        { id: 'after', set: { sibling: '${{ steps.sibling.output }}', each: '${{ steps.each.output }}' } },
      ],
    };
    const host = new ReplayHost(sluiceHandler(), inputFor(definition, { items: ['x', 'y'] }));
    const ids = idsOf(await host.start());
    await host.complete(ids.get('both.sibling')!, ok('S'));
    await host.complete(ids.get('both.each[0].first')!, ok('X'));
    const episode = await host.complete(ids.get('both.each[1].first')!, ok('Y'));
    expect(episode.output).toEqual({ sibling: 'S', each: [null, null] });
  });

  it('nests: inner iterations see the outer item and outputs, and keep their own', async () => {
    const definition: WorkflowDefinition = {
      name: 'nested',
      steps: [
        { id: 'seed', set: 'S' },
        {
          id: 'outer',
          forEach: {
            items: '${{ input.rows }}',
            as: 'row',
            steps: [
              { id: 'label', set: '${{ "row " + index }}' },
              {
                id: 'inner',
                forEach: {
                  items: '${{ row }}',
                  as: 'cell',
                  steps: [
                    { id: 'read', activity: 'a', input: '${{ cell }}' },
                    { id: 'cellOut', set: { cell: '${{ steps.read.output }}', label: '${{ steps.label.output }}', seed: '${{ steps.seed.output }}' } },
                  ],
                },
              },
              { id: 'rowOut', set: { label: '${{ steps.label.output }}', read: '${{ steps.read.output }}', inner: '${{ steps.inner.output }}' } },
            ],
          },
        },
      ],
    };
    const host = new ReplayHost(sluiceHandler(), inputFor(definition, { rows: [['a', 'b'], ['c']] }));
    const ids = idsOf(await host.start());
    await host.complete(ids.get('outer[1].inner[0].read')!, ok('C'));
    await host.complete(ids.get('outer[0].inner[1].read')!, ok('B'));
    const episode = await host.complete(ids.get('outer[0].inner[0].read')!, ok('A'));
    expect(episode.output).toEqual([
      { label: 'row 0', read: null, inner: [{ cell: 'A', label: 'row 0', seed: 'S' }, { cell: 'B', label: 'row 0', seed: 'S' }] },
      { label: 'row 1', read: null, inner: [{ cell: 'C', label: 'row 1', seed: 'S' }] },
    ]);
  });
});
