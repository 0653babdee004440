/**
 * Issue 17, section 1, through the embedded runtime: what run history says about a live, a terminated
 * and a finished run is what Durable says; steps come in execution order; `runs show` draws the
 * definition the run ran, served at `GET /api/definitions/{hash}`.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SluiceRuntime } from '../../engine/adapters/local/runtime';
import { runsCommand } from '../../engine/cli/runs-command';

const workflow = (extra = '') => `
name: approval
input: { type: object, properties: { customerId: { type: string } } }
steps:
  - id: zeta
    set: { a: 1 }
  - id: mid
    set: { b: 2 }
  - id: ask
    waitForEvent: { name: approval, timeout: 1h }
${extra}`;

let root: string;
let runtime: SluiceRuntime;
const saved = { ...process.env };

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'sluice-truth-'));
  mkdirSync(join(root, 'workflows'));
  writeFileSync(join(root, 'workflows', 'approval.yaml'), workflow());
  writeFileSync(join(root, 'package.json'), '{"name":"truth-fixture"}');
  runtime = await new SluiceRuntime({ root, port: 0, dataDir: join(root, '.sluice'), log: () => undefined }).start();
}, 60_000);

afterAll(async () => {
  await runtime?.stop();
  process.env = saved;
  rmSync(root, { recursive: true, force: true });
});

const get = async (path: string) => (await fetch(`${runtime.url}${path}`)).json() as Promise<any>;
const post = async (path: string, body?: unknown) =>
  fetch(`${runtime.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body ?? null) });

async function until<T>(read: () => Promise<T>, done: (value: T) => boolean, what: string): Promise<T> {
  for (let i = 0; i < 300; i++) {
    const value = await read();
    if (done(value)) return value;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`timed out waiting for ${what}`);
}

async function start(customerId: string): Promise<string> {
  const response = await post('/api/workflows/approval/runs', { customerId });
  expect(response.status).toBe(202);
  return ((await response.json()) as { runId: string }).runId;
}

async function cli(args: string[]): Promise<string> {
  let out = '';
  const code = await runsCommand(args, { stdout: (text) => (out += text), stderr: () => undefined, env: { SLUICE_DATA_DIR: join(root, '.sluice') }, cwd: root });
  expect(code).toBe(0);
  return out;
}

describe('a live run, then terminated', () => {
  it('shows the step it waits in with the event and when it gives up, then Terminated everywhere', async () => {
    const runId = await start('acme-77');
    const live = await until(() => get(`/api/runs/${runId}`), (run) => run.current?.waiting?.length > 0, 'the wait');
    expect(live.status).toBe('Running');
    expect(live.current).toMatchObject({ step: 'ask', completed: 2, total: 3, waiting: [{ path: 'ask', kind: 'waitForEvent', event: 'approval' }] });
    expect(Date.parse(live.current.waiting[0].until) - Date.parse(live.startedAt)).toBeGreaterThan(3_500_000);

    expect((await post(`/api/runs/${runId}/terminate?reason=no+longer+needed`)).status).toBe(202);
    // The terminate endpoint records what Durable reports: the store itself says Terminated (the CLI reads it).
    expect(await cli(['show', runId])).toMatch(/Terminated/);
    const record = await get(`/api/runs/${runId}`);
    expect(record).toMatchObject({ status: 'Terminated', error: { name: 'Terminated', message: 'no longer needed' } });
    expect(record).not.toHaveProperty('current');
    expect(Date.parse(record.endedAt)).toBeGreaterThanOrEqual(Date.parse(record.startedAt));
    expect((await get(`/api/runs/${runId}/status`)).runtimeStatus).toBe('Terminated');
    const listed = await get('/api/runs?status=Terminated,Failed&input.customerId=acme-77');
    expect(listed.runs.map((run: { id: string }) => run.id)).toEqual([runId]);
  }, 60_000);
});

describe('a finished run', () => {
  it('lists steps in execution order with set outputs, and is drawn from its own definition', async () => {
    const runId = await start('beta-1');
    await until(() => get(`/api/runs/${runId}`), (run) => run.current?.waiting?.length > 0, 'the wait');
    expect((await post(`/api/runs/${runId}/events/approval`, { ok: true })).status).toBe(202);
    const record = await until(() => get(`/api/runs/${runId}`), (run) => run.status === 'Completed', 'completion');
    expect(record.steps.map((step: { path: string }) => step.path)).toEqual(['zeta', 'mid', 'ask']);
    expect(record.steps.map((step: { seq: number }) => step.seq)).toEqual([0, 1, 2]);
    expect(record.steps[0].output).toEqual({ a: 1 });
    expect(record.steps[2].output).toEqual({ ok: true });

    const definition = await get(`/api/definitions/${encodeURIComponent(record.definitionHash)}`);
    expect(definition).toMatchObject({ hash: record.definitionHash, definition: { name: 'approval' } });
    expect(definition.definition.steps.map((step: { id: string }) => step.id)).toEqual(['zeta', 'mid', 'ask']);
    expect((await fetch(`${runtime.url}/api/definitions/sha256%3Anone`)).status).toBe(404);

    // The file changes after the run: the graph still shows the steps the run had, and only those.
    writeFileSync(join(root, 'workflows', 'approval.yaml'), workflow('  - id: extra\n    set: { c: 3 }\n'));
    const shown = await cli(['show', runId]);
    expect(shown).toContain('s_ask');
    expect(shown).not.toContain('s_extra');
    expect(shown.indexOf('zeta')).toBeLessThan(shown.indexOf('mid'));
  }, 60_000);
});
