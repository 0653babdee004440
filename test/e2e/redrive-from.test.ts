/**
 * Redrive from the failed step, through the real `sluice serve` and CLI: a run that failed at its third step,
 * redriven, calls neither of the first two again (the services server counts their calls) and completes; in
 * a forEach only the failed iterations run again; `--latest` is refused after a change before `--from`
 * (the serve restarted on an edited definition), and the original definition still redrives.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { call, runEnded, runRecord, until } from './api';
import { sluice, startServe } from './serve-process';
import { useServeStack } from './stack';

const THREE_STEPS = `
name: three-steps
input: { type: object, required: [key], properties: { key: { type: string } } }
steps:
  - id: first
    http: { url: "https://sink.example.com/first/\${{ input.key }}" }
  - id: second
    http: { url: "https://sink.example.com/second/\${{ input.key }}" }
  - id: price
    retry: { maxAttempts: 1 }
    http: { url: "https://prices.example.com/orders/\${{ input.key }}" }
  - id: summary
    set: { total: "\${{ steps.price.output.body.total }}", first: "\${{ steps.first.output.status }}" }
`;
const LINES = `
name: priced-lines
input: { type: object, required: [key, lines], properties: { key: { type: string }, lines: { type: array, items: { type: string } } } }
steps:
  - id: opened
    http: { url: "https://sink.example.com/opened/\${{ input.key }}" }
  - id: priced
    forEach:
      items: \${{ input.lines }}
      as: line
      steps:
        - id: lookup
          retry: { maxAttempts: 1 }
          http: { url: "https://prices.example.com/orders/\${{ line }}" }
  - id: summary
    set: { count: "\${{ steps.priced.output|length }}" }
`;

const stack = useServeStack({ extraWorkflows: { 'three-steps.yaml': THREE_STEPS, 'priced-lines.yaml': LINES } });
const callsTo = (path: string) => stack.parts.services.requests.filter((request) => request.url === path).length;

async function failedRun(workflow: string, runId: string, input: unknown): Promise<void> {
  expect((await call(`${stack.serve.url}/api/workflows/${workflow}/runs?runId=${runId}`, 'POST', input)).status).toBe(202);
  expect((await runEnded(stack.serve.url, runId)).runtimeStatus).toBe('Failed');
  await runRecord(stack.serve.url, runId);
}

describe('sluice redrive <runId>', () => {
  it('reuses the outputs of the steps before the failed one and runs from it on', async () => {
    stack.parts.pricesDownFor.add('rf-1');
    await failedRun('three-steps', 'rf-1', { key: 'rf-1' });
    expect([callsTo('/sink/first/rf-1'), callsTo('/sink/second/rf-1'), callsTo('/prices/orders/rf-1')]).toEqual([1, 1, 1]);

    stack.parts.pricesDownFor.delete('rf-1');
    const redriven = await sluice(['redrive', 'rf-1'], stack.project.root, stack.env);
    expect(redriven.code, redriven.stderr).toBe(0);
    expect(redriven.stdout).toMatch(/redrove run rf-1 as rf-1-r2 from step price \(reusing first, second; original definition\)/);
    const status = await runEnded(stack.serve.url, 'rf-1-r2');
    expect(status.runtimeStatus).toBe('Completed');
    expect(status.output).toEqual({ total: 42.5, first: 200 });
    expect([callsTo('/sink/first/rf-1'), callsTo('/sink/second/rf-1'), callsTo('/prices/orders/rf-1')]).toEqual([1, 1, 2]);

    const record = await runRecord(stack.serve.url, 'rf-1-r2');
    expect(record).toMatchObject({ status: 'Completed', trigger: { kind: 'redrive', source: 'rf-1' }, lineage: { redriveOf: 'rf-1', originalRunId: 'rf-1', runAttempt: 2 } });
    const stepStatus = Object.fromEntries(record.steps.map((step: { path: string; status: string }) => [step.path, step.status]));
    expect(stepStatus).toMatchObject({ first: 'Skipped', second: 'Skipped', price: 'Completed', summary: 'Completed' });
    // Redriving a run that did not fail is refused.
    const again = await call(`${stack.serve.url}/api/runs/rf-1-r2/redrive?fromFailed=true`, 'POST');
    expect(again.status).toBe(409);
  }, 120_000);

  it('inside a forEach, runs only the iterations that did not complete', async () => {
    const lines = ['pl-a', 'pl-b', 'pl-c'];
    stack.parts.pricesDownFor.add('pl-b');
    await failedRun('priced-lines', 'pl-1', { key: 'pl-1', lines });
    // Every iteration ran once (one wave of activities), and each finished one is in history.
    await until(() => runRecord(stack.serve.url, 'pl-1'), (record) => ['priced[0].lookup', 'priced[2].lookup'].every((path) => record.steps.some((step: { path: string; status: string }) => step.path === path && step.status === 'Completed')), 'the completed iterations in history');
    expect(lines.map((line) => callsTo(`/prices/orders/${line}`))).toEqual([1, 1, 1]);

    stack.parts.pricesDownFor.delete('pl-b');
    const redriven = await sluice(['redrive', 'pl-1'], stack.project.root, stack.env);
    expect(redriven.code, redriven.stderr).toBe(0);
    expect(redriven.stdout).toMatch(/as pl-1-r2 from step priced \(reusing opened and 2 completed iterations; original definition\)/);
    const status = await runEnded(stack.serve.url, 'pl-1-r2');
    expect(status.runtimeStatus).toBe('Completed');
    expect(status.output).toEqual({ count: 3 });
    expect(lines.map((line) => callsTo(`/prices/orders/${line}`))).toEqual([1, 2, 1]);
    expect(callsTo('/sink/opened/pl-1')).toBe(1);
  }, 120_000);

  it('refuses --latest when a step before --from changed, and redrives on the original definition', async () => {
    stack.parts.pricesDownFor.add('lt-1');
    await failedRun('three-steps', 'lt-1', { key: 'lt-1' });
    // Deploy an edited definition: the serve restarts on it (same data folder, so the failed run is still there).
    const file = join(stack.project.workflowsDir, 'three-steps.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('/second/', '/second-v2/'));
    await stack.serve.stop();
    stack.serve = await startServe(stack.project.root, stack.project.dataDir, stack.env);

    const latest = await sluice(['redrive', 'lt-1', '--latest'], stack.project.root, stack.env);
    expect(latest.code).toBe(1);
    expect(latest.stderr).toMatch(/the steps before "price" changed since run "lt-1" started \("second"\)/);
    const answer = await call(`${stack.serve.url}/api/runs/lt-1/redrive?from=price&latest=true`, 'POST');
    expect(answer.status).toBe(409);
    expect(answer.body.error).toBe('DefinitionChanged');
    expect((await call(`${stack.serve.url}/api/runs/lt-1-r2/status`)).status).toBe(404);

    // A change after --from is no obstacle to --latest.
    stack.parts.pricesDownFor.delete('lt-1');
    const fromSecond = await sluice(['redrive', 'lt-1', '--from', 'second', '--latest'], stack.project.root, stack.env);
    expect(fromSecond.code, fromSecond.stderr).toBe(0);
    expect(fromSecond.stdout).toMatch(/as lt-1-r2 from step second \(reusing first; latest definition\)/);
    expect((await runEnded(stack.serve.url, 'lt-1-r2')).runtimeStatus).toBe('Completed');
    expect([callsTo('/sink/first/lt-1'), callsTo('/sink/second/lt-1'), callsTo('/sink/second-v2/lt-1')]).toEqual([1, 1, 1]);
  }, 180_000);
});
