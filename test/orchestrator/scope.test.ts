/** The scope primitives (orchestrator/scope.ts): iteration scopes read their parent's outputs until they write. */
import { describe as suite, expect, it } from 'vitest';
import { catchScope, iterationScopes, ownSteps, runScope, setOutput, writtenConcurrently, type Scope } from '../../engine/orchestrator/scope';

const run = { id: 'r', workflow: 'w', startedAt: '2026-01-01T00:00:00.000Z' };
const first = { id: 'first' };
const last = { id: 'last' };

suite('iteration scopes', () => {
  for (const as of ['item', 'line']) {
    it(`(as ${as}) bind the item and index and see the parent's outputs without copying them`, () => {
      const parent = runScope({ n: 1 }, run, { seed: { output: 's' } });
      const scope = iterationScopes(parent, as, last)('x', 3);
      expect(Object.keys(scope)).toEqual(['input', 'steps', 'run', as, 'index']);
      expect(scope[as]).toBe('x');
      expect(scope.index).toBe(3);
      expect(scope.steps).toBe(parent.steps);
      expect(JSON.parse(JSON.stringify(scope))).toEqual({ input: { n: 1 }, steps: { seed: { output: 's' } }, run, [as]: 'x', index: 3 });
    });

    it(`(as ${as}) make their own map on the first write; the parent's stays as it was`, () => {
      const parent = runScope(null, run, { seed: { output: 's' } });
      const make = iterationScopes(parent, as, last);
      const a = make('a', 0);
      const b = make('b', 1);
      setOutput(a, first, 'A');
      expect(a.steps).toEqual({ seed: { output: 's' }, first: { output: 'A' } });
      expect(parent.steps).toEqual({ seed: { output: 's' } });
      expect(b.steps).toBe(parent.steps);
      setOutput(a, last, 'A2');
      expect(a.steps.last).toEqual({ output: 'A2' });
    });
  }

  it("drop the write of the body's last step while the map is still the parent's", () => {
    const parent = runScope(null, run);
    const scope = iterationScopes(parent, 'item', last)('x', 0);
    setOutput(scope, last, 'L');
    expect(parent.steps).toEqual({});
    expect(scope.steps).toBe(parent.steps);
  });

  it('copy up front in a map that parallel branches write into', () => {
    const parent = runScope(null, run, { seed: { output: 's' } });
    writtenConcurrently(parent);
    for (const as of ['item', 'line']) {
      const scope = iterationScopes(parent, as, last)('x', 0);
      expect(scope.steps).not.toBe(parent.steps);
      expect(scope.steps).toEqual(parent.steps);
      setOutput(scope, last, 'L');
      expect(scope.steps.last).toEqual({ output: 'L' });
      expect(parent.steps.last).toBeUndefined();
    }
  });

  it('nest: an inner iteration reads through to the same map until it writes', () => {
    const parent = runScope(null, run, { seed: { output: 's' } });
    const outer = iterationScopes(parent, 'row', last)('r', 0);
    const inner = iterationScopes(outer, 'cell', last)('c', 1);
    expect(inner).toMatchObject({ row: 'r', cell: 'c', index: 1 });
    expect(inner.steps).toBe(parent.steps);
    setOutput(inner, first, 'I');
    expect(outer.steps).toBe(parent.steps);
    expect(parent.steps.first).toBeUndefined();
  });

  it('own their map before a catch branch or a merged fragment writes into it', () => {
    const parent = runScope(null, run);
    const scope = iterationScopes(parent, 'item', last)('x', 0);
    const caught: Scope = catchScope(scope, { name: 'E', message: 'm', step: 'last' });
    expect(caught.steps).toBe(scope.steps);
    expect(scope.steps).not.toBe(parent.steps);
    setOutput(caught, first, 'F');
    expect(scope.steps.first).toEqual({ output: 'F' });
    const other = iterationScopes(parent, 'item', last)('y', 1);
    Object.assign(ownSteps(other), { merged: { output: 1 } });
    expect(parent.steps).toEqual({});
  });
});
