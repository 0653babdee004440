import { describe as suite, expect, it } from 'vitest';
import type { WorkflowDefinition } from '../../engine/definition/workflow.generated';
import { addedTop, ReplayHost, type Action } from './harness';
import { inputFor, ok, sluiceHandler } from './workflows';

const inFlight = (host: ReplayHost, done: Set<number>) =>
  [...host.scheduled.entries()].filter(([id, a]) => a.actionType === 0 && !done.has(id)).map(([id]) => id);

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

  it('with concurrency N never has more than N activities in flight and refills as they finish', async () => {
    const lines = Array.from({ length: 7 }, (_, i) => `l${i}`);
    const host = new ReplayHost(sluiceHandler(), inputFor(definition(3), { lines }));
    let episode = await host.start();
    expect(addedTop(episode)).toEqual(['any[call sluice.activity, call sluice.activity, call sluice.activity]']);
    const done = new Set<number>();
    let maxInFlight = 0;
    // Complete out of order: always the newest in-flight activity first.
    while (!episode.done) {
      const flying = inFlight(host, done);
      maxInFlight = Math.max(maxInFlight, flying.length);
      const id = flying[flying.length - 1];
      const index = Number(/\[(\d+)\]/.exec((host.scheduled.get(id)!.input as { stepPath: string }).stepPath)![1]);
      done.add(id);
      episode = await host.complete(id, ok(index));
    }
    expect(maxInFlight).toBe(3);
    expect(host.scheduled.size).toBe(7);
    expect(episode.output).toEqual(lines.map((_, i) => ({ value: i * 2 })));
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

  it('handles 10,000 items: 10 chunks in the parent, 1,000 iterations in a chunk', async () => {
    const lines = Array.from({ length: 10_000 }, (_, i) => i);
    const definition10k: WorkflowDefinition = {
      name: 'big',
      steps: [{ id: 'all', forEach: { items: '${{ input.lines }}', concurrency: 50, steps: [{ id: 'one', activity: 'one', input: '${{ item }}' as never }] } }],
    };
    const host = new ReplayHost(sluiceHandler(), inputFor(definition10k, { lines }));
    let episode = await host.start();
    expect(addedTop(episode)).toEqual(['sub sluice run-1:all:chunk0']);
    const chunkInput = episode.added[0].action.input as { fragment: { items: unknown[] } };
    expect(chunkInput.fragment.items).toHaveLength(1000);
    const chunkHost = new ReplayHost(sluiceHandler(), chunkInput, { instanceId: 'run-1:all:chunk0' });
    let chunk = await chunkHost.start();
    let completed = 0;
    const done = new Set<number>();
    while (!chunk.done) {
      const flying = inFlight(chunkHost, done);
      expect(flying.length).toBeLessThanOrEqual(50);
      done.add(flying[0]);
      chunk = await chunkHost.complete(flying[0], ok(completed++));
      if (completed > 1000) throw new Error('too many');
    }
    expect((chunk.output as { outputs: unknown[] }).outputs).toHaveLength(1000);
    for (let k = 0; k < 10; k++) {
      episode = await host.complete(k, { outputs: lines.slice(k * 1000, k * 1000 + 1000), records: [] });
      if (k < 9) expect(addedTop(episode)).toEqual([`sub sluice run-1:all:chunk${k + 1}`]);
    }
    expect(episode.output).toEqual(lines);
  }, 120_000);
});

export type { Action };
