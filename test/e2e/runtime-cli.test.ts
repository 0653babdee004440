/**
 * The runtime and its command line as a user meets them (issue #16, "The runtime and its CLI"), against a
 * real `sluice serve` whose data folder is outside the project: status URLs name the host the request came
 * to; a broken definition is listed and refused while the rest is served; every command finds the serve
 * through `--data-dir` or `SLUICE_DATA_DIR`; failed runs read `{ name, message, step }`; start-up problems
 * and a closed stdout end quietly, without a stack trace.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, runEnded, until } from './api';
import { SLUICE_BIN, sluice, startServe, type ServeProcess } from './serve-process';

const sh = promisify(execFile);
const REPO = resolve(__dirname, '..', '..');

const BROKEN = 'name: broken\ntriggers:\n  http:\n    route: broken\nsteps:\n  - id: a\n    ai:\n      promt: hi\n      fallback: x\n';
const CALLS_BROKEN = 'name: calls-broken\nsteps:\n  - id: child\n    workflow: broken\n';
const REFUSE = [
  'name: refuse',
  'triggers:',
  '  http:',
  '    route: refuse',
  '    respond: sync',
  '    timeout: 20s',
  'steps:',
  '  - id: check',
  '    fail:',
  '      error: NotAllowed',
  '      message: "refused ${{ input.who }}"',
  '',
].join('\n');

let root: string;
let dataDir: string;
let env: NodeJS.ProcessEnv;
let serve: ServeProcess;
let port: number;

/** A project with one example, a broken definition, a workflow that calls it, and a sync workflow that fails. */
function createProject(): string {
  const dir = mkdtempSync(join(tmpdir(), 'sluice-rtcli-'));
  mkdirSync(join(dir, 'workflows'));
  writeFileSync(join(dir, 'workflows', 'order-quote.yaml'), readFileSync(join(REPO, 'workflows', 'order-quote.yaml')));
  writeFileSync(join(dir, 'workflows', 'broken.yaml'), BROKEN);
  writeFileSync(join(dir, 'workflows', 'calls-broken.yaml'), CALLS_BROKEN);
  writeFileSync(join(dir, 'workflows', 'refuse.yaml'), REFUSE);
  writeFileSync(join(dir, 'host.json'), readFileSync(join(REPO, 'host.json')));
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'sluice-rtcli-project', private: true }));
  return dir;
}

/** A request whose Host header names `host`, sent to the serve's address. */
function postWithHost(path: string, host: string, body: unknown): Promise<{ status: number; headers: Record<string, unknown>; body: any }> {
  return new Promise((done, fail) => {
    const text = JSON.stringify(body);
    const req = request({ host: '127.0.0.1', port, path, method: 'POST', headers: { host, 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) } }, (res) => {
      let answer = '';
      res.on('data', (chunk: Buffer) => (answer += chunk.toString()));
      res.on('end', () => done({ status: res.statusCode!, headers: res.headers, body: answer ? JSON.parse(answer) : null }));
    });
    req.on('error', fail);
    req.end(text);
  });
}

const noStackTrace = (text: string) => expect(text).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);

beforeAll(async () => {
  root = createProject();
  dataDir = mkdtempSync(join(tmpdir(), 'sluice-rtcli-data-'));
  env = { ...process.env };
  for (const name of ['AzureWebJobsStorage', 'SLUICE_DATA_DIR', 'SLUICE_WORKFLOWS_DIR']) delete env[name];
  serve = await startServe(root, dataDir, env);
  port = Number(new URL(serve.url).port);
}, 120_000);

afterAll(async () => {
  await serve?.stop();
  rmSync(root, { recursive: true, force: true });
  rmSync(dataDir, { recursive: true, force: true });
}, 60_000);

describe('status URLs', () => {
  it('Location and every status URL name the host and port the request came to', async () => {
    const host = `localhost:${port}`;
    const started = await postWithHost('/api/quotes', host, { orderId: 'q-host', lines: [{ sku: 'A-1', qty: 1, unitPrice: 1 }] });
    expect(started.status, JSON.stringify(started.body)).toBe(202);
    expect(started.headers.location).toMatch(new RegExp(`^http://${host}/runtime/webhooks/durabletask/instances/${started.body.runId}\\?`));
    for (const key of ['statusQueryGetUri', 'sendEventPostUri', 'terminatePostUri', 'purgeHistoryDeleteUri', 'runUri']) {
      expect(started.body[key], key).toMatch(new RegExp(`^http://${host}/`));
    }
    const byName = await postWithHost('/api/workflows/order-quote/runs', host, { orderId: 'q-host2', lines: [{ sku: 'A-1', qty: 1, unitPrice: 1 }] });
    expect(byName.headers.location).toMatch(new RegExp(`^http://${host}/`));
    // The URL it names answers: it is this serve.
    const status = await call(String(started.headers.location).replace(host, `127.0.0.1:${port}`));
    expect(status.body.instanceId).toBe(started.body.runId);
  }, 60_000);
});

describe('an invalid definition', () => {
  it('does not stop serve: its diagnostics are printed like lint prints them, the rest is served', () => {
    expect(serve.output()).toMatch(/workflows\/broken\.yaml:\d+:\d+: error .*promt/);
    expect(serve.output()).toMatch(/calls-broken/);
  });

  it('is listed as invalid by GET /api/workflows, with its diagnostics; so is a workflow that calls it', async () => {
    const { body } = await call(`${serve.url}/api/workflows`);
    const byName = Object.fromEntries(body.workflows.map((workflow: { name: string }) => [workflow.name, workflow]));
    expect(byName['order-quote']).toMatchObject({ valid: true });
    expect(byName.broken).toMatchObject({ name: 'broken', file: 'workflows/broken.yaml', valid: false });
    expect(byName.broken.diagnostics[0]).toMatchObject({ file: 'workflows/broken.yaml', severity: 'error', line: expect.any(Number), column: expect.any(Number) });
    expect(byName['calls-broken']).toMatchObject({ valid: false });
    expect(JSON.stringify(byName['calls-broken'].diagnostics)).toContain('broken');
  });

  it('its runs are refused with 409 and the diagnostics, through the API and through its own route', async () => {
    for (const url of [`${serve.url}/api/workflows/broken/runs`, `${serve.url}/api/broken`, `${serve.url}/api/workflows/calls-broken/runs`]) {
      const refused = await call(url, 'POST', {});
      expect(refused.status, url).toBe(409);
      expect(refused.body).toMatchObject({ error: 'InvalidWorkflow', message: expect.stringMatching(/invalid/), diagnostics: expect.any(Array) });
      expect(refused.body.diagnostics.length).toBeGreaterThan(0);
    }
  });
});

describe('a failed run reads { name, message, step }', () => {
  it('a `fail` step over a sync HTTP trigger answers 422 with the error object', async () => {
    const answer = await call(`${serve.url}/api/refuse`, 'POST', { who: 'ann' });
    expect(answer.status).toBe(422);
    expect(answer.body).toMatchObject({ status: 'Failed', error: { name: 'NotAllowed', message: 'refused ann', step: 'check' } });
    expect(answer.body.runId).toEqual(expect.any(String));
    expect(JSON.stringify(answer.body)).not.toContain('Orchestrator function');
  }, 60_000);

  it('the status endpoint and `sluice run` show the error object, not the Durable wrapper', async () => {
    const { body } = await call(`${serve.url}/api/workflows/refuse/runs`, 'POST', { who: 'bob' });
    const status = await runEnded(serve.url, body.runId);
    expect(status).toMatchObject({ runtimeStatus: 'Failed', error: { name: 'NotAllowed', message: 'refused bob', step: 'check' } });
    expect(JSON.stringify(status)).not.toContain('Orchestrator function');

    const run = await sluice(['run', 'refuse', '--input', '{"who":"cy"}', '--data-dir', dataDir], root, env);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`on ${serve.url}`);
    expect(run.stderr).toMatch(/Failed: NotAllowed: refused cy \(step check\)/);
    expect(run.stderr).not.toContain('Orchestrator function');
  }, 90_000);
});

describe('--data-dir and SLUICE_DATA_DIR, for every command', () => {
  it('`runs list` reads the serve\'s history through either, and refuses (exit 1) where there is none', async () => {
    const { body } = await call(`${serve.url}/api/workflows/order-quote/runs`, 'POST', { orderId: 'q-dd', lines: [{ sku: 'A-1', qty: 1, unitPrice: 1 }] });
    await runEnded(serve.url, body.runId);
    await until(async () => (await call(`${serve.url}/api/runs/${body.runId}`)).body, (record) => record?.status === 'Completed', 'the run record');

    const byFlag = await sluice(['runs', 'list', '--data-dir', dataDir, '--json'], root, env);
    expect(byFlag.code, byFlag.stderr).toBe(0);
    expect(byFlag.stdout).toContain(body.runId);
    const byEnv = await sluice(['runs', 'show', body.runId, '--json'], root, { ...env, SLUICE_DATA_DIR: dataDir });
    expect(byEnv.code, byEnv.stderr).toBe(0);
    expect(JSON.parse(byEnv.stdout)).toMatchObject({ id: body.runId, status: 'Completed' });

    const nowhere = await sluice(['runs', 'list'], root, env);
    expect(nowhere.code).toBe(1);
    expect(nowhere.stderr).toMatch(/no run history/i);
    expect(nowhere.stderr).toContain(join(root, '.sluice'));
    expect(existsSync(join(root, '.sluice'))).toBe(false);
  }, 60_000);

  it('`run` and `event` find the serve through SLUICE_DATA_DIR; `dlq` takes --data-dir', async () => {
    const { body } = await call(`${serve.url}/api/quotes`, 'POST', { orderId: 'q-big', lines: [{ sku: 'A-1', qty: 2, unitPrice: 900 }] });
    await until(async () => (await call(`${serve.url}/api/runs/${body.runId}/status`)).body, (status) => status?.customStatus?.step === 'approval', 'the sign-off wait');
    const raised = await sluice(['event', body.runId, 'quoteApproved', '{"approved":true,"by":"ana"}'], root, { ...env, SLUICE_DATA_DIR: dataDir });
    expect(raised.code, raised.stderr).toBe(0);
    expect((await runEnded(serve.url, body.runId)).runtimeStatus).toBe('Completed');

    const run = await sluice(['run', 'order-quote', '--input', '{"orderId":"q-env","lines":[{"sku":"A-1","qty":1,"unitPrice":1}]}'], root, { ...env, SLUICE_DATA_DIR: dataDir });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain(`on ${serve.url}`);

    const dlq = await sluice(['dlq', 'list', 'no-such-queue', '--data-dir', dataDir], root, env);
    expect(dlq.code, dlq.stderr).toBe(1);
    expect(dlq.stderr).toContain('"no-such-queue" is not a dead-letter queue of any workflow');
  }, 90_000);
});

describe('start-up problems print a message, not a stack trace', () => {
  let blocker: Server;
  let busyPort: number;
  beforeAll(async () => {
    blocker = createServer();
    await new Promise<void>((done) => blocker.listen(0, '127.0.0.1', () => done()));
    busyPort = (blocker.address() as { port: number }).port;
  });
  afterAll(() => new Promise<void>((done) => blocker.close(() => done())));

  it('a port in use', async () => {
    const result = await sluice(['serve', '--port', String(busyPort), '--data-dir', join(dataDir, 'busy')], root, env);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`port ${busyPort} is in use`);
    noStackTrace(result.stderr);
  }, 90_000);

  it('a workflows folder that does not exist', async () => {
    const result = await sluice(['serve', '--port', '0', '--data-dir', join(dataDir, 'nowf')], root, { ...env, SLUICE_WORKFLOWS_DIR: 'nope' });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/no workflows folder at .*nope/);
    noStackTrace(result.stderr);
  }, 60_000);

  it('an invalid setting', async () => {
    const result = await sluice(['serve', '--port', '0', '--data-dir', join(dataDir, 'badset')], root, { ...env, SLUICE_HTTP_TIMEOUT: 'soon' });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('SLUICE_HTTP_TIMEOUT must be a duration');
    noStackTrace(result.stderr);
  }, 60_000);
});

describe('a closed stdout', () => {
  it('`sluice lint … | head -1` exits quietly', async () => {
    const many = mkdtempSync(join(tmpdir(), 'sluice-epipe-'));
    try {
      for (let i = 0; i < 400; i++) writeFileSync(join(many, `w${i}.yaml`), `name: w${i}\nsteps:\n  - id: call\n    http: { url: "http://example.com" }\n`);
      const { stdout, stderr } = await sh('bash', ['-c', `set -o pipefail; "${process.execPath}" "${SLUICE_BIN}" lint "${many}" --activities '' | head -1`], { env });
      expect(stdout.split('\n').filter(Boolean)).toHaveLength(1);
      expect(stderr).toBe('');
    } finally {
      rmSync(many, { recursive: true, force: true });
    }
  }, 60_000);
});
