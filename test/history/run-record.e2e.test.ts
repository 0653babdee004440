/**
 * Issue 5's acceptance, end to end on the embedded runtime: a run with a retried step, a degraded AI step
 * and a dead-letter ending shows all of it in `GET /api/runs/{id}` and `sluice runs show`, and the secret
 * its http step used is nowhere in the stored records or the Durable history.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { QueueClient } from '@azure/storage-queue';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SluiceRuntime } from '../../engine/adapters/local/runtime';
import { runsCommand } from '../../engine/cli/runs-command';
import { startGeminiServer, type GeminiServer } from '../support/gemini-server';
import { sendJson, startHttpServer, type LocalHttpServer } from '../support/local-http';

const SECRET = 'audit-token-5f1c9e';
const workflow = `
name: audit-trail
deadLetter: { queue: audit-dlq }
input:
  type: object
  required: [id, url]
  properties: { id: { type: string }, url: { type: string } }
steps:
  - id: fetch
    http:
      url: \${{ input.url }}
      headers: { Authorization: "Bearer \${{ secrets.AUDIT_TOKEN }}" }
    retry: { maxAttempts: 3, interval: 100ms, backoff: 1 }
  - id: judge
    ai:
      prompt: "Judge \${{ steps.fetch.output.body.name }}"
      output: { type: object, required: [verdict], properties: { verdict: { enum: [ok, bad] } } }
      fallback: { verdict: ok }
    retry: { maxAttempts: 1 }
  - id: reject
    fail: { error: Rejected, message: "rejected \${{ input.id }}" }
`;

let root: string;
let runtime: SluiceRuntime;
let gemini: GeminiServer;
let target: LocalHttpServer;
const saved = { ...process.env };

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'sluice-audit-'));
  mkdirSync(join(root, 'workflows'));
  writeFileSync(join(root, 'workflows', 'audit-trail.yaml'), workflow);
  writeFileSync(join(root, 'package.json'), '{"name":"audit-fixture"}');
  let calls = 0;
  // Fails twice, then answers with the Authorization header echoed back: the activity must redact it.
  target = await startHttpServer((request, response) => {
    calls++;
    if (calls <= 2) return sendJson(response, 503, { error: 'busy' });
    sendJson(response, 200, { name: 'order-7', echoed: request.headers.authorization });
  });
  gemini = await startGeminiServer();
  gemini.setDefault({ kind: 'status', status: 503, message: 'overloaded' });
  Object.assign(process.env, {
    AUDIT_TOKEN: SECRET,
    SLUICE_SECRETS: 'AUDIT_TOKEN',
    SLUICE_HTTP_ALLOW: '127.0.0.1',
    GEMINI_BASE_URL: gemini.baseUrl,
    GEMINI_API_KEY: 'test-key',
  });
  runtime = await new SluiceRuntime({ root, port: 0, dataDir: join(root, '.sluice'), log: () => undefined }).start();
}, 60_000);

afterAll(async () => {
  await runtime?.stop();
  await Promise.all([gemini?.stop(), target?.stop()]);
  process.env = saved;
  rmSync(root, { recursive: true, force: true });
});

async function finished(runId: string): Promise<{ runtimeStatus: string }> {
  for (let i = 0; i < 300; i++) {
    const status = (await (await fetch(`${runtime.url}/api/runs/${runId}/status`)).json()) as { runtimeStatus: string };
    if (['Completed', 'Failed', 'Terminated'].includes(status.runtimeStatus)) return status;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`run ${runId} did not finish`);
}

describe('a retried, degraded, dead-lettered run', () => {
  let runId: string;
  let record: any;

  beforeAll(async () => {
    const response = await fetch(`${runtime.url}/api/workflows/audit-trail/runs`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ id: 'A-1', url: `${target.url}/orders/7` }),
    });
    expect(response.status).toBe(202);
    runId = ((await response.json()) as { runId: string }).runId;
    expect((await finished(runId)).runtimeStatus).toBe('Failed');
    record = await (await fetch(`${runtime.url}/api/runs/${runId}`)).json();
  }, 60_000);

  it('records the run as dead-lettered, with where its letter went', () => {
    expect(record).toMatchObject({ id: runId, workflow: 'audit-trail', status: 'DeadLettered', deadLetter: { queue: 'audit-dlq' } });
    expect(record.error).toMatchObject({ name: 'Rejected', message: 'rejected A-1' });
  });

  it('shows the retried step with each attempt and its error', () => {
    const fetchStep = record.steps.find((step: { path: string }) => step.path === 'fetch');
    expect(fetchStep.status).toBe('Completed');
    expect(fetchStep.attempts).toHaveLength(3);
    expect(fetchStep.attempts.slice(0, 2).map((attempt: { error?: { name: string } }) => attempt.error?.name)).toEqual(['HttpError', 'HttpError']);
    expect(fetchStep.attempts[2].error).toBeUndefined();
  });

  it('shows the AI step as degraded, with the reason and the fallback output', () => {
    const judge = record.steps.find((step: { path: string }) => step.path === 'judge');
    expect(judge.status).toBe('Degraded');
    expect(judge.degraded.reason).toMatch(/503|overloaded|unavailable/i);
    expect(judge.output).toEqual({ verdict: 'ok' });
  });

  it('puts the original input in the dead-letter queue', async () => {
    const queue = new QueueClient(runtime.storageConnection, 'audit-dlq');
    const { peekedMessageItems } = await queue.peekMessages({ numberOfMessages: 32 });
    const letters = peekedMessageItems.map((item) => JSON.parse(Buffer.from(item.messageText, 'base64').toString('utf8')));
    expect(letters).toContainEqual(
      expect.objectContaining({ runId, workflow: 'audit-trail', input: { id: 'A-1', url: `${target.url}/orders/7` }, failedStep: 'reject' }),
    );
  });

  it('shows all of it in `sluice runs show`', async () => {
    let out = '';
    const code = await runsCommand(['show', runId], { stdout: (text) => (out += text), stderr: () => undefined, env: { SLUICE_DATA_DIR: join(root, '.sluice') }, cwd: root });
    expect(code).toBe(0);
    expect(out).toContain('DeadLettered');
    expect(out).toMatch(/fetch[\s\S]*3 attempts/);
    expect(out).toMatch(/degraded: .*(503|overloaded|unavailable)/i);
    expect(out).toContain('audit-dlq');
  });

  it('stores the secret nowhere: not in run history, not in the Durable history', () => {
    const dataDir = join(root, '.sluice');
    const files = readdirSync(dataDir).filter((name) => /\.(db|sqlite)(-wal|-shm)?$/.test(name));
    expect(files.length).toBeGreaterThanOrEqual(2);
    for (const file of files) expect(readFileSync(join(dataDir, file)).includes(SECRET), file).toBe(false);
    // The request did carry it: the guard is redaction, not a missing header.
    expect(target.requests.at(-1)?.headers.authorization).toBe(`Bearer ${SECRET}`);
  });
});
