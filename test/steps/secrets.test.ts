import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createRedactor, resolveSecrets } from '../../engine/activities/secrets';
import { withDeadline } from '../../engine/activities/outcome';
import { stepCall } from '../support/step-call';

const env = { API_TOKEN: 'tok/with+special&chars', OTHER: 'zzz-other', EMPTY: '', SLUICE_SECRETS: 'API_TOKEN,OTHER,EMPTY,NOPE' };

/** Resolves a definition body's secrets as its activity would. */
function resolve(body: unknown, input: unknown = {}) {
  const call = stepCall(body, input);
  return resolveSecrets(call.config, call.secrets, env);
}

describe('resolveSecrets', () => {
  it('resolves the definition\'s references deep inside strings, exact or interpolated, with any spacing', () => {
    const resolved = resolve({ headers: { Authorization: 'Bearer ${{ secrets.API_TOKEN }}' }, list: ['${{secrets.OTHER}}', 3, null, true], keep: '${{ input.x }}' }, { x: 'kept' });
    expect(resolved).toMatchObject({
      ok: true,
      value: { headers: { Authorization: 'Bearer tok/with+special&chars' }, list: ['zzz-other', 3, null, true], keep: 'kept' },
    });
  });

  it('leaves data that looks like a reference alone', () => {
    const resolved = resolve({ a: '${{ input.x }} and ${{ secrets.OTHER }}', b: '${{ input.x }}' }, { x: '${{ secrets.API_TOKEN }}' });
    expect(resolved).toMatchObject({ ok: true, value: { a: '${{ secrets.API_TOKEN }} and zzz-other', b: '${{ secrets.API_TOKEN }}' } });
  });

  it('names every missing (or empty) setting, sorted, without any value', () => {
    const resolved = resolve({ a: '${{ secrets.NOPE }} ${{ secrets.EMPTY }} ${{ secrets.API_TOKEN }}' });
    expect(resolved).toEqual({
      ok: false,
      error: {
        name: 'ValidationError',
        message: 'secrets EMPTY, NOPE are not set: add them as app settings (environment variables locally)',
        retryable: false,
      },
    });
    expect(JSON.stringify(resolved)).not.toContain(env.API_TOKEN);
  });

  it('keeps a __proto__ key as data', () => {
    const value = JSON.parse('{"__proto__": {"polluted": "${{ secrets.OTHER }}"}}');
    const config = JSON.parse('{"__proto__": {"polluted": "${{ secrets.OTHER }}"}}');
    const resolved = resolveSecrets(config, [{ path: ['__proto__', 'polluted'], parts: [{ secret: 'OTHER' }] }], env);
    expect(resolved.ok && Object.getPrototypeOf(resolved.value)).toBe(Object.prototype);
    expect(resolved.ok && JSON.stringify(resolved.value)).toBe('{"__proto__":{"polluted":"zzz-other"}}');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(value).toEqual(config); // the input is not changed in place
  });

  it('refuses a site that does not lead to a string of the config', () => {
    expect(resolveSecrets({ a: 1 }, [{ path: ['a'], parts: [{ secret: 'OTHER' }] }], env)).toMatchObject({ ok: false, error: { name: 'ValidationError' } });
    expect(resolveSecrets({ a: 'x' }, [{ path: ['b'], parts: [{ secret: 'OTHER' }] }], env)).toMatchObject({ ok: false, error: { name: 'ValidationError' } });
  });
});

describe('redaction', () => {
  const redact = createRedactor([env.API_TOKEN, 'zzz-other-token']);

  it('hides raw, URL-encoded and JSON-escaped forms, the longest first', () => {
    expect(redact.text('auth=tok/with+special&chars')).toBe('auth=***');
    expect(redact.text(`https://x/?k=${encodeURIComponent(env.API_TOKEN)}`)).toBe('https://x/?k=***');
    expect(redact.json({ [env.API_TOKEN]: [`Bearer ${env.API_TOKEN}`, 7] })).toEqual({ '***': ['Bearer ***', 7] });
    expect(redact.text('a zzz-other-token b')).toBe('a *** b');
  });

  it('never leaves a secret in text that embeds it (property)', () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 8, maxLength: 30 }).filter((s) => !s.includes('*')),
        fc.string(),
        fc.string(),
        (secret, before, after) => {
          const text = createRedactor([secret]).text(`${before}${secret}${after}${JSON.stringify(secret)}${encodeURIComponent(secret)}`);
          expect(text.includes(secret)).toBe(false);
        },
      ),
    );
  });
});

describe('withDeadline', () => {
  it('returns a retryable Timeout when the work ignores its signal', async () => {
    const result = await withDeadline(50, 'thing', () => new Promise(() => undefined));
    expect(result).toEqual({ ok: false, error: { name: 'Timeout', message: 'thing timed out after 50ms', retryable: true } });
  });

  it('turns an unexpected throw into a redacted ActivityError', async () => {
    const result = await withDeadline(undefined, 'thing', async () => {
      throw new Error('boom with zzz-other inside');
    }, createRedactor(['zzz-other']));
    expect(result).toEqual({ ok: false, error: { name: 'ActivityError', message: 'thing failed unexpectedly: boom with *** inside', retryable: true } });
  });

  it('redacts outputs and failure messages', async () => {
    const redact = createRedactor(['zzz-other']);
    expect(await withDeadline(1000, 't', async () => ({ ok: true, output: { v: 'zzz-other' } }), redact)).toEqual({ ok: true, output: { v: '***' } });
  });
});

describe('withDeadline timeouts', () => {
  it('redacts the description in a Timeout message', async () => {
    const result = await withDeadline(20, 'GET https://x/zzz-other', () => new Promise(() => undefined), createRedactor(['zzz-other']));
    expect(result).toMatchObject({ ok: false, error: { name: 'Timeout', message: 'GET https://x/*** timed out after 20ms' } });
  });
});
