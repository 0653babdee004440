import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createRedactor, mentionsSecrets, resolveSecrets } from '../../engine/activities/secrets';
import { withDeadline } from '../../engine/activities/outcome';

const env = { API_TOKEN: 'tok/with+special&chars', OTHER: 'zzz-other', EMPTY: '' };

describe('resolveSecrets', () => {
  it('resolves references deep inside strings, exact or interpolated, with any spacing', () => {
    const resolved = resolveSecrets(
      { headers: { Authorization: 'Bearer ${{ secrets.API_TOKEN }}' }, list: ['${{secrets.OTHER}}', 3, null, true], keep: '${{ input.x }}' },
      env,
    );
    expect(resolved).toMatchObject({
      ok: true,
      value: { headers: { Authorization: 'Bearer tok/with+special&chars' }, list: ['zzz-other', 3, null, true], keep: '${{ input.x }}' },
    });
  });

  it('names every missing (or empty) setting, sorted, without any value', () => {
    const resolved = resolveSecrets({ a: '${{ secrets.NOPE }} ${{ secrets.EMPTY }} ${{ secrets.API_TOKEN }}' }, env);
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
    const resolved = resolveSecrets(value, env);
    expect(resolved.ok && Object.getPrototypeOf(resolved.value)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('tells whether a value mentions secrets', () => {
    expect(mentionsSecrets({ a: ['x ${{ secrets.A }}'] })).toBe(true);
    expect(mentionsSecrets({ a: ['${{ input.secrets }}'] })).toBe(false);
  });
});

describe('redaction', () => {
  const redact = createRedactor([env.API_TOKEN, 'tok']);

  it('hides raw, URL-encoded and JSON-escaped forms, the longest first', () => {
    expect(redact.text('auth=tok/with+special&chars')).toBe('auth=***');
    expect(redact.text(`https://x/?k=${encodeURIComponent(env.API_TOKEN)}`)).toBe('https://x/?k=***');
    expect(redact.json({ [env.API_TOKEN]: [`Bearer ${env.API_TOKEN}`, 7] })).toEqual({ '***': ['Bearer ***', 7] });
    expect(redact.text('a tok b')).toBe('a *** b');
  });

  it('never leaves a secret in text that embeds it (property)', () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 1, maxLength: 30 }).filter((s) => !s.includes('*')),
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
