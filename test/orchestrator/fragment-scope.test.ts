/**
 * Interpreter version 3: forEach lanes carry only the run input fields and earlier step outputs their
 * steps read, so a large fan-out does not copy the whole input into every child.
 */
import { describe as suite, expect, it } from 'vitest';
import type { WorkflowDefinition } from '../../engine/definition/workflow.generated';
import type { RunInput } from '../../engine/plan/run-input';
import { ReplayHost } from './harness';
import { inputFor, sluiceHandler } from './workflows';

const lines = Array.from({ length: 6 }, (_, i) => ({ sku: `s${i}`, qty: i + 1 }));

function laneInputs(definition: WorkflowDefinition): Promise<RunInput[]> {
  const host = new ReplayHost(sluiceHandler(), inputFor(definition, { orderId: 'o-1', lines, notes: 'x'.repeat(1000) }, { version: 3 }));
  return host.start().then((episode) => {
    const byInstance = new Map<string, RunInput>();
    for (const { action } of episode.added) {
      const call = action as { actionType: number; instanceId?: string; input?: unknown };
      if (call.actionType === 2) byInstance.set(String(call.instanceId), call.input as RunInput);
    }
    return [...byInstance.values()];
  });
}

const flow = (body: WorkflowDefinition['steps']): WorkflowDefinition => ({
  name: 'lanes',
  steps: [
    { id: 'big', set: { blob: 'y'.repeat(1000) } },
    { id: 'first', set: { tag: 'T' } },
    { id: 'each', forEach: { items: '${{ input.lines }}', as: 'line', concurrency: 2, steps: body } },
  ],
});

suite('fragment scope (interpreter v3)', () => {
  it('hands each lane only the input fields and step outputs its steps read', async () => {
    const lanes = await laneInputs(flow([{ id: 'check', activity: 'checkLine', input: { order: '${{ input.orderId }}', tag: '${{ steps.first.output.tag }}', line: '${{ line }}' } }]));
    expect(lanes).toHaveLength(2);
    for (const lane of lanes) {
      expect(lane.input).toEqual({ orderId: 'o-1' });
      expect(Object.keys(lane.fragment!.scope.steps)).toEqual(['first']);
      expect(lane.fragment!.items.length).toBe(3);
    }
  });

  it('keeps everything when a step reads the input or the step outputs as a whole', async () => {
    const lanes = await laneInputs(flow([{ id: 'check', activity: 'checkLine', input: { all: '${{ input }}', key: '${{ steps[line.sku] }}' } }]));
    for (const lane of lanes) {
      expect(lane.input).toEqual({ orderId: 'o-1', lines, notes: 'x'.repeat(1000) });
      expect(Object.keys(lane.fragment!.scope.steps).sort()).toEqual(['big', 'first']);
    }
  });
});
