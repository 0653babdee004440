/**
 * The one contract every RunHistoryStore must satisfy; each store's test file runs it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StepActivityInput, StepActivityResult } from '../../engine/activities/contract';
import { recordingActivity, runFinishedActivity, runStartedActivity } from '../../engine/history/recording';
import type { RunHistoryStore } from '../../engine/history/store';
import { InvalidContinuationError } from '../../engine/history/store';
import type { RunSummary } from '../../engine/history/model';
import { withDurableTruth, type DurableView } from '../../engine/history/durable-sync';

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
      expect(ids(await store.listRuns({ workflow: 'billing', statuses: ['Failed'] }))).toEqual(['f-3', 'f-2']);
      expect(ids(await store.listRuns({ workflow: 'billing', since: at(200_000) }))).toEqual(['f-3', 'f-2']);
      const listed = (await store.listRuns({ workflow: 'billing', limit: 1 })).runs[0]!;
      expect(listed).not.toHaveProperty('input');
      expect(listed).not.toHaveProperty('steps');
      const last = await store.lastRunByWorkflow(['billing', 'price-lookup', 'never-ran']);
      expect(Object.keys(last).sort()).toEqual(['billing', 'price-lookup']);
      expect(last.billing!.id).toBe('f-3');
      expect((await store.lastRunByWorkflow()).billing!.id).toBe('f-3');
    });

    it('lists steps in execution order (the orchestrator\'s sequence), not by name, when they start in the same millisecond', async () => {
      await runStartedActivity(store)(header('seq-1'));
      await runFinishedActivity(store)({
        id: 'seq-1', status: 'Completed', endedAt: at(10),
        steps: ['zeta', 'mid', 'alpha'].map((path, seq) => ({ path, kind: 'set', status: 'Completed' as const, seq, startedAt: at(5), endedAt: at(5) })),
      });
      const run = (await store.getRun('seq-1'))!;
      expect(run.steps.map((s) => [s.path, s.seq])).toEqual([['zeta', 0], ['mid', 1], ['alpha', 2]]);
    });

    it('keeps a caught step as caught, and set and workflow outputs', async () => {
      await runStartedActivity(store)(header('caught-1'));
      await store.recordStep('caught-1', { path: 'charge', kind: 'http', status: 'Failed', error: { name: 'HttpError', message: '502' }, fromAttempt: 1 });
      await runFinishedActivity(store)({
        id: 'caught-1', status: 'Completed', endedAt: at(10),
        steps: [
          { path: 'charge', kind: 'http', status: 'Failed', caught: true, seq: 0, error: { name: 'HttpError', message: '502' }, startedAt: at(1), endedAt: at(2) },
          { path: 'note', kind: 'set', status: 'Completed', seq: 1, output: { n: 1 }, startedAt: at(3), endedAt: at(3) },
          { path: 'child', kind: 'workflow', status: 'Completed', seq: 2, output: { price: 9 }, startedAt: at(4), endedAt: at(8) },
        ],
      });
      const steps = (await store.getRun('caught-1'))!.steps;
      expect(steps.map((s) => [s.path, s.status, s.caught ?? false, s.output ?? null])).toEqual([
        ['charge', 'Failed', true, null], ['note', 'Completed', false, { n: 1 }], ['child', 'Completed', false, { price: 9 }],
      ]);
    });

    it('filters by several statuses, Degraded, a time range, error text and an input field', async () => {
      const w = 'query-w';
      const start = async (id: string, ms: number, input: unknown) => runStartedActivity(store)({ ...header(id, w, ms), input });
      await start('q-1', 10_000, { customerId: 'acme-77', order: { region: 'eu' }, count: 3 });
      await start('q-2', 20_000, { customerId: 'acme-78', count: '3' });
      await start('q-3', 30_000, { customerId: 'acme-77' });
      await start('q-4', 40_000, { customerId: 'beta-1' });
      await runFinishedActivity(store)({ id: 'q-1', status: 'Completed', endedAt: at(11_000) });
      await runFinishedActivity(store)({ id: 'q-2', status: 'Failed', endedAt: at(21_000), error: { name: 'HttpError', message: 'HTTP 503 from Prices API', step: 'price' } });
      await runFinishedActivity(store)({ id: 'q-3', status: 'DeadLettered', endedAt: at(31_000), error: { name: 'Timeout', message: 'no reply', step: 'ask' } });
      await runFinishedActivity(store)({
        id: 'q-4', status: 'Completed', endedAt: at(41_000),
        steps: [{ path: 'classify', kind: 'ai', status: 'Degraded', degraded: { reason: 'AiError' }, seq: 0, startedAt: at(40_001), endedAt: at(40_002) }],
      });
      const ids = async (query: Parameters<RunHistoryStore['listRuns']>[0]) => (await store.listRuns({ workflow: w, ...query })).runs.map((r) => r.id);
      expect(await ids({ statuses: ['Failed', 'DeadLettered'] })).toEqual(['q-3', 'q-2']);
      expect(await ids({ statuses: ['Degraded'] })).toEqual(['q-4']);
      expect(await ids({ statuses: ['Failed', 'Degraded'] })).toEqual(['q-4', 'q-2']);
      expect(await ids({ degraded: true })).toEqual(['q-4']);
      expect(await ids({ degraded: false })).toEqual(['q-3', 'q-2', 'q-1']);
      expect((await store.listRuns({ workflow: w, statuses: ['Degraded'] })).runs[0]!.degraded).toBe(true);
      expect(await ids({ since: at(20_000), until: at(40_000) })).toEqual(['q-3', 'q-2']);
      expect(await ids({ errorText: 'prices api' })).toEqual(['q-2']);
      expect(await ids({ errorText: 'TIMEOUT' })).toEqual(['q-3']);
      expect(await ids({ input: { customerId: 'acme-77' } })).toEqual(['q-3', 'q-1']);
      expect(await ids({ input: { 'order.region': 'eu' } })).toEqual(['q-1']);
      expect(await ids({ input: { count: '3' } })).toEqual(['q-2', 'q-1']); // the text "3" and the number 3
      expect(await ids({ input: { customerId: 'acme-77' }, statuses: ['Completed'] })).toEqual(['q-1']);
      const first = await store.listRuns({ workflow: w, input: { customerId: 'acme-77' }, limit: 1 });
      expect((await store.listRuns({ workflow: w, input: { customerId: 'acme-77' }, limit: 1, continuation: first.continuation })).runs.map((r) => r.id)).toEqual(['q-1']);
      await expect(store.listRuns({ workflow: w, input: { customerId: 'other' }, continuation: first.continuation })).rejects.toBeInstanceOf(InvalidContinuationError);
    });

    it('stores each definition once by hash', async () => {
      await store.putDefinition('sha256:def-1', { name: 'order-intake', steps: [{ id: 'a', set: { x: 1 } }] });
      await store.putDefinition('sha256:def-1', { name: 'changed' });
      expect(await store.getDefinition('sha256:def-1')).toEqual({ name: 'order-intake', steps: [{ id: 'a', set: { x: 1 } }] });
      expect(await store.getDefinition('sha256:none')).toBeUndefined();
      // The run.started activity stores the definition of the hash it starts.
      const definitionFor = (hash: string) => (hash === 'sha256:def-2' ? { name: 'second' } : undefined);
      await runStartedActivity(store, undefined, { definitionFor })({ ...header('def-run'), definitionHash: 'sha256:def-2' });
      expect(await store.getDefinition('sha256:def-2')).toEqual({ name: 'second' });
    });

    it('records a new execution of a finished instance id as a new run, not a merge of two', async () => {
      await runStartedActivity(store)({ ...header('reuse-1', 'order-intake', 0), input: { n: 1 } });
      await store.recordStep('reuse-1', { path: 'old', kind: 'set', status: 'Completed' });
      await store.recordAttempt('reuse-1', 'call', { attempt: 1, startedAt: at(1), endedAt: at(2) });
      await runFinishedActivity(store)({ id: 'reuse-1', status: 'Completed', endedAt: at(5_000) });
      // Durable started the id again (its own API allows reuse of a finished id).
      await runStartedActivity(store)({ ...header('reuse-1', 'order-intake', 60_000), input: { n: 2 } });
      await runStartedActivity(store)({ ...header('reuse-1', 'order-intake', 60_000), input: { n: 2 } }); // at least once
      const run = (await store.getRun('reuse-1'))!;
      expect(run).toMatchObject({ status: 'Running', startedAt: at(60_000), createdAt: at(60_000), input: { n: 2 } });
      expect(run.endedAt ?? null).toBeNull();
      expect(run.steps).toEqual([]);
    });

    it('takes what Durable reports for a live run: terminated, suspended, resumed', async () => {
      await runStartedActivity(store)(header('durable-1'));
      let view: DurableView = { runtimeStatus: 'Suspended', lastUpdatedTime: at(100) };
      const read = async () => view;
      expect((await withDurableTruth(store, (await store.getRun('durable-1'))!, read)).status).toBe('Suspended');
      expect((await store.getRun('durable-1'))!.status).toBe('Suspended');
      view = { runtimeStatus: 'Running', lastUpdatedTime: at(200), customStatus: { step: 'ask', completed: 1, total: 3, waiting: [{ path: 'ask', kind: 'waitForEvent', event: 'approval', until: at(900) }] } };
      const resumed = await withDurableTruth(store, (await store.getRun('durable-1'))!, read);
      expect(resumed).toMatchObject({ status: 'Running', current: { step: 'ask', completed: 1, total: 3, waiting: [{ path: 'ask', event: 'approval', until: at(900) }] } });
      view = { runtimeStatus: 'Terminated', lastUpdatedTime: at(300), output: 'operator said stop' };
      const summary = (await store.listRuns({ workflow: 'order-intake', statuses: ['Running'] })).runs.find((r) => r.id === 'durable-1')!;
      expect(await withDurableTruth(store, summary, read)).toMatchObject({ status: 'Terminated', endedAt: at(300) });
      const stored = (await store.getRun('durable-1'))!;
      expect(stored).toMatchObject({ status: 'Terminated', endedAt: at(300), durationMs: 300, error: { name: 'Terminated', message: 'operator said stop' } });
      expect(stored).not.toHaveProperty('current');
      // A finished record is the orchestrator's own account: Durable is not asked again.
      view = { runtimeStatus: 'Running' };
      expect((await withDurableTruth(store, stored, read)).status).toBe('Terminated');
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
