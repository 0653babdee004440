/**
 * The acceptance story: a run with a retried step, a degraded AI step and a dead-letter ending,
 * recorded through the recording activities, shows all of it in `runs show` and `GET /api/runs/{id}`.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StepActivityResult } from '../../engine/activities/contract';
import { handleHistoryRequest } from '../../engine/history/api';
import { runsListCommand, runsShowCommand } from '../../engine/history/commands';
import type { Run } from '../../engine/history/model';
import { recordingActivity, runFinishedActivity, runStartedActivity } from '../../engine/history/recording';
import { createSqliteHistoryStore } from '../../engine/history/sqlite-store';
import type { RunHistoryStore } from '../../engine/history/store';

let store: RunHistoryStore;
const clockFrom = (iso: string) => {
  let tick = 0;
  return () => new Date(Date.parse(iso) + 250 * tick++);
};
const ref = { id: 'run-42', workflow: 'order-intake', definitionHash: 'sha256:feed' };

beforeAll(async () => {
  store = createSqliteHistoryStore({ file: ':memory:' });
  await store.init();
  await runStartedActivity(store)({ ...ref, version: 3, trigger: { kind: 'queue', source: 'orders-in' }, startedAt: '2025-03-01T10:00:00Z', input: { orderId: 'A1' } });
  const ai = recordingActivity(store, 'ai', async () => ({ ok: true, output: { category: 'standard' }, degraded: { reason: 'AiError: HTTP 503 from Gemini' } }), { now: clockFrom('2025-03-01T10:00:01Z') });
  await ai({ run: ref, stepPath: 'classify', attempt: 1, config: {} });
  const replies: StepActivityResult[] = [
    { ok: false, error: { name: 'HttpError', message: 'HTTP 502 from checker', retryable: true, status: 502 } },
    { ok: false, error: { name: 'Timeout', message: 'no answer within 1s', retryable: true } },
    { ok: false, error: { name: 'HttpError', message: 'HTTP 502 from checker', retryable: true, status: 502 } },
  ];
  const check = recordingActivity(store, 'activity', async () => replies.shift()!, { now: clockFrom('2025-03-01T10:00:02Z') });
  for (const attempt of [1, 2, 3]) await check({ run: ref, stepPath: 'perLine[3].check', attempt, config: {} });
  await runFinishedActivity(store)({
    id: 'run-42', status: 'DeadLettered', endedAt: '2025-03-01T10:00:05Z',
    error: { name: 'HttpError', message: 'HTTP 502 from checker', step: 'perLine[3].check' },
    deadLetter: { queue: 'orders-dlq', messageId: 'msg-7' },
    steps: [{ path: 'perLine', kind: 'forEach', status: 'Failed', startedAt: '2025-03-01T10:00:02Z', endedAt: '2025-03-01T10:00:04Z' }, { path: 'save', kind: 'cosmos', status: 'Skipped' }],
  });
  await store.upsertRun({ id: 'run-43', workflow: 'billing', createdAt: '2025-03-01T11:00:00Z', startedAt: '2025-03-01T11:00:00Z', endedAt: '2025-03-01T11:00:01.5Z', status: 'Completed', trigger: { kind: 'schedule', source: '0 */5 * * * *' } });
});
afterAll(async () => {
  await store.close();
});

describe('sluice runs show', () => {
  it('shows the retried step, the degraded AI step, the dead letter and the graph', async () => {
    const graph = 'flowchart TD\n  classify:::degraded --> perLine:::failed';
    const { exitCode, stdout } = await runsShowCommand(store, 'run-42', [], { graph: () => graph });
    expect(exitCode).toBe(0);
    expect(stdout).toContain('Run run-42  order-intake  DeadLettered');
    expect(stdout).toContain('trigger    queue:orders-in');
    expect(stdout).toContain('error      HttpError at perLine[3].check: HTTP 502 from checker');
    expect(stdout).toContain('dead letter  queue orders-dlq (message msg-7)');
    expect(stdout).toMatch(/! \+1\.0s\s+classify\s+ai\s+Degraded\s+250ms 1 attempt/);
    expect(stdout).toContain('degraded: AiError: HTTP 503 from Gemini');
    expect(stdout).toMatch(/✗ \+2\.0s\s+perLine\[3\]\.check\s+activity\s+Failed\s+1\.3s 3 attempts/);
    expect(stdout).toContain('#1 +2.0s 250ms  HttpError (502): HTTP 502 from checker');
    expect(stdout).toContain('#2 +2.5s 250ms  Timeout: no answer within 1s');
    expect(stdout).toContain('#3 +3.0s 250ms  HttpError (502): HTTP 502 from checker');
    expect(stdout).toMatch(/- \s+save\s+cosmos\s+Skipped/);
    expect(stdout).toContain(`Graph\n${graph}`);
    expect(stdout.indexOf(' classify ')).toBeLessThan(stdout.indexOf(' perLine[3].check '));
  });

  it('prints the full record with --json, and fails for an unknown run', async () => {
    const json = await runsShowCommand(store, 'run-42', ['--json']);
    expect((JSON.parse(json.stdout) as Run).steps).toHaveLength(4);
    expect(await runsShowCommand(store, 'nope')).toEqual({ exitCode: 1, stdout: 'No run with id "nope".\n' });
    expect((await runsShowCommand(store, 'run-42', ['--graph'])).exitCode).toBe(2);
  });
});

describe('GET /api/runs/{id}', () => {
  it('returns the same story as JSON', async () => {
    const response = await handleHistoryRequest(store, { method: 'GET', path: '/api/runs/run-42', query: {} });
    expect(response!.status).toBe(200);
    const run = response!.body as Run;
    expect(run).toMatchObject({ status: 'DeadLettered', deadLetter: { queue: 'orders-dlq', messageId: 'msg-7' }, error: { step: 'perLine[3].check' } });
    const check = run.steps.find((s) => s.path === 'perLine[3].check')!;
    expect(check.attempts.map((a) => a.error?.name)).toEqual(['HttpError', 'Timeout', 'HttpError']);
    expect(run.steps.find((s) => s.path === 'classify')).toMatchObject({ status: 'Degraded', degraded: { reason: 'AiError: HTTP 503 from Gemini' } });
  });

  it('answers 404 as JSON for an unknown run and 405 for other methods', async () => {
    expect(await handleHistoryRequest(store, { method: 'GET', path: '/api/runs/nope', query: {} })).toEqual({
      status: 404, body: { error: 'RunNotFound', message: 'no run with id "nope" in run history' },
    });
    expect((await handleHistoryRequest(store, { method: 'DELETE', path: '/api/runs/run-42', query: {} }))!.status).toBe(405);
    expect(await handleHistoryRequest(store, { method: 'GET', path: '/api/other', query: {} })).toBeUndefined();
  });
});

describe('GET /api/runs and /api/workflows', () => {
  it('lists with filters and pages with the continuation token', async () => {
    const first = await handleHistoryRequest(store, { method: 'GET', path: '/api/runs', query: { limit: '1' } });
    const body = first!.body as { runs: Array<{ id: string }>; continuation: string };
    expect(body.runs.map((r) => r.id)).toEqual(['run-43']);
    const second = await handleHistoryRequest(store, { method: 'GET', path: '/api/runs/', query: { limit: '1', continuation: body.continuation } });
    expect((second!.body as { runs: Array<{ id: string }>; continuation?: string })).toMatchObject({ runs: [{ id: 'run-42' }] });
    const filtered = await handleHistoryRequest(store, { method: 'GET', path: '/api/runs', query: { status: 'deadlettered', workflow: 'order-intake' } });
    expect((filtered!.body as { runs: Array<{ id: string }> }).runs.map((r) => r.id)).toEqual(['run-42']);
  });

  it.each([
    [{ status: 'Done' }, 'query.status'],
    [{ since: 'yesterday' }, 'query.since'],
    [{ limit: '0' }, 'query.limit'],
    [{ limit: '501' }, 'query.limit'],
    [{ workflow: 'Bad Name' }, 'query.workflow'],
    [{ workflow: ['a', 'b'] }, 'query.workflow'],
    [{ colour: 'red' }, 'query.colour'],
    [{ continuation: 'garbage' }, 'query.continuation'],
  ])('answers 400 naming the field for %j', async (query, field) => {
    const response = await handleHistoryRequest(store, { method: 'GET', path: '/api/runs', query });
    expect(response!.status).toBe(400);
    expect((response!.body as { fields: Array<{ field: string }> }).fields.map((f) => f.field)).toEqual([field]);
  });

  it('lists workflows with their last run', async () => {
    const response = await handleHistoryRequest(store, { method: 'GET', path: '/api/workflows', query: {} }, [
      { name: 'order-intake', file: 'workflows/order-intake.yaml', valid: true, hash: 'sha256:feed', triggers: ['queue'] },
      { name: 'fresh', file: 'workflows/fresh.yaml', valid: true, hash: 'sha256:0', triggers: [] },
    ]);
    const { workflows } = response!.body as { workflows: Array<{ name: string; lastRun: { id: string } | null }> };
    expect(workflows.map((w) => [w.name, w.lastRun?.id ?? null])).toEqual([['order-intake', 'run-42'], ['fresh', null]]);
  });
});

describe('sluice runs list', () => {
  it('prints a table newest first, JSON with --json, and usage for bad flags', async () => {
    const table = await runsListCommand(store, []);
    const lines = table.stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^ID\s+WORKFLOW\s+STATUS\s+STARTED\s+DURATION\s+TRIGGER$/);
    expect(lines[1]).toMatch(/^run-43\s+billing\s+Completed\s+2025-03-01 11:00:00Z\s+1\.5s\s+schedule:0 \*\/5 \* \* \* \*$/);
    expect(lines[2]).toMatch(/^run-42\s+order-intake\s+DeadLettered \(degraded\)\s+2025-03-01 10:00:00Z\s+5\.0s\s+queue:orders-in$/);
    const json = JSON.parse((await runsListCommand(store, ['--workflow', 'billing', '--json'])).stdout);
    expect(json.runs.map((r: { id: string }) => r.id)).toEqual(['run-43']);
    const paged = await runsListCommand(store, ['--limit', '1']);
    expect(paged.stdout).toContain('More runs: --continuation ');
    expect(await runsListCommand(store, ['--status', 'nope'])).toMatchObject({ exitCode: 2 });
    expect((await runsListCommand(store, ['--bogus'])).exitCode).toBe(2);
  });
});
