import { describe as suite, expect, it } from 'vitest';
import type { WorkflowDefinition } from '../../engine/definition/workflow.generated';
import { testTrust } from '../support/trust';
import { cachedPlanCount, calledWorkflows, carry, compilePlan, definitionHash, INTERPRETER_VERSION, parseDuration, planFor, runInputOf } from '../../engine/plan';
import { durationMs } from '../../engine/plan/duration';

const definition: WorkflowDefinition = {
  name: 'order',
  defaults: { retry: { maxAttempts: 4, interval: '2s' }, timeout: '5m', failOpen: false },
  steps: [
    { id: 'a', http: { url: 'https://e.com' } },
    { id: 'b', activity: 'x', retry: { interval: '500ms', on: ['HttpError'] }, timeout: '${{ input.limit }}' },
    { id: 'g', steps: [{ id: 'inner', set: { v: '${{ input.v }}' } }] },
    { id: 'each', forEach: { items: [1, 2], steps: [{ id: 'one', workflow: 'child' }] } },
    { id: 'c', set: { x: 1 }, catch: [{ steps: [{ id: 'handler', set: { y: 2 } }] }] },
  ],
};

suite('durations', () => {
  it.each([
    ['500ms', 500],
    ['10s', 10_000],
    ['5m', 300_000],
    ['1h', 3_600_000],
    ['2d', 172_800_000],
    ['1.5s', undefined],
    ['10 minutes', undefined],
    ['', undefined],
  ])('%s → %s', (text, ms) => expect(parseDuration(text)).toBe(ms));
});

suite('compilePlan', () => {
  const plan = compilePlan(definition);

  it('resolves defaults: retry merged field by field, timeout and retry only on I/O steps by default', () => {
    const [a, b, g] = plan.steps;
    expect(a.retry).toEqual({ maxAttempts: 4, intervalMs: 2000, backoff: 2, maxIntervalMs: undefined, jitter: false, on: undefined });
    expect(a.timeout).toEqual({ ms: 300_000 });
    expect(b.retry).toMatchObject({ maxAttempts: 4, intervalMs: 500, on: ['HttpError'] });
    expect(durationMs(b.timeout!, { steps: {}, input: { limit: '3s' } })).toBe(3000);
    expect(g.retry).toBeUndefined();
    expect(g.timeout).toBeUndefined();
    expect(plan.failOpen).toBe(false);
  });

  it('indexes every step by static path, catch branches included, and lists called workflows', () => {
    expect([...plan.byPath.keys()].sort()).toEqual(['a', 'b', 'c', 'c.catch[0].handler', 'each', 'each.one', 'g', 'g.inner']);
    expect(plan.calls).toEqual(['child']);
  });

  it('is deeply frozen', () => {
    expect(Object.isFrozen(plan)).toBe(true);
    expect(Object.isFrozen(plan.steps[0])).toBe(true);
    expect(Object.isFrozen(plan.steps[2].body)).toBe(true);
    expect(() => (plan.byPath as Map<string, unknown>).set('x', {})).toThrow(/immutable/);
  });

  it('refuses a duration that is neither text nor an expression', () => {
    expect(() => compilePlan({ name: 'bad', steps: [{ id: 'w', wait: 'soon' }] })).toThrow(/`soon` is not a duration/);
  });
});

suite('hash and cache', () => {
  it('hashes canonical JSON: key order does not matter, content does', () => {
    const reordered = JSON.parse(JSON.stringify({ steps: definition.steps, defaults: definition.defaults, name: definition.name }));
    expect(definitionHash(reordered)).toBe(definitionHash(definition));
    expect(definitionHash({ ...definition, name: 'other' })).not.toBe(definitionHash(definition));
    expect(definitionHash(definition)).toMatch(/^sha256:[0-9a-f]{64}$/);
  });

  it('compiles a trusted definition once per text per process, with the hash the app computed', () => {
    const copy = structuredClone({ name: 'cached', steps: [{ id: 's', set: { a: 1 } }] });
    const carried = carry(copy, testTrust.sign);
    const before = cachedPlanCount();
    const first = planFor(testTrust.check({ ...carried }));
    const claimed = { ...carried, hash: 'sha256:claimed-by-a-caller' };
    expect(planFor(testTrust.check(claimed))).toBe(first);
    expect(first.hash).toBe(definitionHash(copy));
    expect(cachedPlanCount()).toBe(before + 1);
  });
});

suite('run input', () => {
  const child: WorkflowDefinition = { name: 'child', steps: [{ id: 'g', workflow: 'grandchild' }] };
  const grandchild: WorkflowDefinition = { name: 'grandchild', steps: [{ id: 's', set: { a: 1 } }] };
  const named = (name: string) => ({ child, grandchild })[name as 'child'];

  it('carries the definition, its hash, the interpreter version and the transitive closure of called workflows', () => {
    const input = runInputOf({ definition, input: { v: 1 }, trigger: { kind: 'http', source: 'orders' }, sign: testTrust.sign, workflowNamed: named });
    expect(input).toMatchObject({ hash: definitionHash(definition), interpreterVersion: INTERPRETER_VERSION, input: { v: 1 }, trigger: { kind: 'http', source: 'orders' } });
    expect(Object.keys(input.workflows!).sort()).toEqual(['child', 'grandchild']);
    expect(input.workflows!.child.hash).toBe(definitionHash(child));
  });

  it('refuses an unknown called workflow', () => {
    expect(() => calledWorkflows(definition, testTrust.sign, () => undefined)).toThrow(/unknown workflow `child`/);
  });
});
