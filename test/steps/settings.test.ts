import { describe, expect, it } from 'vitest';
import { parseDurationMs, readSettings } from '../../engine/settings';

describe('readSettings', () => {
  it('has the documented defaults', () => {
    expect(readSettings({})).toEqual({
      storage: { connectionString: undefined, queueServiceUri: undefined },
      cosmos: { connectionString: undefined, endpoint: undefined, database: 'sluice' },
      gemini: { apiKey: undefined, baseUrl: undefined },
      http: { allow: [], maxBytes: 5 * 1024 * 1024, timeoutMs: 30_000 },
      requests: { maxBytes: 1024 * 1024, allowedHosts: [] },
      history: { store: undefined, ttlDays: 30 },
      dataDir: '.sluice/',
      workflowsDir: 'workflows/',
      logLevel: 'info',
      hostCacheRuns: 5000,
    });
  });

  it('reads SLUICE_HOST_CACHE_RUNS and refuses a value that is not a whole number of runs', () => {
    expect(readSettings({ SLUICE_HOST_CACHE_RUNS: '250' }).hostCacheRuns).toBe(250);
    for (const bad of ['0', '-3', '1.5', 'many']) expect(() => readSettings({ SLUICE_HOST_CACHE_RUNS: bad })).toThrow(/SLUICE_HOST_CACHE_RUNS/);
  });

  it('reads every setting', () => {
    const settings = readSettings({
      AzureWebJobsStorage__queueServiceUri: 'https://acct.queue.core.windows.net',
      COSMOS_ENDPOINT: 'https://acct.documents.azure.com:443/',
      COSMOS_DATABASE: 'orders',
      GEMINI_BASE_URL: 'http://127.0.0.1:9999',
      SLUICE_HTTP_ALLOW: ' 127.0.0.1, 10.0.0.0/8 ,,',
      SLUICE_HTTP_MAX_BYTES: '1024',
      SLUICE_HTTP_TIMEOUT: '2m',
      SLUICE_HISTORY_STORE: 'sqlite',
      SLUICE_HISTORY_TTL_DAYS: '7',
      SLUICE_DATA_DIR: '/tmp/s',
      SLUICE_WORKFLOWS_DIR: 'flows/',
      SLUICE_MAX_REQUEST_BYTES: '65536',
      SLUICE_ALLOWED_HOSTS: ' Sluice.Test, proxy.test:8443,,',
    });
    expect(settings).toMatchObject({
      storage: { queueServiceUri: 'https://acct.queue.core.windows.net' },
      cosmos: { endpoint: 'https://acct.documents.azure.com:443/', database: 'orders' },
      gemini: { baseUrl: 'http://127.0.0.1:9999' },
      http: { allow: ['127.0.0.1', '10.0.0.0/8'], maxBytes: 1024, timeoutMs: 120_000 },
      requests: { maxBytes: 65_536, allowedHosts: ['sluice.test', 'proxy.test:8443'] },
      history: { store: 'sqlite', ttlDays: 7 },
      dataDir: '/tmp/s',
      workflowsDir: 'flows/',
    });
  });

  it.each([
    [{ SLUICE_HTTP_TIMEOUT: 'soon' }, /SLUICE_HTTP_TIMEOUT must be a duration/],
    [{ SLUICE_HTTP_MAX_BYTES: '-5' }, /SLUICE_HTTP_MAX_BYTES must be a positive number/],
    [{ SLUICE_HISTORY_STORE: 'mongo' }, /SLUICE_HISTORY_STORE must be "cosmos" or "sqlite"/],
    [{ SLUICE_MAX_REQUEST_BYTES: '1.5' }, /SLUICE_MAX_REQUEST_BYTES must be a whole number/],
    [{ SLUICE_ALLOWED_HOSTS: 'http://evil.example' }, /SLUICE_ALLOWED_HOSTS lists host names/],
  ])('refuses %j', (env, message) => {
    expect(() => readSettings(env)).toThrow(message);
  });

  it.each([
    ['500ms', 500],
    ['10s', 10_000],
    ['1.5s', undefined],
    ['5m', 300_000],
    ['1h', 3_600_000],
    ['2d', 172_800_000],
    ['250', 250],
    [42, 42],
    ['ten', undefined],
    [-1, undefined],
  ])('parseDurationMs(%j) = %j', (value, ms) => {
    expect(parseDurationMs(value)).toBe(ms);
  });
});
