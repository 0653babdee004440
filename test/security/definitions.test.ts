/**
 * Issue #15, findings 1 and 2, against a real `sluice serve`: a run executes only a definition this app
 * deployed, whatever reaches the Durable API, and a caller's claims (its `hash`) never pick a plan. Runs
 * parked across a redeploy still finish on the definition they started with.
 */
import { describe, expect, it } from 'vitest';
import { call, runEnded, until } from '../e2e/api';
import { rewriteServices } from '../e2e/project';
import { startServe } from '../e2e/serve-process';
import { useServeStack } from '../e2e/stack';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

const probe = (who: string) => `name: probe
triggers:
  http:
    route: probe
steps:
  - id: call
    http:
      method: POST
      url: https://sink.example.com/probe
      body: { who: ${who}, tag: "\${{ input.tag }}" }
`;

const parked = (version: number) => `name: parked
steps:
  - id: wait
    waitForEvent: { name: go, timeout: 1h }
  - id: call
    http:
      method: POST
      url: https://sink.example.com/parked
      body: { version: ${version}, tag: "\${{ input.tag }}" }
`;

const stack = useServeStack({ extraWorkflows: { 'probe.yaml': probe('deployed'), 'parked.yaml': parked(1) } });

const DURABLE = '/runtime/webhooks/durabletask';
const sunk = (path: string) => stack.parts.requestsTo('sink').filter((request) => request.url === `/sink/${path}`).map((request) => JSON.parse(request.body));

async function deployedHash(name: string): Promise<string> {
  const { body } = await call(`${stack.serve.url}/api/workflows`);
  return (body.workflows ?? body).find((workflow: { name: string }) => workflow.name === name).hash;
}

// What an attacker posts: a definition of their own, claiming the hash of a deployed one.
function forgedInput(tag: string, hash: string, extra: Record<string, unknown> = {}) {
  const definition = { name: 'probe', steps: [{ id: 'call', http: { method: 'POST', url: `${stack.parts.services.url}/sink/probe`, body: { who: 'attacker', tag } } }] };
  return { definitionText: JSON.stringify(definition), hash, interpreterVersion: 3, input: { tag }, trigger: { kind: 'api' }, ...extra };
}

async function startThroughDurable(id: string, input: unknown) {
  const started = await call(`${stack.serve.url}${DURABLE}/orchestrators/sluice/${id}`, 'POST', input);
  expect(started.status, JSON.stringify(started.body)).toBeLessThan(300);
  return runEnded(stack.serve.url, id);
}

describe('a run executes only definitions this app deployed', () => {
  // First in the file: on the old code this run also put the attacker's plan in the cache under the deployed hash.
  it('refuses a definition posted to the Durable API, even one claiming a deployed hash', async () => {
    const status = await startThroughDurable('forged-1', forgedInput('forged-1', await deployedHash('probe')));
    expect(status.runtimeStatus).toBe('Failed');
    expect(JSON.stringify(status.output)).toMatch(/did not deploy/);
    expect(sunk('probe').filter((body) => body.who === 'attacker')).toEqual([]);
  }, 60_000);

  it('runs the deployed steps of a workflow after a forged run claimed its hash (the cache trusts only the app)', async () => {
    const { body } = await call(`${stack.serve.url}/api/workflows/probe/runs`, 'POST', { tag: 'ordinary' });
    expect((await runEnded(stack.serve.url, body.runId)).runtimeStatus).toBe('Completed');
    expect(sunk('probe').filter((sent) => sent.tag === 'ordinary')).toEqual([{ who: 'deployed', tag: 'ordinary' }]);
  }, 60_000);

  it('refuses a forged signature, and a real signature on altered text; the signed input itself runs', async () => {
    const { body } = await call(`${stack.serve.url}/api/workflows/probe/runs`, 'POST', { tag: 'signed' });
    await runEnded(stack.serve.url, body.runId);
    const status = await call(`${stack.serve.url}${DURABLE}/instances/${body.runId}?showInput=true`);
    // Version 5: serve keeps every definition it deployed, so its runs carry a reference, not the text.
    const real = status.body.input as { definitionRef: { hash: string; signature: string }; definitionText?: string; interpreterVersion: number };
    expect(real.definitionText).toBeUndefined();
    expect(real.interpreterVersion).toBe(5);
    expect(real.definitionRef.signature).toMatch(/^hmac-sha256:/);

    const invented = await startThroughDurable('forged-2', forgedInput('forged-2', 'sha256:0', { signature: `hmac-sha256:${'A'.repeat(43)}` }));
    expect(invented.runtimeStatus).toBe('Failed');
    const attackerText = JSON.stringify({ name: 'probe', steps: [{ id: 'call', http: { method: 'POST', url: `${stack.parts.services.url}/sink/probe`, body: { who: 'attacker', tag: 'forged-3' } } }] });
    const altered = await startThroughDurable('forged-3', { ...real, input: { tag: 'forged-3' }, definitionRef: undefined, definitionText: attackerText, signature: real.definitionRef.signature });
    expect(altered.runtimeStatus).toBe('Failed');
    // A reference to a hash serve never stored, and a known hash with a signature that is not the app's.
    const unknown = await startThroughDurable('forged-4', { ...real, input: { tag: 'forged-4' }, definitionRef: { ...real.definitionRef, hash: `sha256:${'0'.repeat(64)}` } });
    expect(unknown.runtimeStatus).toBe('Failed');
    expect(JSON.stringify(unknown.output)).toMatch(/never deployed/);
    const badSignature = await startThroughDurable('forged-5', { ...real, input: { tag: 'forged-5' }, definitionRef: { ...real.definitionRef, signature: `hmac-sha256:${'A'.repeat(43)}` } });
    expect(badSignature.runtimeStatus).toBe('Failed');
    expect(JSON.stringify(badSignature.output)).toMatch(/does not verify/);
    // A reference in an input of an older version is not one this app made.
    const old = await startThroughDurable('forged-6', { ...real, input: { tag: 'forged-6' }, interpreterVersion: 4 });
    expect(old.runtimeStatus).toBe('Failed');
    expect(sunk('probe').filter((sent) => sent.who === 'attacker')).toEqual([]);

    const replayed = await startThroughDurable('resent-1', { ...real, input: { tag: 'resent-1' } });
    expect(replayed.runtimeStatus).toBe('Completed');
    expect(sunk('probe').filter((sent) => sent.tag === 'resent-1')).toEqual([{ who: 'deployed', tag: 'resent-1' }]);
  }, 90_000);

  it('finishes a run parked across a redeploy on the definition it started with', async () => {
    const { body } = await call(`${stack.serve.url}/api/workflows/parked/runs`, 'POST', { tag: 'in-flight' });
    await until(() => call(`${stack.serve.url}${DURABLE}/instances/${body.runId}`), (status) => status.body.runtimeStatus === 'Running', 'the parked run');
    const parkedInput = (await call(`${stack.serve.url}${DURABLE}/instances/${body.runId}?showInput=true`)).body.input;
    expect(parkedInput.definitionRef?.hash).toMatch(/^sha256:/); // resolved after the restart from the store, not the files
    expect(parkedInput.definitionText).toBeUndefined();
    await stack.serve.stop();
    writeFileSync(join(stack.project.workflowsDir, 'parked.yaml'), rewriteServices(parked(2), stack.parts.services.url));
    stack.serve = await startServe(stack.project.root, stack.project.dataDir, stack.env);
    await call(`${stack.serve.url}${DURABLE}/instances/${body.runId}/raiseEvent/go`, 'POST', {});
    expect((await runEnded(stack.serve.url, body.runId)).runtimeStatus).toBe('Completed');
    const fresh = await call(`${stack.serve.url}/api/workflows/parked/runs`, 'POST', { tag: 'after' });
    await until(() => call(`${stack.serve.url}${DURABLE}/instances/${fresh.body.runId}`), (status) => status.body.runtimeStatus === 'Running', 'the new run');
    await call(`${stack.serve.url}${DURABLE}/instances/${fresh.body.runId}/raiseEvent/go`, 'POST', {});
    expect((await runEnded(stack.serve.url, fresh.body.runId)).runtimeStatus).toBe('Completed');
    expect(sunk('parked')).toEqual([{ version: 1, tag: 'in-flight' }, { version: 2, tag: 'after' }]);
  }, 180_000);
});
