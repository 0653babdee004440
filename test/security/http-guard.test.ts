/**
 * The request guard as functions (fast): Host and Origin checks of the local server, the JSON body checks
 * (media type, byte cap, nesting depth) shared with the Azure app, and the Azure HTTP functions refusing
 * through the same checks with `@azure/functions` HttpRequest objects.
 */
import { HttpRequest, type HttpResponseInit } from '@azure/functions';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  MAX_JSON_DEPTH,
  allowedHostsFor,
  checkHost,
  checkOrigin,
  isJsonMediaType,
  jsonNestsDeeper,
  readJsonBody,
} from '../../engine/adapters/http-guard';
import { captureRegistrationsAsync, type CapturedRegistrations } from '../../engine/adapters/local/durable/registrations';
import { durableClientBinding } from '../../engine/adapters/local/durable';
import { contextFor } from '../../engine/adapters/local/functions/invoke';
import { TEST_SIGNING_KEY } from '../support/trust';

const limits = { maxBytes: 1024, maxDepth: MAX_JSON_DEPTH };
const deep = (n: number) => '['.repeat(n) + ']'.repeat(n);

async function* chunksOf(...parts: string[]): AsyncGenerator<Uint8Array> {
  for (const part of parts) yield Buffer.from(part);
}

describe('Host and Origin (local server)', () => {
  const allowed = allowedHostsFor(7071, ['sluice.test', 'proxy.test:8443']);

  it.each([
    ['127.0.0.1:7071', true],
    ['localhost:7071', true],
    ['LOCALHOST:7071', true],
    ['[::1]:7071', true],
    ['localhost', true],
    ['sluice.test:7071', true],
    ['proxy.test:8443', true],
    ['proxy.test:9000', false],
    ['evil.example:7071', false],
    ['127.0.0.1.evil.example:7071', false],
    ['localhost.:7071', false],
    ['', false],
    [undefined, false],
  ])('Host %j allowed: %s', (host, ok) => {
    const refusal = checkHost(host, allowed);
    if (ok) expect(refusal).toBeUndefined();
    else expect(refusal).toMatchObject({ status: 421, body: { error: 'MisdirectedRequest' } });
  });

  it.each([
    [undefined, '127.0.0.1:7071', true],
    ['http://127.0.0.1:7071', '127.0.0.1:7071', true],
    ['http://localhost:7071', '127.0.0.1:7071', true],
    ['http://sluice.test:7071', 'sluice.test:7071', true],
    ['https://proxy.test:8443', 'proxy.test:8443', true],
    // A page served by another program on this machine is another origin.
    ['http://localhost:3000', '127.0.0.1:7071', false],
    ['http://evil.example', '127.0.0.1:7071', false],
    ['http://evil.example:7071', '127.0.0.1:7071', false],
    ['null', '127.0.0.1:7071', false],
    ['not a url', '127.0.0.1:7071', false],
  ])('Origin %j (Host %s) allowed: %s', (origin, host, ok) => {
    const refusal = checkOrigin(origin, host, allowed);
    if (ok) expect(refusal).toBeUndefined();
    else expect(refusal).toMatchObject({ status: 403, body: { error: 'ForbiddenOrigin' } });
  });
});

describe('JSON bodies', () => {
  it.each([
    ['application/json', true],
    ['application/json; charset=utf-8', true],
    ['Application/JSON', true],
    ['application/cloudevents+json', true],
    ['application/merge-patch+json; charset=utf-8', true],
    ['text/plain', false],
    ['text/plain;charset=UTF-8', false],
    ['application/x-www-form-urlencoded', false],
    ['multipart/form-data; boundary=x', false],
    ['application/jsonx', false],
    ['application/+json', false],
    ['', false],
    [undefined, false],
  ])('%j is JSON: %s', (type, ok) => {
    expect(isJsonMediaType(type)).toBe(ok);
  });

  it('measures depth with a scanner: brackets in strings and escapes do not count, no stack overflow', () => {
    expect(jsonNestsDeeper(deep(MAX_JSON_DEPTH), MAX_JSON_DEPTH)).toBe(false);
    expect(jsonNestsDeeper(deep(MAX_JSON_DEPTH + 1), MAX_JSON_DEPTH)).toBe(true);
    expect(jsonNestsDeeper(`{"a":"${'['.repeat(500)}\\"${'{'.repeat(500)}"}`, 2)).toBe(false);
    expect(jsonNestsDeeper(Buffer.from(`{"é\\\\":[{"x":[1]}]}`), 3)).toBe(true);
    expect(jsonNestsDeeper(Buffer.from(`{"é\\\\":[{"x":[1]}]}`), 4)).toBe(false);
    expect(jsonNestsDeeper(deep(1_000_000), MAX_JSON_DEPTH)).toBe(true);
  });

  it('accepts a JSON body within the limits, and a request without a body whatever its type', async () => {
    const ok = await readJsonBody({ contentType: 'application/json', contentLength: '7', chunks: chunksOf('{"a":1}') }, limits);
    expect(ok).toMatchObject({ ok: true });
    expect(ok.ok && ok.bytes.toString()).toBe('{"a":1}');
    expect(await readJsonBody({ contentType: 'text/plain', contentLength: '0', chunks: chunksOf() }, limits)).toMatchObject({ ok: true });
    expect(await readJsonBody({ contentType: undefined, contentLength: undefined, chunks: null }, limits)).toMatchObject({ ok: true });
  });

  it('refuses a body that is not JSON with 415, also when no content type is given', async () => {
    for (const contentType of ['text/plain', undefined]) {
      const refused = await readJsonBody({ contentType, contentLength: '2', chunks: chunksOf('{}') }, limits);
      expect(refused).toMatchObject({ ok: false, refusal: { status: 415, body: { error: 'UnsupportedMediaType' } } });
    }
  });

  it('refuses a declared length over the cap with 413 without reading the body', async () => {
    let pulled = 0;
    async function* counting(): AsyncGenerator<Uint8Array> {
      pulled++;
      yield Buffer.alloc(10);
    }
    const refused = await readJsonBody({ contentType: 'application/json', contentLength: '1025', chunks: counting() }, limits);
    expect(refused).toMatchObject({ ok: false, refusal: { status: 413, body: { error: 'PayloadTooLarge' } } });
    expect(!refused.ok && refused.refusal.body.message).toContain('1024 bytes');
    expect(pulled).toBe(0);
  });

  it('stops reading a streamed body as soon as it passes the cap', async () => {
    let pulled = 0;
    async function* endless(): AsyncGenerator<Uint8Array> {
      for (;;) {
        pulled++;
        yield Buffer.alloc(300, 0x20);
      }
    }
    const refused = await readJsonBody({ contentType: 'application/json', contentLength: undefined, chunks: endless() }, limits);
    expect(refused).toMatchObject({ ok: false, refusal: { status: 413 } });
    expect(pulled).toBe(4);
  });

  it('refuses JSON nested deeper than the limit with 400 naming the limit', async () => {
    const text = deep(7000);
    const refused = await readJsonBody({ contentType: 'application/json', contentLength: String(text.length), chunks: chunksOf(text) }, { ...limits, maxBytes: 1 << 20 });
    expect(refused).toMatchObject({ ok: false, refusal: { status: 400, body: { error: 'JsonTooDeep' } } });
    expect(!refused.ok && refused.refusal.body.message).toContain(String(MAX_JSON_DEPTH));
  });
});

describe('the Azure HTTP functions refuse through the same checks', () => {
  let captured: CapturedRegistrations;
  beforeAll(async () => {
    // The app refuses to start without a key to sign run inputs with (docs/security.md).
    process.env.SLUICE_SIGNING_KEY ??= TEST_SIGNING_KEY;
    captured = await captureRegistrationsAsync(() => import('../../engine/adapters/azure/app.js'));
  });

  async function invoke(name: string, init: { method?: string; url: string; headers?: Record<string, string>; body?: string; params?: Record<string, string> }): Promise<HttpResponseInit> {
    const fn = captured.http.find((candidate) => candidate.name === name)!;
    const request = new HttpRequest({
      method: init.method ?? 'POST',
      url: init.url,
      headers: init.headers ?? {},
      params: init.params ?? {},
      body: init.body === undefined ? undefined : { string: init.body },
    });
    const context = contextFor(fn, durableClientBinding('http://127.0.0.1:1'));
    return (await (fn.handler as (request: HttpRequest, context: unknown) => Promise<HttpResponseInit>)(request, context))!;
  }

  it('415 for text/plain on the start endpoint and on a workflow trigger', async () => {
    const start = await invoke('sluice-start', { url: 'https://app.example/api/workflows/order-quote/runs', params: { name: 'order-quote' }, headers: { 'content-type': 'text/plain' }, body: '{}' });
    expect(start).toMatchObject({ status: 415, jsonBody: { error: 'UnsupportedMediaType' } });
    const trigger = await invoke('start-order-quote', { url: 'https://app.example/api/quotes', headers: { 'content-type': 'text/plain' }, body: '{}' });
    expect(trigger).toMatchObject({ status: 415, jsonBody: { error: 'UnsupportedMediaType' } });
  });

  it('413 for a body over SLUICE_MAX_REQUEST_BYTES (1 MiB by default)', async () => {
    const body = JSON.stringify({ pad: 'x'.repeat(1024 * 1024) });
    const refused = await invoke('start-order-quote', { url: 'https://app.example/api/quotes', headers: { 'content-type': 'application/json' }, body });
    expect(refused).toMatchObject({ status: 413, jsonBody: { error: 'PayloadTooLarge' } });
  });

  it('400 naming the limit for JSON nested 7,000 deep', async () => {
    const refused = await invoke('sluice-run-event', {
      url: 'https://app.example/api/runs/r1/events/go',
      params: { id: 'r1', event: 'go' },
      headers: { 'content-type': 'application/json' },
      body: deep(7000),
    });
    expect(refused).toMatchObject({ status: 400, jsonBody: { error: 'JsonTooDeep' } });
    expect(JSON.stringify(refused.jsonBody)).toContain(`${MAX_JSON_DEPTH}`);
  });

  it('a JSON body within the limits reaches the handler', async () => {
    const answer = await invoke('sluice-start', { url: 'https://app.example/api/workflows/order-quote/runs', params: { name: 'order-quote' }, headers: { 'content-type': 'application/json' }, body: '{}' });
    // The input schema refuses `{}`: the handler ran.
    expect(answer).toMatchObject({ status: 400, jsonBody: { error: 'ValidationError' } });
  });
});
