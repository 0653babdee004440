import { readFileSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { writeRunTypes } from '../../engine/history/generate-types';
import { handleHistoryRequest } from '../../engine/history/api';
import { historySettingsFrom, openHistoryStore } from '../../engine/history/open';
import { recordingActivity, runFinishedActivity, runStartedActivity } from '../../engine/history/recording';
import { redactSecrets } from '../../engine/history/redact';
import { createSqliteHistoryStore } from '../../engine/history/sqlite-store';
import fc from 'fast-check';
import { readSettings } from '../../engine/settings';

const schema = JSON.parse(readFileSync('schemas/run.schema.json', 'utf8'));

describe('run model', () => {
  it('keeps the committed generated types in step with the schema', async () => {
    expect(await writeRunTypes(process.cwd(), true)).toBe(true);
  });

  it('stores runs that satisfy schemas/run.schema.json (closed objects), and the schema rejects extras', async () => {
    const ajv = new Ajv2020({ strict: true, allowUnionTypes: true, allErrors: true });
    addFormats(ajv);
    const validate = ajv.compile(schema);
    const store = createSqliteHistoryStore({ file: ':memory:' });
    await store.init();
    await runStartedActivity(store)({ id: 'r1', workflow: 'w', definitionHash: 'h', trigger: { kind: 'api' }, startedAt: '2025-01-01T00:00:00Z', input: { a: 1 } });
    await recordingActivity(store, 'ai', async () => ({ ok: true, output: 'x'.repeat(10_000), degraded: { reason: 'AiError' } }))({ run: { id: 'r1', workflow: 'w', definitionHash: 'h' }, stepPath: 'a', attempt: 1, config: {} });
    await runFinishedActivity(store)({ id: 'r1', status: 'Failed', endedAt: '2025-01-01T00:00:01Z', error: { name: 'Timeout', message: 'm', step: 'a' }, steps: [{ path: 'b', kind: 'set', status: 'Skipped' }] });
    const run = (await store.getRun('r1'))!;
    const page = await handleHistoryRequest(store, { method: 'GET', path: '/api/runs', query: {} });
    await store.close();
    expect(validate(run), JSON.stringify(validate.errors)).toBe(true);
    expect(validate({ ...(page!.body as { runs: object[] }).runs[0], steps: [] })).toBe(true);
    expect(validate({ ...run, extra: 1 })).toBe(false);
  });
});

describe('redactSecrets', () => {
  it('removes every occurrence of every secret, anywhere in a JSON value', () => {
    const strings = (node: unknown): string[] =>
      typeof node === 'string' ? [node]
        : Array.isArray(node) ? node.flatMap(strings)
          : node && typeof node === 'object' ? Object.entries(node).flatMap(([k, v]) => [k, ...strings(v)]) : [];
    const secretText = fc.string({ minLength: 8, maxLength: 16 }).filter((s) => !s.includes('*'));
    fc.assert(fc.property(secretText, fc.jsonValue(), (secret, value) => {
      const planted = [value, `a${secret}b${secret}`, { [`k${secret}`]: secret }] as const;
      const redacted = redactSecrets(planted, [secret]);
      expect(strings(redacted).filter((text) => text.includes(secret))).toEqual([]);
      expect(redacted[1]).toContain('***');
    }));
    expect(redactSecrets({ a: 'abcdefgh', b: 'abcdefghij' }, ['abcdefgh', 'abcdefghij'])).toEqual({ a: '***', b: '***' });
    // Values too short to be secrets (refused before use) are not patterns: they would wreck the record.
    expect(redactSecrets({ a: 'node' }, ['node'])).toEqual({ a: 'node' });
  });
});

describe('history settings', () => {
  it('reads the store kind and retention, rejecting a bad TTL', () => {
    expect(historySettingsFrom({ SLUICE_HISTORY_TTL_DAYS: '7' }, 'sqlite')).toMatchObject({ store: 'sqlite', ttlDays: 7 });
    expect(historySettingsFrom({ SLUICE_HISTORY_STORE: 'cosmos' }, 'sqlite').store).toBe('cosmos');
    expect(() => historySettingsFrom({ SLUICE_HISTORY_TTL_DAYS: 'soon' }, 'sqlite')).toThrow(/SLUICE_HISTORY_TTL_DAYS/);
    // 0 keeps runs forever (docs/run-history.md); the app's settings reader and the history reader agree.
    expect(historySettingsFrom({ SLUICE_HISTORY_TTL_DAYS: '0' }, 'sqlite').ttlDays).toBe(0);
    expect(readSettings({ SLUICE_HISTORY_TTL_DAYS: '0' }).history.ttlDays).toBe(0);
  });

  it('refuses Cosmos without a connection or endpoint', async () => {
    await expect(openHistoryStore({ store: 'cosmos' })).rejects.toThrow(/COSMOS_CONNECTION or COSMOS_ENDPOINT/);
  });
});
