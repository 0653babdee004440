/**
 * Interpreter version 5: a run whose app keeps every definition it deployed (plan/shelf.ts) carries
 * references, and so do its sub-workflow closure and every fragment it starts (forEach chunks and
 * batches, sub-workflows), through the embedded Durable host. The result is version 4's.
 */
import * as df from 'durable-functions';
import { afterEach, describe as suite, expect, it } from 'vitest';
import { captureRegistrations, LocalDurableHost, TestClock } from '../../engine/adapters/local/durable';
import { registerOrchestrator } from '../../engine/orchestrator';
import { runInputOf, type RunInput } from '../../engine/plan/run-input';
import { definitionShelf } from '../../engine/plan/shelf';
import { definitionTrust } from '../../engine/plan/trust';
import { everything, ok } from './embedded-runs';
import { TEST_SIGNING_KEY } from '../support/trust';

const hosts: LocalDurableHost[] = [];
afterEach(async () => {
  for (const host of hosts.splice(0)) await host.stop();
});

suite('definitions by reference', () => {
  it('a run, its sub-workflow and its fragments carry references and finish as with texts', async () => {
    const { definition, child } = everything;
    const shelf = definitionShelf([definition, child].map((d) => JSON.stringify(d)));
    const trust = definitionTrust({ keys: [TEST_SIGNING_KEY], shelf });
    let flaky = 0;
    const registrations = captureRegistrations(() => {
      registerOrchestrator(df, { trust, chunkSize: 4 });
      df.app.activity('sluice.activity', {
        handler: (input: any) => {
          const { name, input: value } = input.config as { name: string; input: any };
          if (name === 'echo') return ok(value.v);
          if (name === 'flaky') return ++flaky < 3 ? { ok: false, error: { name: 'ActivityError', message: 'not yet', retryable: true } } : ok(`after ${flaky}`);
          return ok(value * value);
        },
      });
    });
    const host = new LocalDurableHost({ registrations, file: ':memory:', clock: new TestClock({ start: Date.parse('2026-01-01T00:00:00Z'), autoAdvance: true }) });
    hosts.push(host);
    await host.start();
    const items = Array.from({ length: 10 }, (_, i) => i);
    const input = runInputOf({ definition, input: { items }, trigger: { kind: 'api' }, sign: trust.sign, refer: trust.refer, record: false, workflowNamed: (name) => (name === 'child' ? child : undefined) });
    expect(input.interpreterVersion).toBe(5);
    expect(input.definitionText).toBeUndefined();
    expect(input.workflows?.child?.definitionRef).toBeDefined();
    const id = await host.startNew('sluice', { input });
    const status = await host.waitForCompletion(id, 60_000);
    expect(status?.runtimeStatus).toBe('Completed');
    expect(status?.output).toMatchObject({ lanes: items.map((i) => i * i), chunked: items.map((i) => i + 1), sub: 42 });
    const children = host.list({ showInput: true }).instances.filter((s) => s.instanceId !== id);
    expect(children.length).toBeGreaterThan(5);
    for (const instance of children) {
      const carried = instance.input as RunInput;
      expect(carried.definitionText, instance.instanceId).toBeUndefined();
      expect(carried.definitionRef?.hash, instance.instanceId).toMatch(/^sha256:/);
      expect(JSON.stringify(carried).length, instance.instanceId).toBeLessThan(1500);
    }
  });

  it('refuses a reference when the shelf lacks it (a forged or foreign input)', async () => {
    const { definition } = everything;
    const signer = definitionTrust({ keys: [TEST_SIGNING_KEY], shelf: definitionShelf([JSON.stringify(definition)]) });
    const input = runInputOf({ definition: { ...definition, steps: [{ id: 'x', set: 1 as never }] }, input: {}, trigger: { kind: 'api' }, sign: signer.sign, refer: signer.refer, record: false });
    expect(input.definitionRef).toBeUndefined(); // not on the shelf: carried as text
    const forged = { ...input, definitionText: undefined, signature: undefined, definitionRef: signer.refer(JSON.stringify(definition))!, interpreterVersion: 5 };
    const trust = definitionTrust({ keys: [TEST_SIGNING_KEY], shelf: definitionShelf([]) });
    const registrations = captureRegistrations(() => registerOrchestrator(df, { trust }));
    const host = new LocalDurableHost({ registrations, file: ':memory:' });
    hosts.push(host);
    await host.start();
    const id = await host.startNew('sluice', { input: forged });
    const status = await host.waitForCompletion(id, 20_000);
    expect(status?.runtimeStatus).toBe('Failed');
    expect(JSON.stringify(status?.output)).toMatch(/never deployed/);
  });
});
