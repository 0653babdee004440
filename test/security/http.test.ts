/**
 * Issue #15, findings 6 and 7, against the real `sluice serve`: requests for another Host (DNS rebinding)
 * and management calls from another Origin are refused, JSON endpoints want a JSON content type, and
 * bodies are capped in bytes (413, the server stays healthy) and in nesting depth (400).
 */
import { request as httpRequest } from 'node:http';
import { describe, expect, it } from 'vitest';
import { MAX_JSON_DEPTH } from '../../engine/adapters/http-guard';
import { useServeStack } from '../e2e/stack';

const CAP = 64 * 1024;
const stack = useServeStack({ env: { SLUICE_ALLOWED_HOSTS: 'sluice.test, proxy.test:8443', SLUICE_MAX_REQUEST_BYTES: String(CAP) } });

/** What came back from a raw request. */
interface RawAnswer {
  status: number;
  body: any;
  text: string;
}

/**
 * A request with exactly the headers given (fetch would not send a foreign Host). `chunked` sends the body
 * without a content-length, in pieces.
 */
function raw(path: string, options: { method?: string; headers?: Record<string, string>; body?: string | Buffer; chunked?: boolean } = {}): Promise<RawAnswer> {
  const url = new URL(stack.serve.url);
  const body = options.body === undefined ? undefined : Buffer.from(options.body);
  const headers: Record<string, string> = { host: url.host, ...options.headers };
  if (body && !options.chunked) headers['content-length'] = String(body.length);
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: url.hostname, port: url.port, path, method: options.method ?? 'GET', headers, setHost: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        let parsed: unknown = null;
        try {
          parsed = text ? JSON.parse(text) : null;
        } catch {
          parsed = undefined;
        }
        resolve({ status: res.statusCode!, body: parsed, text });
      });
    });
    req.on('error', reject);
    if (body && options.chunked) {
      for (let at = 0; at < body.length; at += 16 * 1024) req.write(body.subarray(at, at + 16 * 1024));
      req.end();
    } else {
      req.end(body);
    }
  });
}

const port = () => new URL(stack.serve.url).port;
const json = { 'content-type': 'application/json' };

describe('Host (DNS rebinding)', () => {
  it('refuses a foreign Host with 421 and a JSON error, on management routes and triggers alike', async () => {
    for (const [method, path] of [['GET', '/api/workflows'], ['GET', '/runtime/webhooks/durabletask/instances'], ['POST', '/api/quotes']]) {
      const answer = await raw(path, { method, headers: { host: `evil.example:${port()}`, ...json }, body: method === 'POST' ? '{}' : undefined });
      expect(answer.status, `${method} ${path}`).toBe(421);
      expect(answer.body).toMatchObject({ error: 'MisdirectedRequest' });
      expect(answer.body.message).toContain('evil.example');
    }
  });

  it('answers 127.0.0.1, localhost, [::1] and the configured SLUICE_ALLOWED_HOSTS', async () => {
    for (const host of [`127.0.0.1:${port()}`, `localhost:${port()}`, `[::1]:${port()}`, `sluice.test:${port()}`, 'proxy.test:8443']) {
      expect((await raw('/api/workflows', { headers: { host } })).status, host).toBe(200);
    }
    expect((await raw('/api/workflows', { headers: { host: 'proxy.test:9999' } })).status).toBe(421);
  });
});

describe('Origin (cross-site requests)', () => {
  const evil = { origin: 'http://evil.example' };

  it('refuses management calls from a foreign Origin with 403', async () => {
    const calls: [string, string, string | undefined][] = [
      ['GET', '/api/workflows', undefined],
      ['GET', '/api/runs', undefined],
      ['POST', '/api/workflows/order-quote/runs', '{}'],
      ['POST', '/api/runs/nope/terminate', undefined],
      ['GET', '/runtime/webhooks/durabletask/instances', undefined],
      ['POST', '/runtime/webhooks/durabletask/orchestrators/sluice', '{}'],
    ];
    for (const [method, path, body] of calls) {
      const answer = await raw(path, { method, headers: { ...evil, ...json }, body });
      expect(answer.status, `${method} ${path}`).toBe(403);
      expect(answer.body).toMatchObject({ error: 'ForbiddenOrigin' });
    }
    expect((await raw('/api/workflows', { headers: { origin: 'null' } })).status).toBe(403);
    expect((await raw('/api/workflows', { headers: { origin: 'http://localhost:3000' } })).status).toBe(403);
  });

  it('answers a same-origin Origin and a request without one (CLI, curl)', async () => {
    expect((await raw('/api/workflows', { headers: { origin: stack.serve.url } })).status).toBe(200);
    expect((await raw('/api/workflows', { headers: { host: `localhost:${port()}`, origin: `http://localhost:${port()}` } })).status).toBe(200);
    expect((await raw('/api/workflows')).status).toBe(200);
  });

  it('leaves workflow HTTP triggers to their own auth: a foreign Origin reaches the trigger', async () => {
    const answer = await raw('/api/quotes', { method: 'POST', headers: { ...evil, ...json }, body: '{}' });
    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({ error: 'ValidationError' });
  });
});

describe('Content-Type', () => {
  it('refuses a text/plain body with 415 on the API, the Durable API and a trigger', async () => {
    for (const path of ['/api/workflows/order-quote/runs', '/api/quotes', '/runtime/webhooks/durabletask/orchestrators/sluice']) {
      const answer = await raw(path, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: '{"orderId":"x"}' });
      expect(answer.status, path).toBe(415);
      expect(answer.body).toMatchObject({ error: 'UnsupportedMediaType' });
    }
    expect((await raw('/api/quotes', { method: 'POST', body: '{}' })).status).toBe(415);
  });

  it('accepts application/json with a charset and application/*+json', async () => {
    const quote = JSON.stringify({ orderId: 'q-sec', lines: [{ sku: 'A-1', qty: 1, unitPrice: 1 }] });
    const started = await raw('/api/quotes', { method: 'POST', headers: { 'content-type': 'application/json; charset=utf-8' }, body: quote });
    expect(started.status).toBe(202);
    const plus = await raw('/api/workflows/order-quote/runs', { method: 'POST', headers: { 'content-type': 'application/cloudevents+json' }, body: '{}' });
    expect(plus.status).toBe(400);
    expect(plus.body).toMatchObject({ error: 'ValidationError' });
  });

  it('needs no content type for a call without a body', async () => {
    const answer = await raw('/api/runs/no-such-run/terminate', { method: 'POST' });
    expect(answer.status).toBe(404);
  });
});

describe('Limits', () => {
  const big = JSON.stringify({ orderId: 'q-big', pad: 'x'.repeat(3 * CAP) });

  it('refuses a body over SLUICE_MAX_REQUEST_BYTES with 413 (declared or chunked), then serves the next request', async () => {
    for (const chunked of [false, true]) {
      for (const path of ['/api/quotes', '/api/workflows/order-quote/runs', '/runtime/webhooks/durabletask/instances/x/raiseEvent/go']) {
        const answer = await raw(path, { method: 'POST', headers: json, body: big, chunked });
        expect(answer.status, `${path} chunked=${chunked}`).toBe(413);
        expect(answer.body).toMatchObject({ error: 'PayloadTooLarge' });
        expect(answer.body.message).toContain(String(CAP));
      }
    }
    const healthy = await raw('/api/workflows');
    expect(healthy.status).toBe(200);
    expect(healthy.body.workflows.length).toBeGreaterThan(0);
  });

  it('refuses JSON nested 7,000 deep with 400 naming the limit', async () => {
    const deep = '['.repeat(7000) + ']'.repeat(7000);
    // The Durable API's start route takes a run input, which holds the request body one level down.
    const limits: [string, number][] = [
      ['/api/quotes', MAX_JSON_DEPTH],
      ['/api/workflows/order-quote/runs', MAX_JSON_DEPTH],
      ['/api/runs/x/events/go', MAX_JSON_DEPTH],
      ['/runtime/webhooks/durabletask/instances/x/raiseEvent/go', MAX_JSON_DEPTH],
      ['/runtime/webhooks/durabletask/orchestrators/sluice', MAX_JSON_DEPTH + 1],
    ];
    for (const [path, limit] of limits) {
      const answer = await raw(path, { method: 'POST', headers: json, body: deep });
      expect(answer.status, path).toBe(400);
      expect(answer.body).toMatchObject({ error: 'JsonTooDeep' });
      expect(answer.body.message).toContain(`deeper than ${limit} levels`);
    }
    expect((await raw('/api/workflows')).status).toBe(200);
  });
});
