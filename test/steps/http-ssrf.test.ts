import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttpActivity, type HttpStepConfig } from '../../engine/steps/http/activity';
import { parseAllowList, refuseAddress } from '../../engine/steps/http/ssrf';
import type { StepActivityInput, StepActivityResult } from '../../engine/activities/contract';
import { stepCall } from '../support/step-call';
import { sendJson, startHttpServer, type LocalHttpServer } from '../support/local-http';

function input(url: string, headers?: Record<string, string>): StepActivityInput<HttpStepConfig> {
  return { run: { id: 'r', workflow: 'wf', definitionHash: 'h' }, stepPath: 'call', attempt: 1, ...stepCall<HttpStepConfig>({ method: 'GET', url, headers }) };
}

function refusal(result: StepActivityResult): string {
  expect(result).toMatchObject({ ok: false, error: { name: 'HttpError', retryable: false } });
  return result.ok ? '' : result.error.message;
}

describe('address checks', () => {
  it.each([
    ['127.0.0.1', 'loopback'],
    ['127.9.9.9', 'loopback'],
    ['::1', 'loopback'],
    ['::ffff:127.0.0.1', 'loopback, embedded in an IPv6 address'],
    ['169.254.169.254', 'link-local (the cloud metadata endpoint)'],
    ['169.254.1.1', 'link-local'],
    ['fe80::1', 'link-local'],
    ['10.1.2.3', 'a private address (10.0.0.0/8)'],
    ['172.20.0.1', 'a private address (172.16.0.0/12)'],
    ['192.168.1.1', 'a private address (192.168.0.0/16)'],
    ['fd12::1', 'a private (unique local) address'],
    ['100.64.0.1', 'a shared (carrier-grade NAT) address'],
    ['0.0.0.0', 'an unspecified ("this network") address'],
    ['::ffff:10.0.0.1', 'a private address (10.0.0.0/8), embedded in an IPv6 address'],
  ])('refuses %s as %s', (address, reason) => {
    const message = refuseAddress(address, 80, []);
    expect(message).toContain(`is ${reason}; allow it with SLUICE_HTTP_ALLOW`);
  });

  it.each(['8.8.8.8', '172.32.0.1', '2001:4860:4860::8888', '100.128.0.1'])('lets public %s through', (address) => {
    expect(refuseAddress(address, 443, [])).toBeUndefined();
  });

  it.each([
    ['10.0.0.0/8', '10.200.3.4', 80, true],
    ['10.0.0.0/8', '11.0.0.1', 80, true], // public anyway
    ['10.0.0.0/8', '192.168.0.1', 80, false],
    ['127.0.0.1:8080', '127.0.0.1', 8080, true],
    ['127.0.0.1:8080', '127.0.0.1', 8081, false],
    ['[::1]:9000', '::1', 9000, true],
    ['fe80::/10', 'fe80::abcd', 80, true],
    ['127.0.0.0/8', '::ffff:127.0.0.5', 80, true],
  ])('allow-list %s for %s:%i → %s', (entry, address, port, allowed) => {
    expect(refuseAddress(address, port, parseAllowList([entry])) === undefined).toBe(allowed);
  });

  it('rejects a malformed allow-list entry', () => {
    expect(() => parseAllowList(['10.0.0.0/8/9'])).toThrow(/SLUICE_HTTP_ALLOW entry/);
  });
});

describe('http activity refusals (nothing is sent)', () => {
  let target: LocalHttpServer;
  beforeAll(async () => {
    target = await startHttpServer((_req, res) => sendJson(res, 200, { reached: true }));
  });
  afterAll(() => target.stop());
  const guarded = createHttpActivity({ env: {} });

  it('refuses 127.0.0.1', async () => {
    expect(refusal(await guarded(input(`${target.url}/`)))).toBe('refused: 127.0.0.1 is loopback; allow it with SLUICE_HTTP_ALLOW');
    expect(target.requests).toHaveLength(0);
  });

  it('refuses a host name that resolves to loopback, at connect time', async () => {
    expect(refusal(await guarded(input(`http://localhost:${target.port}/`)))).toMatch(/^refused: localhost resolves to (127\.0\.0\.1|::1), which is loopback/);
    expect(target.requests).toHaveLength(0);
  });

  it.each([
    ['http://169.254.169.254/latest/meta-data/', 'refused: 169.254.169.254 is link-local (the cloud metadata endpoint); allow it with SLUICE_HTTP_ALLOW'],
    ['http://10.1.2.3/', 'refused: 10.1.2.3 is a private address (10.0.0.0/8); allow it with SLUICE_HTTP_ALLOW'],
    ['http://[::ffff:7f00:1]:1/', 'refused: ::ffff:7f00:1 is loopback, embedded in an IPv6 address; allow it with SLUICE_HTTP_ALLOW'],
    ['http://2130706433/', 'refused: 127.0.0.1 is loopback; allow it with SLUICE_HTTP_ALLOW'],
    ['file:///etc/passwd', 'refused: file:// URLs are not allowed; http steps speak only http and https'],
  ])('refuses %s', async (url, message) => {
    expect(refusal(await guarded(input(url)))).toBe(message);
  });
});

describe('redirects are re-checked on every hop', () => {
  let front: LocalHttpServer; // on 127.0.0.2: the only allow-listed address
  let hidden: LocalHttpServer; // on 127.0.0.1: never allowed
  beforeAll(async () => {
    hidden = await startHttpServer((req, res) => sendJson(res, 200, { reached: 'hidden', auth: req.headers.authorization ?? null }));
    front = await startHttpServer((req, res) => {
      const path = new URL(req.url, 'http://x').pathname;
      const to = (location: string) => {
        res.writeHead(302, { location });
        res.end();
      };
      if (path === '/to-hidden') return to(`http://127.0.0.1:${hidden.port}/secret`);
      if (path === '/to-localhost') return to(`http://localhost:${hidden.port}/secret`);
      if (path === '/to-metadata') return to('http://169.254.169.254/latest/meta-data/');
      if (path === '/hop') return to('/done');
      if (path === '/loop') return to('/loop');
      if (path === '/see-other') {
        res.writeHead(303, { location: '/done' });
        return void res.end();
      }
      sendJson(res, 200, { reached: 'front', method: req.method, auth: req.headers.authorization ?? null });
    }, '127.0.0.2');
  });
  afterAll(async () => {
    await front.stop();
    await hidden.stop();
  });
  const onlyFront = createHttpActivity({ env: { SLUICE_HTTP_ALLOW: '127.0.0.2', TOKEN: 'tok-12345', SLUICE_SECRETS: 'TOKEN' } });

  it('follows an allowed redirect', async () => {
    expect(await onlyFront(input(`${front.url}/hop`))).toMatchObject({ ok: true, output: { status: 200, body: { reached: 'front' } } });
  });

  it('refuses a redirect to a loopback address that is not allow-listed', async () => {
    const message = refusal(await onlyFront(input(`${front.url}/to-hidden`)));
    expect(message).toBe(`redirect to http://127.0.0.1:${hidden.port}/secret refused: 127.0.0.1 is loopback; allow it with SLUICE_HTTP_ALLOW`);
    expect(hidden.requests).toHaveLength(0);
  });

  it('refuses a redirect to a host name resolving to loopback', async () => {
    expect(refusal(await onlyFront(input(`${front.url}/to-localhost`)))).toMatch(/^redirect to http:\/\/localhost:\d+\/secret refused: localhost resolves to/);
    expect(hidden.requests).toHaveLength(0);
  });

  it('refuses a redirect to the metadata endpoint', async () => {
    expect(refusal(await onlyFront(input(`${front.url}/to-metadata`)))).toContain('169.254.169.254 is link-local');
  });

  it('stops after 5 redirects', async () => {
    expect(refusal(await onlyFront(input(`${front.url}/loop`)))).toContain('more than 5 redirects');
    expect(front.requests.filter((r) => r.url === '/loop').length).toBe(6);
  });

  it('allows by port, and drops credentials on a cross-origin redirect', async () => {
    const byPort = createHttpActivity({ env: { SLUICE_HTTP_ALLOW: `127.0.0.2,127.0.0.1:${hidden.port}`, TOKEN: 'tok-12345', SLUICE_SECRETS: 'TOKEN' } });
    const result = await byPort(input(`${front.url}/to-hidden`, { authorization: 'Bearer ${{ secrets.TOKEN }}' }));
    expect(result).toMatchObject({ ok: true, output: { body: { reached: 'hidden', auth: null } } });
    expect(front.requests.at(-1)?.headers.authorization).toBe('Bearer tok-12345');
    const otherPort = createHttpActivity({ env: { SLUICE_HTTP_ALLOW: `127.0.0.2,127.0.0.1:${hidden.port + 1}` } });
    expect(refusal(await otherPort(input(`${front.url}/to-hidden`)))).toContain('127.0.0.1 is loopback');
  });

  it('turns a 303 into a GET', async () => {
    const run = createHttpActivity({ env: { SLUICE_HTTP_ALLOW: '127.0.0.2' } });
    const result = await run({ ...input(`${front.url}/see-other`), config: { method: 'POST', url: `${front.url}/see-other`, body: { a: 1 } } });
    expect(result).toMatchObject({ ok: true, output: { body: { method: 'GET' } } });
  });
});
