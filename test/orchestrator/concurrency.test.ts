import { describe as suite, expect, it } from 'vitest';
import type { WorkflowDefinition } from '../../engine/definition/workflow.generated';
import { addedTop, ReplayHost, type Action } from './harness';
import { inputFor, ok, sluiceHandler } from './workflows';

suite('parallel', () => {
  it('schedules every single-task child in one Task.all and outputs {childId: output}', async () => {
    const definition: WorkflowDefinition = {
      name: 'par',
      steps: [
        { id: 'both', parallel: [{ id: 'x', activity: 'ax' }, { id: 'y', http: { url: 'https://e.com' } }] },
        { id: 'after', set: { x: '${{ steps.x.output }}', both: '${{ steps.both.output }}' } },
      ],
    };
    const host = new ReplayHost(sluiceHandler(), inputFor(definition));
    let episode = await host.start();
    expect(addedTop(episode)).toEqual(['all[call sluice.activity, call sluice.http]']);
    episode = await host.complete(1, ok('Y'));
    expect(episode.top).toEqual([]);
    episode = await host.complete(0, ok('X'));
    expect(episode.output).toEqual({ x: 'X', both: { x: 'X', y: 'Y' } });
  });

  it('interleaves multi-step branches without ever repeating a scheduled task', async () => {
    const definition: WorkflowDefinition = {
      name: 'branches',
      steps: [
        {
          id: 'p',
          parallel: [
            { id: 'left', steps: [{ id: 'l1', activity: 'l1' }, { id: 'l2', activity: 'l2' }] },
            { id: 'right', steps: [{ id: 'r1', activity: 'r1' }, { id: 'r2', activity: 'r2' }] },
          ],
        },
      ],
    };
    const host = new ReplayHost(sluiceHandler(), inputFor(definition));
    let episode = await host.start();
    expect(addedTop(episode)).toEqual(['all[call sluice.activity, call sluice.activity]']);
    episode = await host.complete(0, ok('L1'));
    episode = await host.complete(1, ok('R1'));
    // Both second steps are fresh: one new compound holding only them.
    expect(addedTop(episode)).toEqual(['all[call sluice.activity, call sluice.activity]']);
    expect(episode.added.slice(1).map((a) => (a.action.input as { stepPath: string }).stepPath)).toEqual(['p.left.l2', 'p.right.r2']);
    episode = await host.complete(3, ok('R2'));
    episode = await host.complete(2, ok('L2'));
    expect(episode.output).toEqual({ left: 'L2', right: 'R2' });
  });
});

suite('forEach', () => {
  const definition = (concurrency?: number): WorkflowDefinition => ({
    name: 'each',
    steps: [
      { id: 'seed', set: { factor: 10 } },
      {
        id: 'perLine',
        forEach: {
          items: '${{ input.lines }}',
          as: 'line',
          ...(concurrency ? { concurrency } : {}),
          steps: [
            { id: 'check', activity: 'check', input: { line: '${{ line }}', index: '${{ index }}', factor: '${{ steps.seed.output.factor }}' } },
            { id: 'twice', set: { value: '${{ steps.check.output * 2 }}' } },
          ],
        },
      },
    ],
  });

  it('without a bound fans out in one Task.all and keeps item order in the output', async () => {
    const host = new ReplayHost(sluiceHandler(), inputFor(definition(), { lines: ['a', 'b', 'c'] }));
    let episode = await host.start();
    expect(addedTop(episode)).toEqual(['all[call sluice.activity, call sluice.activity, call sluice.activity]']);
    expect(episode.added.slice(1).map((a) => (a.action.input as { stepPath: string; config: unknown }).stepPath)).toEqual([
      'perLine[0].check',
      'perLine[1].check',
      'perLine[2].check',
    ]);
    expect((episode.added[2].action.input as { config: unknown }).config).toEqual({ name: 'check', input: { line: 'b', index: 1, factor: 10 } });
    episode = await host.complete(2, ok(3));
    episode = await host.complete(0, ok(1));
    episode = await host.complete(1, ok(2));
    expect(episode.output).toEqual([{ value: 2 }, { value: 4 }, { value: 6 }]);
  });

  it('v3: with concurrency N runs N lanes, lane k taking items k, k+N, … one after the other', async () => {
    const lines = Array.from({ length: 7 }, (_, i) => `l${i}`);
    const host = new ReplayHost(sluiceHandler(), inputFor(definition(3), { lines }, { version: 3 }));
    let episode = await host.start();
    expect(addedTop(episode)).toEqual(['all[sub sluice run-1:perLine:lane0, sub sluice run-1:perLine:lane1, sub sluice run-1:perLine:lane2]']);
    const lane1 = episode.added[2].action.input as { fragment: { kind: string; items: unknown[]; offset: number; stride: number } };
    expect(lane1.fragment).toMatchObject({ kind: 'lane', items: ['l1', 'l4'], offset: 1, stride: 3 });

    // A lane runs its items strictly one after the other, with their indexes in the whole list.
    const laneHost = new ReplayHost(sluiceHandler(), lane1, { instanceId: 'run-1:perLine:lane1' });
    let lane = await laneHost.start();
    expect(addedTop(lane)).toEqual(['call sluice.activity']);
    expect(lane.added[0].action.input).toMatchObject({ stepPath: 'perLine[1].check', run: { id: 'run-1' }, config: { input: { line: 'l1', index: 1 } } });
    lane = await laneHost.complete(0, ok(1));
    expect(addedTop(lane)).toEqual(['call sluice.activity']);
    expect(lane.added[0].action.input).toMatchObject({ stepPath: 'perLine[4].check' });
    lane = await laneHost.complete(1, ok(4));
    expect(lane.output).toEqual({ outputs: [{ value: 2 }, { value: 8 }], records: [] });

    episode = await host.complete(0, { outputs: [{ value: 0 }, { value: 6 }, { value: 12 }], records: [] });
    episode = await host.complete(2, { outputs: [{ value: 4 }, { value: 10 }], records: [] });
    episode = await host.complete(1, lane.output);
    expect(episode.output).toEqual(lines.map((_, i) => ({ value: i * 2 })));
  });

  it('v3: keeps a body that waits for events in the run itself, at most N iterations in flight', async () => {
    const waiting: WorkflowDefinition = {
      name: 'each-event',
      steps: [
        {
          id: 'perLine',
          forEach: {
            items: '${{ input.lines }}',
            concurrency: 2,
            steps: [{ id: 'check', activity: 'check', input: '${{ item }}' as never }, { id: 'go', waitForEvent: { name: 'go-${{ index }}' } }],
          },
        },
      ],
    };
    const host = new ReplayHost(sluiceHandler(), inputFor(waiting, { lines: ['a', 'b', 'c'] }, { version: 3 }));
    let episode = await host.start();
    expect(addedTop(episode)).toEqual(['any[call sluice.activity, call sluice.activity]']);
    episode = await host.complete(1, ok('B'));
    expect(addedTop(episode)).toEqual(['event go-1']);
    episode = await host.raise('go-1', 'g1');
    // Iteration 1 is done: iteration 2 starts while iteration 0 is still in flight.
    expect(addedTop(episode)).toEqual(['call sluice.activity']);
    episode = await host.complete(0, ok('A'));
    episode = await host.complete(2, ok('C'));
    expect(addedTop(episode)).toEqual(['any[event go-0, event go-2]']);
    episode = await host.raise('go-2', 'g2');
    episode = await host.raise('go-0', 'g0');
    expect(episode.output).toEqual(['g0', 'g1', 'g2']);
  });

  it('splits lists longer than the chunk size into child sluice orchestrations', async () => {
    const lines = Array.from({ length: 5 }, (_, i) => i);
    const input = inputFor(definition(), { lines });
    const host = new ReplayHost(sluiceHandler({ chunkSize: 2 }), input);
    let episode = await host.start();
    expect(addedTop(episode)).toEqual(['all[sub sluice run-1:perLine:chunk0, sub sluice run-1:perLine:chunk1, sub sluice run-1:perLine:chunk2]']);
    const child = episode.added[2].action.input as { fragment: { items: unknown[]; offset: number; scope: { steps: unknown } } };
    expect(child.fragment).toMatchObject({ items: [2, 3], offset: 2, scope: { steps: { seed: { output: { factor: 10 } } } } });

    // Run the second chunk as its own orchestration through the same handler.
    const chunkHost = new ReplayHost(sluiceHandler({ chunkSize: 2 }), child, { instanceId: 'run-1:perLine:chunk1' });
    let chunk = await chunkHost.start();
    expect(chunk.added.slice(1).map((a) => (a.action.input as { stepPath: string; run: { id: string } }).stepPath)).toEqual([
      'perLine[2].check',
      'perLine[3].check',
    ]);
    expect((chunk.added[1].action.input as { run: { id: string } }).run.id).toBe('run-1');
    chunk = await chunkHost.complete(0, ok(2));
    chunk = await chunkHost.complete(1, ok(3));
    expect(chunk.output).toEqual({ outputs: [{ value: 4 }, { value: 6 }], records: [] });

    episode = await host.complete(0, { outputs: [{ value: 0 }, { value: 2 }], records: [] });
    episode = await host.complete(1, chunk.output);
    episode = await host.complete(2, { outputs: [{ value: 8 }], records: [] });
    expect(episode.output).toEqual([0, 2, 4, 6, 8].map((value) => ({ value })));
  });

  it('v3: handles 10,000 items: 10 chunks one after the other, each with 50 lanes of 20 items', async () => {
    const lines = Array.from({ length: 10_000 }, (_, i) => i);
    const definition10k: WorkflowDefinition = {
      name: 'big',
      steps: [{ id: 'all', forEach: { items: '${{ input.lines }}', concurrency: 50, steps: [{ id: 'one', activity: 'one', input: '${{ item }}' as never }] } }],
    };
    const host = new ReplayHost(sluiceHandler(), inputFor(definition10k, { lines }, { version: 3 }));
    let episode = await host.start();
    expect(addedTop(episode)).toEqual(['sub sluice run-1:all:chunk0']);
    const chunkInput = episode.added[0].action.input as { fragment: { kind: string; items: unknown[] } };
    expect(chunkInput.fragment).toMatchObject({ kind: 'chunk', offset: 0, stride: 1 });
    expect(chunkInput.fragment.items).toHaveLength(1000);

    const chunkHost = new ReplayHost(sluiceHandler(), chunkInput, { instanceId: 'run-1:all:chunk0' });
    const chunk = await chunkHost.start();
    expect(chunk.top).toHaveLength(1);
    expect(chunk.added).toHaveLength(51); // all[50 lanes]
    const laneInput = chunk.added[50].action.input as { fragment: { items: unknown[]; offset: number; stride: number } };
    expect(laneInput.fragment).toMatchObject({ kind: 'lane', offset: 49, stride: 50 });
    expect(laneInput.fragment.items).toEqual(Array.from({ length: 20 }, (_, j) => 49 + j * 50));

    const laneHost = new ReplayHost(sluiceHandler(), laneInput, { instanceId: 'run-1:all:lane49' });
    let lane = await laneHost.start();
    for (let j = 0; j < 20; j++) lane = await laneHost.complete(j, ok(49 + j * 50));
    expect((lane.output as { outputs: unknown[] }).outputs).toEqual(laneInput.fragment.items);

    for (let k = 0; k < 10; k++) {
      episode = await host.complete(k, { outputs: lines.slice(k * 1000, k * 1000 + 1000), records: [] });
      if (k < 9) expect(addedTop(episode)).toEqual([`sub sluice run-1:all:chunk${k + 1}`]);
    }
    expect(episode.output).toEqual(lines);
  });

  it('runs 1,000 unbounded iterations in one chunk as one Task.all', async () => {
    const lines = Array.from({ length: 1000 }, (_, i) => i);
    const fan: WorkflowDefinition = { name: 'fan', steps: [{ id: 'all', forEach: { items: '${{ input.lines }}', steps: [{ id: 'one', activity: 'one', input: '${{ item }}' as never }] } }] };
    const host = new ReplayHost(sluiceHandler(), inputFor(fan, { lines }));
    let episode = await host.start();
    expect(episode.top).toHaveLength(1);
    expect(episode.top[0].compoundActions).toHaveLength(1000);
    episode = await host.completeMany(lines.slice(1).reverse().map((i): [number, unknown] => [i, ok(i * 2)]));
    expect(episode.done).toBe(false);
    episode = await host.complete(0, ok(0));
    expect(episode.output).toEqual(lines.map((i) => i * 2));
  });
});

export type { Action };
