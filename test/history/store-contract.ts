/**
 * The one contract every RunHistoryStore must satisfy; each store's test file runs it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StepActivityInput, StepActivityResult } from '../../engine/activities/contract';
import { recordingActivity, runFinishedActivity, runStartedActivity } from '../../engine/history/recording';
import type { RunHistoryStore } from '../../engine/history/store';
import { InvalidContinuationError } from '../../engine/history/store';
import type { RunSummary } from '../../engine/history/model';

/** What a store's test file provides to the contract. */
export interface StoreUnderTest {
  /** A fresh, initialized, empty store. */
  open(): Promise<RunHistoryStore>;
  /** Everything the store has written, as raw text (file bytes, all documents). */
  rawContents(): Promise<string>;
  /** Closes and reopens the same storage, when the store is persistent. */
  reopen?(): Promise<RunHistoryStore>;
}

const t0 = Date.parse('2025-03-01T10:00:00.000Z');
const at = (ms: number): string => new Date(t0 + ms).toISOString();
const header = (id: string, workflow = 'order-intake', createdMs = 0) => ({
  id,
  workflow,
  definitionHash: 'sha256:abc',
  trigger: { kind: 'http' as const, source: 'orders' },
  createdAt: at(createdMs),
  startedAt: at(createdMs),
});

/** A step activity input for the recording wrapper. */
function stepInput(runId: string, stepPath: string, attempt: number): StepActivityInput {
  return { run: { id: runId, workflow: 'order-intake', definitionHash: 'sha256:abc' }, stepPath, attempt, config: {} };
}

/** A clock that advances 10 ms per reading, so attempts have distinct, known times. */
function steppingClock(startMs: number): () => Date {
  let tick = 0;
  return () => new Date(t0 + startMs + 10 * tick++);
}

/** Runs the run-history contract against one store. */
export function describeStoreContract(name: string, subject: StoreUnderTest): void {
  describe(`RunHistoryStore contract: ${name}`, () => {
    let store: RunHistoryStore;
    beforeAll(async () => {
      store = await subject.open();
    });
    afterAll(async () => {
      await store?.close();
    });

    it('creates a run from its header and merges later patches without losing fields', async () => {
      await runStartedActivity(store)({ ...header('merge-1'), input: { orderId: 'A1' }, version: 3 });
      await runFinishedActivity(store)({ id: 'merge-1', status: 'Completed', endedAt: at(1500), output: { ok: true } });
      // A replayed "started" (at-least-once) must not reopen the finished run.
      await runStartedActivity(store)({ ...header('merge-1'), input: { orderId: 'A1' }, version: 3 });
      const run = await store.getRun('merge-1');
      expect(run).toMatchObject({
        id: 'merge-1', workflow: 'order-intake', version: 3, status: 'Completed', input: { orderId: 'A1' },
        output: { ok: true }, startedAt: at(0), endedAt: at(1500), durationMs: 1500, trigger: { kind: 'http', source: 'orders' },
      });
      expect(await store.getRun('no-such-run')).toBeUndefined();
    });

    it('refuses to create a run without its header', async () => {
      await expect(store.upsertRun({ id: 'headless', status: 'Failed' })).rejects.toThrow(/workflow and createdAt/);
    });

    it('records a retried step, a degraded AI step and a dead-letter ending, idempotently', async () => {
      await runStartedActivity(store)(header('dl-1'));
      const outcomes: StepActivityResult[] = [
        { ok: false, error: { name: 'HttpError', message: 'HTTP 503 from prices', retryable: true, status: 503 } },
        { ok: false, error: { name: 'HttpError', message: 'HTTP 503 from prices', retryable: true, status: 503 } },
      ];
      const http = recordingActivity(store, 'http', async () => outcomes.shift()!, { now: steppingClock(100) });
      await http(stepInput('dl-1', 'enrich.price', 1));
      await http(stepInput('dl-1', 'enrich.price', 2));
      const ai = recordingActivity(store, 'ai', async () => ({ ok: true, output: { category: 'standard' }, degraded: { reason: 'AiError: model timed out' } }), { now: steppingClock(50) });
      await ai(stepInput('dl-1', 'classify', 1));
      await ai(stepInput('dl-1', 'classify', 1)); // the same attempt executed twice
      await runFinishedActivity(store)({
        id: 'dl-1', status: 'DeadLettered', endedAt: at(2000),
        error: { name: 'HttpError', message: 'HTTP 503 from prices', step: 'enrich.price' },
        deadLetter: { queue: 'orders-dlq', messageId: 'm-1' },
        steps: [{ path: 'route', kind: 'switch', status: 'Skipped' }, { path: 'perLine[0].check', kind: 'activity', status: 'Skipped' }],
      });
      const run = (await store.getRun('dl-1'))!;
      expect(run.status).toBe('DeadLettered');
      expect(run.deadLetter).toEqual({ queue: 'orders-dlq', messageId: 'm-1' });
      expect(run.error).toMatchObject({ name: 'HttpError', step: 'enrich.price' });
      const price = run.steps.find((s) => s.path === 'enrich.price')!;
      expect(price).toMatchObject({ kind: 'http', status: 'Failed', error: { name: 'HttpError', status: 503 } });
      expect(price.attempts.map((a) => [a.attempt, a.error?.name, a.durationMs])).toEqual([[1, 'HttpError', 10], [2, 'HttpError', 10]]);
      const classify = run.steps.find((s) => s.path === 'classify')!;
      expect(classify).toMatchObject({ status: 'Degraded', degraded: { reason: 'AiError: model timed out' }, output: { category: 'standard' } });
      expect(classify.attempts).toHaveLength(1);
      expect(run.steps.map((s) => s.path)).toEqual(['classify', 'enrich.price', 'perLine[0].check', 'route']);
    });

    it('never lets an older attempt override a newer one, and shows a retry in flight', async () => {
      await store.upsertRun({ ...header('order-1'), status: 'Running' });
      await store.recordAttempt('order-1', 's', { attempt: 1, startedAt: at(0), endedAt: at(5), error: { name: 'Timeout', message: 'slow' } });
      await store.recordStep('order-1', { path: 's', kind: 'http', status: 'Failed', fromAttempt: 1 });
      await store.recordAttempt('order-1', 's', { attempt: 2, startedAt: at(10) });
      expect((await store.getRun('order-1'))!.steps[0]).toMatchObject({ status: 'Running', startedAt: at(0) });
      await store.recordStep('order-1', { path: 's', kind: 'http', status: 'Completed', output: 1, fromAttempt: 2 });
      await store.recordStep('order-1', { path: 's', kind: 'http', status: 'Failed', fromAttempt: 1 }); // late duplicate
      expect((await store.getRun('order-1'))!.steps[0]).toMatchObject({ status: 'Completed', output: 1 });
    });

    it('keeps large step outputs as a summary', async () => {
      await store.upsertRun({ ...header('big-1'), status: 'Running' });
      await store.recordStep('big-1', { path: 'fetch', kind: 'http', status: 'Completed', output: { body: 'x'.repeat(20_000) } });
      const step = (await store.getRun('big-1'))!.steps[0]!;
      expect(step.output).toBeUndefined();
      expect(step.outputSummary!.bytes).toBeGreaterThan(20_000);
      expect(step.outputSummary!.preview.startsWith('{"body":"xxx')).toBe(true);
    });

    it('links sub-workflow and redrive lineage both ways', async () => {
      await runStartedActivity(store)(header('parent-1'));
      await runStartedActivity(store)({ ...header('child-1', 'price-lookup'), trigger: { kind: 'subWorkflow', source: 'parent-1' }, parentRunId: 'parent-1' });
      await runStartedActivity(store)({ ...header('child-1', 'price-lookup'), trigger: { kind: 'subWorkflow', source: 'parent-1' }, parentRunId: 'parent-1' });
      await runStartedActivity(store)({ ...header('redrive-1'), trigger: { kind: 'redrive', source: 'dl-1' }, redriveOf: 'dl-1' });
      expect((await store.getRun('parent-1'))!.lineage.childRunIds).toEqual(['child-1']);
      expect((await store.getRun('child-1'))!.lineage.parentRunId).toBe('parent-1');
      expect((await store.getRun('dl-1'))!.lineage.redrivenAs).toBe('redrive-1');
      expect((await store.getRun('redrive-1'))!.lineage.redriveOf).toBe('dl-1');
    });

    it('never stores a secret that a step used', async () => {
      const secret = 'sk-live-7Qz9-SECRET-value';
      const secretValues = () => [secret];
      await runStartedActivity(store, secretValues)({ ...header('secret-1'), input: { note: `token ${secret}` } });
      const call = recordingActivity(store, 'http', async () => ({ ok: false, error: { name: 'HttpError', message: `401 for Bearer ${secret}`, retryable: false, status: 401 } }), { secretValues });
      await call(stepInput('secret-1', 'callApi', 1));
      const echo = recordingActivity(store, 'http', async () => ({ ok: true, output: { headers: { authorization: `Bearer ${secret}` }, [secret]: 1 } }), { secretValues });
      await echo(stepInput('secret-1', 'echo', 1));
      await runFinishedActivity(store, secretValues)({ id: 'secret-1', status: 'Failed', endedAt: at(10), output: secret, error: { name: 'HttpError', message: `bad ${secret}`, step: 'callApi' } });
      const run = (await store.getRun('secret-1'))!;
      expect(run.steps.find((s) => s.path === 'echo')!.output).toEqual({ headers: { authorization: 'Bearer ***' }, '***': 1 });
      expect(run.error!.message).toBe('bad ***');
      const raw = await subject.rawContents();
      expect(raw).toContain('Bearer ***'); // the search below looks at real contents
      expect(raw).not.toContain(secret);
      expect(raw).not.toContain(secret.slice(0, 12));
    });

    it('filters by workflow, status and since', async () => {
      await store.upsertRun({ ...header('f-1', 'billing', 100_000), status: 'Completed' });
      await store.upsertRun({ ...header('f-2', 'billing', 200_000), status: 'Failed' });
      await store.upsertRun({ ...header('f-3', 'billing', 300_000), status: 'Failed' });
      const ids = (page: { runs: RunSummary[] }) => page.runs.map((r) => r.id);
      expect(ids(await store.listRuns({ workflow: 'billing' }))).toEqual(['f-3', 'f-2', 'f-1']);
      expect(ids(await store.listRuns({ workflow: 'billing', status: 'Failed' }))).toEqual(['f-3', 'f-2']);
      expect(ids(await store.listRuns({ workflow: 'billing', since: at(200_000) }))).toEqual(['f-3', 'f-2']);
      const listed = (await store.listRuns({ workflow: 'billing', limit: 1 })).runs[0]!;
      expect(listed).not.toHaveProperty('input');
      expect(listed).not.toHaveProperty('steps');
      const last = await store.lastRunByWorkflow(['billing', 'price-lookup', 'never-ran']);
      expect(Object.keys(last).sort()).toEqual(['billing', 'price-lookup']);
      expect(last.billing!.id).toBe('f-3');
      expect((await store.lastRunByWorkflow()).billing!.id).toBe('f-3');
    });

    it('pages over 500 runs, newest first, each exactly once despite ties on time', async () => {
      const workflow = 'paging';
      for (let batch = 0; batch < 500; batch += 25) {
        // 500 runs on 40 distinct timestamps: many ties, broken by id. Written 25 at a time.
        await Promise.all(Array.from({ length: 25 }, (_, k) => batch + k).map((i) =>
          store.upsertRun({ ...header(`p-${String(i).padStart(3, '0')}`, workflow, 1_000_000 + (i % 40) * 1000), status: 'Completed' })));
      }
      const seen: RunSummary[] = [];
      let continuation: string | undefined;
      let pages = 0;
      do {
        const page = await store.listRuns({ workflow, limit: 37, continuation });
        seen.push(...page.runs);
        continuation = page.continuation;
        pages++;
      } while (continuation);
      expect(pages).toBe(Math.ceil(500 / 37));
      expect(new Set(seen.map((r) => r.id)).size).toBe(500);
      expect(seen).toHaveLength(500);
      const keys = seen.map((r) => `${r.createdAt}|${r.id}`);
      expect(keys).toEqual([...keys].sort().reverse());
    }, 120_000);

    it('rejects a continuation token that is malformed or from other filters', async () => {
      const first = await store.listRuns({ workflow: 'paging', limit: 2 });
      await expect(store.listRuns({ workflow: 'billing', continuation: first.continuation })).rejects.toBeInstanceOf(InvalidContinuationError);
      await expect(store.listRuns({ continuation: 'not-a-token' })).rejects.toBeInstanceOf(InvalidContinuationError);
    });

    if (subject.reopen) {
      it('keeps runs across a restart', async () => {
        await store.close();
        store = await subject.reopen!();
        expect((await store.getRun('dl-1'))!.steps.length).toBeGreaterThan(0);
      });
    }
  });
}
