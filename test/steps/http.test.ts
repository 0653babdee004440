import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttpActivity, type HttpStepConfig } from '../../engine/steps/http/activity';
import type { StepActivityInput } from '../../engine/activities/contract';
import { stepCall } from '../support/step-call';
import { sendJson, startHttpServer, type LocalHttpServer } from '../support/local-http';

const TOKEN = 's3cr3t-token-value';
let api: LocalHttpServer;

function input(config: HttpStepConfig, timeoutMs?: number): StepActivityInput<HttpStepConfig> {
  return { run: { id: 'run-1', workflow: 'wf', definitionHash: 'h' }, stepPath: 'call', attempt: 1, ...stepCall(config), timeoutMs };
}

beforeAll(async () => {
  api = await startHttpServer(async (req, res) => {
    const path = new URL(req.url, 'http://x').pathname;
    if (path === '/echo') return sendJson(res, 200, { method: req.method, url: req.url, auth: req.headers.authorization ?? null, body: req.body });
    if (path === '/text') return void res.end('plain words');
    if (path === '/missing') return sendJson(res, 404, { error: 'no such order' });
    if (path === '/busy') return sendJson(res, 503, { error: 'try later' });
    if (path === '/slow-down') return sendJson(res, 429, { error: 'too many' }, { 'retry-after': '1' });
    if (path === '/big') {
      res.writeHead(200, { 'content-type': 'text/plain' }); // no content-length: the cap must hold while streaming
      for (let i = 0; i < 10; i++) res.write('x'.repeat(1000));
      return void res.end();
    }
    if (path === '/hang') return; // never answers
    sendJson(res, 500, { error: `unexpected ${path}` });
  });
});
afterAll(() => api.stop());

describe('http activity against a local server', () => {
  const allowed = () => createHttpActivity({ env: { SLUICE_HTTP_ALLOW: '127.0.0.1', PRICES_TOKEN: TOKEN, SLUICE_SECRETS: 'PRICES_TOKEN,NOT_SET' } });

  it('sends query, headers with a resolved secret and a JSON body, and parses the JSON answer', async () => {
    const result = await allowed()(
      input({
        method: 'post',
        url: `${api.url}/echo`,
        query: { orderId: 'o-1', tag: ['a', 'b'] },
        headers: { Authorization: 'Bearer ${{ secrets.PRICES_TOKEN }}' },
        body: { qty: 2 },
      }),
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const output = result.output as { status: number; headers: Record<string, string>; body: Record<string, unknown> };
    expect(output.status).toBe(200);
    expect(output.headers['content-type']).toBe('application/json');
    expect(output.body).toMatchObject({ method: 'POST', url: '/echo?orderId=o-1&tag=a&tag=b', body: '{"qty":2}' });
    // The server received the real token, but its reflection never leaves the activity.
    expect(api.requests.at(-1)?.headers.authorization).toBe(`Bearer ${TOKEN}`);
    expect(output.body.auth).toBe('Bearer ***');
    expect(JSON.stringify(result)).not.toContain(TOKEN);
  });

  it('returns text bodies as strings', async () => {
    const result = await allowed()(input({ method: 'GET', url: `${api.url}/text` }));
    expect(result).toMatchObject({ ok: true, output: { status: 200, body: 'plain words' } });
  });

  it.each([
    ['/missing', 404, false],
    ['/busy', 503, true],
    ['/slow-down', 429, true],
  ])('maps %s to HttpError %i (retryable: %s)', async (path, status, retryable) => {
    const result = await allowed()(input({ method: 'GET', url: `${api.url}${path}` }));
    expect(result).toMatchObject({ ok: false, error: { name: 'HttpError', status, retryable } });
  });

  it('refuses a response over SLUICE_HTTP_MAX_BYTES while it streams', async () => {
    const run = createHttpActivity({ env: { SLUICE_HTTP_ALLOW: '127.0.0.1', SLUICE_HTTP_MAX_BYTES: '4096' } });
    const result = await run(input({ method: 'GET', url: `${api.url}/big` }));
    expect(result).toMatchObject({ ok: false, error: { name: 'HttpError', retryable: false } });
    if (!result.ok) expect(result.error.message).toContain('SLUICE_HTTP_MAX_BYTES (4096 bytes)');
  });

  it('gives up at the step deadline with a retryable Timeout', async () => {
    const result = await allowed()(input({ method: 'GET', url: `${api.url}/hang` }, 300));
    expect(result).toMatchObject({ ok: false, error: { name: 'Timeout', retryable: true } });
  });

  it('honours the step body timeout and SLUICE_HTTP_TIMEOUT', async () => {
    const own = await allowed()(input({ method: 'GET', url: `${api.url}/hang`, timeout: '200ms' }));
    expect(own).toMatchObject({ ok: false, error: { name: 'Timeout' } });
    const run = createHttpActivity({ env: { SLUICE_HTTP_ALLOW: '127.0.0.1', SLUICE_HTTP_TIMEOUT: '250ms' } });
    expect(await run(input({ method: 'GET', url: `${api.url}/hang` }))).toMatchObject({ ok: false, error: { name: 'Timeout' } });
  });

  it('names a missing secret without any value', async () => {
    const result = await allowed()(input({ method: 'GET', url: `${api.url}/echo`, headers: { 'x-key': '${{ secrets.NOT_SET }}' } }));
    expect(result).toMatchObject({ ok: false, error: { name: 'ValidationError', retryable: false } });
    if (!result.ok) expect(result.error.message).toContain('NOT_SET');
  });

  it('reports a refused connection as a retryable network HttpError', async () => {
    const closed = await startHttpServer(() => undefined);
    await closed.stop();
    const result = await allowed()(input({ method: 'GET', url: `${closed.url}/` }));
    expect(result).toMatchObject({ ok: false, error: { name: 'HttpError', retryable: true } });
    if (!result.ok) expect(result.error.message).toContain('ECONNREFUSED');
  });
});
