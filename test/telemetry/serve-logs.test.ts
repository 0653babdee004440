/**
 * Acceptance (#19): `sluice serve`'s stdout, not a terminal, is JSON lines. One run with a retried http
 * step, an ai step degraded by the run's token budget and a failure that is dead-lettered logs each of
 * those facts with its run id, workflow, step and attempt, and never a secret the workflow uses.
 */
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServe, type ServeProcess } from '../e2e/serve-process';
import { startGeminiServer, type GeminiServer } from '../support/gemini-server';
import { sendJson, startHttpServer, type LocalHttpServer } from '../support/local-http';

const SECRET = 'log-secret-value-123';

interface LogLine {
  level: string;
  time: string;
  msg: string;
  runId?: string;
  workflow?: string;
  step?: string;
  attempt?: number;
  error?: { name?: string; message?: string };
  [field: string]: unknown;
}

describe('sluice serve logs', () => {
  let gemini: GeminiServer;
  let service: LocalHttpServer;
  let serve: ServeProcess | undefined;
  let root: string;

  beforeAll(async () => {
    gemini = await startGeminiServer();
    gemini.setDefault({ kind: 'text', text: 'hello' });
    let flaky = 0;
    service = await startHttpServer((request, response) => {
      if (flaky++ === 0) return sendJson(response, 503, { error: 'busy' });
      sendJson(response, 200, { ok: true });
    });
    root = mkdtempSync(join(tmpdir(), 'sluice-logs-'));
    mkdirSync(join(root, 'workflows'));
    writeFileSync(join(root, 'package.json'), '{"name":"logs-fixture","private":true}');
    copyFileSync(resolve(__dirname, '..', '..', 'host.json'), join(root, 'host.json'));
    writeFileSync(
      join(root, 'workflows', 'logged.yaml'),
      [
        'name: logged',
        'triggers:',
        '  http: { route: logged }',
        'deadLetter: { queue: logged-dlq }',
        'ai: { maxTokensPerRun: 10 }',
        'steps:',
        '  - id: fetch',
        `    http: { url: "${service.url}/flaky?token=\${{ secrets.LOG_TOKEN }}", method: GET }`,
        '    retry: { maxAttempts: 2, interval: 100ms }',
        '  - id: first',
        '    ai: { prompt: "Say hello", fallback: "none" }',
        '  - id: second',
        '    ai: { prompt: "Say more", fallback: "skipped" }',
        '  - id: boom',
        '    fail: { error: Boom, message: "the end" }',
        '',
      ].join('\n'),
    );
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      GEMINI_API_KEY: 'gemini-logs-key',
      GEMINI_BASE_URL: gemini.baseUrl,
      SLUICE_SECRETS: 'LOG_TOKEN',
      LOG_TOKEN: SECRET,
      SLUICE_HTTP_ALLOW: '127.0.0.1',
      SLUICE_LOG_LEVEL: 'info',
      NODE_NO_WARNINGS: '1',
    };
    delete env.AzureWebJobsStorage;
    for (const name of Object.keys(env)) if (name.startsWith('OTEL_')) delete env[name];
    serve = await startServe(root, join(root, '.sluice'), env, 120_000);
  }, 180_000);

  afterAll(async () => {
    await serve?.stop();
    await gemini?.stop();
    await service?.stop();
    if (root) rmSync(root, { recursive: true, force: true });
  });

  it('writes a JSON line per fact of a run with a retry, a degraded ai step and a dead letter', async () => {
    const response = await fetch(`${serve!.url}/api/logged`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(response.status, await response.clone().text()).toBe(202);
    const runId = ((await response.json()) as { id: string }).id;
    const lines = (): LogLine[] =>
      serve!
        .output()
        .split('\n')
        .filter((line) => line.startsWith('{'))
        .map((line) => JSON.parse(line) as LogLine);
    const finished = () => lines().find((line) => line.msg === 'run finished' && line.runId === runId);
    for (let i = 0; i < 600 && !finished(); i++) await new Promise((done) => setTimeout(done, 100));
    expect(finished(), serve!.output()).toBeDefined();
    const ofRun = lines().filter((line) => line.runId === runId);

    for (const line of lines()) {
      expect(typeof line.level).toBe('string');
      expect(Number.isNaN(Date.parse(line.time))).toBe(false);
      expect(typeof line.msg).toBe('string');
    }
    expect(lines().some((line) => line.msg === 'start-up')).toBe(true);
    expect(ofRun.find((line) => line.msg === 'run started')).toMatchObject({ level: 'info', workflow: 'logged', trigger: 'http' });
    expect(ofRun.find((line) => line.msg === 'step attempt failed')).toMatchObject({
      level: 'warn',
      workflow: 'logged',
      step: 'fetch',
      attempt: 1,
      error: { name: 'HttpError' },
    });
    expect(ofRun.find((line) => line.msg === 'step retrying')).toMatchObject({ step: 'fetch', attempt: 2 });
    expect(ofRun.find((line) => line.msg === 'step degraded')).toMatchObject({ level: 'warn', step: 'second', reason: 'budget' });
    expect(ofRun.find((line) => line.msg === 'dead letter sent')).toMatchObject({ level: 'warn', queue: 'logged-dlq' });
    expect(finished()).toMatchObject({ level: 'error', workflow: 'logged', status: 'DeadLettered', step: 'boom', error: { name: 'Boom' }, aiTokens: 15 });
    // The budget held: the second ai step never reached Gemini.
    expect(gemini.calls).toHaveLength(1);
    // The secret went out in the URL, and the failed attempt's error names that URL: redacted.
    expect(service.requests[0].url).toContain(SECRET);
    expect(serve!.output()).not.toContain(SECRET);
    expect(JSON.stringify(ofRun)).toContain('token=***');
  }, 120_000);
});
