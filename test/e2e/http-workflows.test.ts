/**
 * End to end over HTTP against the real `sluice serve` (a child process) for the HTTP-started examples:
 * content-moderation (sync answer, flagged post queued, AI fail-open), refund-approval (auto-approval,
 * the manager's event raised through the API, rejection, and the timeout path on a short-timeout copy),
 * batch-scoring (fan-out with AI), customer-sync (started through the API, a sub-workflow per customer) and
 * order-quote (priced lines, an invalid line failing the run, a large quote waiting for its sign-off).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { call, peekQueue, runEnded, runRecord, until } from './api';
import { SECRETS } from './parts';
import { exampleWorkflow } from './project';
import { useServeStack } from './stack';

/** refund-approval with a one-second decision window, on its own route, so the timeout path runs quickly. */
const quickRefunds = exampleWorkflow('refund-approval.yaml')
  .replace('name: refund-approval', 'name: refund-approval-quick')
  .replace('route: refunds', 'route: refunds-quick')
  .replace('timeout: 2d', 'timeout: 1s');

const stack = useServeStack({ extraWorkflows: { 'refund-approval-quick.yaml': quickRefunds } });

describe('sluice serve: every workflow listed', () => {
  it('serves every example (and the test copy)', async () => {
    expect(stack.serve.output()).toContain('content-moderation');
    const { status, body } = await call(`${stack.serve.url}/api/workflows`);
    expect(status).toBe(200);
    const names = (Array.isArray(body) ? body : body.workflows).map((workflow: { name: string }) => workflow.name).sort();
    const examples = readdirSync(stack.project.workflowsDir).map((file) => /^name: (\S+)$/m.exec(readFileSync(join(stack.project.workflowsDir, file), 'utf8'))![1]);
    expect(names).toEqual(examples.sort());
    expect(names).toEqual(expect.arrayContaining(['batch-scoring', 'content-moderation', 'customer-sync', 'order-intake', 'refund-approval', 'refund-approval-quick']));
  });
});

describe('content-moderation (HTTP → ai → cosmos → queue)', () => {
  it('answers synchronously, stores the verdict in Cosmos and queues a flagged post for review', async () => {
    stack.parts.gemini.script({ kind: 'json', value: { verdict: 'block', confidence: 0.97, reasons: ['spam'] } });
    const answer = await call(`${stack.serve.url}/api/moderation/posts`, 'POST', { postId: 'post-block', author: 'mallory', text: 'buy now!!!' });
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({ postId: 'post-block', verdict: 'block' });
    const runId = answer.headers.get('x-sluice-run-id')!;

    const call0 = stack.parts.gemini.calls.at(-1)!;
    expect(call0.apiKey).toBe(SECRETS.GEMINI_API_KEY);
    expect(JSON.stringify(call0.body.contents)).toContain('buy now!!!');
    const { resource: item } = await stack.parts.container('moderation').item('post-block', 'post-block').read();
    expect(item).toMatchObject({ id: 'post-block', author: 'mallory', verdict: 'block', confidence: 0.97, runId });
    const review = await until(() => peekQueue(stack.serve.storage, 'moderation-review'), (messages) => messages.some((m) => m.value?.postId === 'post-block'), 'the review message');
    expect(review.find((m) => m.value?.postId === 'post-block')!.value).toEqual({ postId: 'post-block', verdict: 'block', reasons: ['spam'] });

    const record = await runRecord(stack.serve.url, runId);
    expect(record).toMatchObject({ id: runId, workflow: 'content-moderation', status: 'Completed', trigger: { kind: 'http' } });
    expect(record.steps.map((step: { path: string; status: string }) => `${step.path}:${step.status}`)).toEqual(
      expect.arrayContaining(['analyze:Completed', 'store:Completed', 'flag:Completed', 'answer:Completed']),
    );
  });

  it('an allowed post is stored and not queued (the `if` skips the flag step)', async () => {
    const answer = await call(`${stack.serve.url}/api/moderation/posts`, 'POST', { postId: 'post-allow', author: 'alice', text: 'hello' });
    expect(answer.body).toEqual({ postId: 'post-allow', verdict: 'allow' });
    const record = await runRecord(stack.serve.url, answer.headers.get('x-sluice-run-id')!);
    expect(record.steps.find((step: { path: string }) => step.path === 'flag')?.status).toBe('Skipped');
    const { resource: item } = await stack.parts.container('moderation').item('post-allow', 'post-allow').read();
    expect(item?.verdict).toBe('allow');
    expect((await peekQueue(stack.serve.storage, 'moderation-review')).some((m) => m.value?.postId === 'post-allow')).toBe(false);
  });

  it('fails open when Gemini answers 503: the fallback verdict, a degraded mark in the run record, the post sent to review', async () => {
    stack.parts.gemini.setDefault({ kind: 'status', status: 503, message: 'overloaded' });
    const before = stack.parts.gemini.calls.length;
    let started;
    try {
      started = await call(`${stack.serve.url}/api/workflows/content-moderation/runs`, 'POST', { postId: 'post-down', author: 'bob', text: 'is anyone there?' });
      expect(started.status).toBe(202);
      const status = await runEnded(stack.serve.url, started.body.runId);
      expect(status.runtimeStatus).toBe('Completed');
      expect(status.output).toEqual({ postId: 'post-down', verdict: 'review' });
    } finally {
      stack.parts.gemini.setDefault({ kind: 'json', value: { verdict: 'allow', confidence: 0.9, reasons: [], score: 7 } });
    }
    // The step's retries were spent first (defaults: 3 attempts), then the fallback was taken.
    expect(stack.parts.gemini.calls.length - before).toBeGreaterThanOrEqual(3);
    const record = await runRecord(stack.serve.url, started.body.runId);
    const analyze = record.steps.find((step: { path: string }) => step.path === 'analyze');
    expect(analyze.status).toBe('Degraded');
    expect(analyze.degraded?.reason ?? analyze.degraded).toMatch(/AiError|503|overloaded|unavailable/i);
    const { resource: item } = await stack.parts.container('moderation').item('post-down', 'post-down').read();
    expect(item).toMatchObject({ verdict: 'review', confidence: 0 });
    const review = await until(() => peekQueue(stack.serve.storage, 'moderation-review'), (messages) => messages.some((m) => m.value?.postId === 'post-down'), 'the review message');
    expect(review.find((m) => m.value?.postId === 'post-down')!.value).toEqual({ postId: 'post-down', verdict: 'review', reasons: ['model unavailable'] });
  }, 90_000);

  it('refuses an input that does not match the schema with 400 and the problems', async () => {
    const answer = await call(`${stack.serve.url}/api/moderation/posts`, 'POST', { postId: '', author: 'x' });
    expect(answer.status).toBe(400);
    expect(JSON.stringify(answer.body)).toMatch(/text/);
  });
});

describe('refund-approval (switch → queue → waitForEvent → fail/catch → http with a secret)', () => {
  const refund = (refundId: string, amount: number) => ({ refundId, amount, customerEmail: 'customer@example.org' });

  it('approves a small refund on its own and pays it with the secret token and the run id as idempotency key', async () => {
    const started = await call(`${stack.serve.url}/api/refunds`, 'POST', refund('r-small', 40));
    expect(started.status).toBe(202);
    const { runId } = started.body;
    const status = await runEnded(stack.serve.url, runId);
    expect(status).toMatchObject({ runtimeStatus: 'Completed', output: { refundId: 'r-small', approved: true } });
    const payment = stack.parts.requestsTo('payments').find((request) => JSON.parse(request.body).refundId === 'r-small')!;
    expect(payment.method).toBe('POST');
    expect(payment.headers.authorization).toBe(`Bearer ${SECRETS.PAYMENTS_TOKEN}`);
    expect(payment.headers['idempotency-key']).toBe(runId);
    expect(JSON.parse(payment.body)).toEqual({ refundId: 'r-small', amount: 40 });
    const record = await runRecord(stack.serve.url, runId);
    // The secret never reaches the run record.
    expect(JSON.stringify(record)).not.toContain(SECRETS.PAYMENTS_TOKEN);
  });

  it('waits for the manager: the request is queued, the decision raised through the API resumes the run and pays', async () => {
    const { body } = await call(`${stack.serve.url}/api/refunds`, 'POST', refund('r-large', 900));
    const runId: string = body.runId;
    const requests = await until(() => peekQueue(stack.serve.storage, 'approvals-requested'), (messages) => messages.some((m) => m.value?.runId === runId), 'the approval request');
    expect(requests.find((m) => m.value?.runId === runId)!.value).toEqual({ refundId: 'r-large', amount: 900, runId });
    expect((await call(`${stack.serve.url}/api/runs/${runId}/status`)).body.runtimeStatus).toBe('Running');
    expect(stack.parts.requestsTo('payments').some((request) => JSON.parse(request.body).refundId === 'r-large')).toBe(false);

    const raised = await call(`${stack.serve.url}/api/runs/${runId}/events/refundDecision`, 'POST', { approved: true, by: 'manager' });
    expect(raised.status).toBeLessThan(300);
    const status = await runEnded(stack.serve.url, runId);
    expect(status).toMatchObject({ runtimeStatus: 'Completed', output: { refundId: 'r-large', approved: true } });
    expect(stack.parts.requestsTo('payments').filter((request) => JSON.parse(request.body).refundId === 'r-large')).toHaveLength(1);
  });

  it('a rejection raised through the API is caught: the customer is notified, nothing is paid', async () => {
    const { body } = await call(`${stack.serve.url}/api/refunds`, 'POST', refund('r-rejected', 700));
    await until(() => peekQueue(stack.serve.storage, 'approvals-requested'), (messages) => messages.some((m) => m.value?.runId === body.runId), 'the approval request');
    await call(`${stack.serve.url}/api/runs/${body.runId}/events/refundDecision`, 'POST', { approved: false, by: 'manager' });
    const status = await runEnded(stack.serve.url, body.runId);
    expect(status).toMatchObject({ runtimeStatus: 'Completed', output: { refundId: 'r-rejected', approved: false } });
    const notes = await until(() => peekQueue(stack.serve.storage, 'refund-notifications'), (messages) => messages.some((m) => m.value?.refundId === 'r-rejected'), 'the rejection notice');
    expect(notes.find((m) => m.value?.refundId === 'r-rejected')!.value).toMatchObject({ approved: false, reason: expect.stringContaining('manager') });
    expect(stack.parts.requestsTo('payments').some((request) => JSON.parse(request.body).refundId === 'r-rejected')).toBe(false);
    const record = await runRecord(stack.serve.url, body.runId);
    expect(record.steps.find((step: { path: string }) => step.path === 'pay')?.status).toBe('Skipped');
  });

  it('times out without a decision (short-timeout copy): the default decision rejects the refund', async () => {
    const { body } = await call(`${stack.serve.url}/api/refunds-quick`, 'POST', refund('r-silent', 500));
    const status = await runEnded(stack.serve.url, body.runId);
    expect(status).toMatchObject({ runtimeStatus: 'Completed', output: { refundId: 'r-silent', approved: false } });
    const notes = await until(() => peekQueue(stack.serve.storage, 'refund-notifications'), (messages) => messages.some((m) => m.value?.refundId === 'r-silent'), 'the timeout notice');
    expect(notes.find((m) => m.value?.refundId === 'r-silent')!.value.reason).toContain('timeout');
    expect(stack.parts.requestsTo('payments').some((request) => JSON.parse(request.body).refundId === 'r-silent')).toBe(false);
  });
});

describe('batch-scoring (forEach with concurrency: http + ai, fan-in)', () => {
  it('fetches and scores every document, summarizes and archives the batch in Cosmos', async () => {
    const documents = ['d1', 'd2', 'd3', 'd4'].map((id) => ({ id, url: `${stack.parts.services.url}/docs/${id}` }));
    const before = stack.parts.gemini.calls.length;
    const { status: httpStatus, body } = await call(`${stack.serve.url}/api/batches`, 'POST', { documents });
    expect(httpStatus).toBe(202);
    const status = await runEnded(stack.serve.url, body.runId);
    expect(status.runtimeStatus).toBe('Completed');
    expect(status.output).toEqual({ count: 4, scores: documents.map(({ id }) => ({ id, score: 7 })) });
    for (const { id } of documents) expect(stack.parts.requestsTo('docs').some((request) => request.url === `/docs/${id}`)).toBe(true);
    const prompts = stack.parts.gemini.calls.slice(before).map((c) => JSON.stringify(c.body.contents));
    expect(prompts).toHaveLength(4);
    for (const { id } of documents) expect(prompts.some((prompt) => prompt.includes(`Document ${id}: a short text`))).toBe(true);
    const { resource: archived } = await stack.parts.container('batches').item(body.runId, body.runId).read();
    expect(archived?.summary).toEqual(status.output);
    const record = await runRecord(stack.serve.url, body.runId);
    expect(record.steps.filter((step: { path: string; status: string }) => /^score\[\d\]\.rate$/.test(step.path) && step.status === 'Completed')).toHaveLength(4);
  });
});

describe('customer-sync (schedule-triggered; started through the API here): http → cosmos query → sub-workflow per customer', () => {
  it('moderates every changed customer through content-moderation as linked child runs', async () => {
    const { status: httpStatus, body } = await call(`${stack.serve.url}/api/workflows/customer-sync/runs`, 'POST', { since: 'e2e' });
    expect(httpStatus).toBe(202);
    const status = await runEnded(stack.serve.url, body.runId);
    expect(status.runtimeStatus).toBe('Completed');
    const crm = stack.parts.requestsTo('crm').find((request) => request.url.includes('window=e2e'))!;
    expect(crm.headers.authorization).toBe(`Bearer ${SECRETS.CRM_TOKEN}`);
    const record = await runRecord(stack.serve.url, body.runId);
    expect(record.lineage.childRunIds).toHaveLength(2);
    for (const customer of ['cust-1', 'cust-2']) {
      const { resource: verdict } = await stack.parts.container('moderation').item(customer, customer).read();
      expect(verdict).toMatchObject({ id: customer, verdict: 'allow' });
      expect(record.lineage.childRunIds).toContain(verdict!.runId);
      const child = await runRecord(stack.serve.url, verdict!.runId);
      expect(child).toMatchObject({ workflow: 'content-moderation', status: 'Completed', lineage: { parentRunId: body.runId } });
    }
  });
});

describe('order-quote (forEach activity → fail on invalid lines → switch → waitForEvent)', () => {
  const quote = (orderId: string, lines: unknown[]) => ({ orderId, lines });

  it('prices a small quote and approves it on its own', async () => {
    const { status, body } = await call(`${stack.serve.url}/api/quotes`, 'POST', quote('q-small', [{ sku: 'A-1', qty: 2, unitPrice: 12.5 }, { sku: 'B-2', qty: 1, unitPrice: 3 }]));
    expect(status).toBe(202);
    const ended = await runEnded(stack.serve.url, body.runId);
    expect(ended).toMatchObject({ runtimeStatus: 'Completed', output: { orderId: 'q-small', amount: 28, approved: true, approvedBy: 'auto' } });
    expect(ended.output.lines.map((line: { total: number }) => line.total)).toEqual([25, 3]);
  });

  it('holds a quote over 1,000 until a sign-off is raised through the API', async () => {
    const { body } = await call(`${stack.serve.url}/api/quotes`, 'POST', quote('q-large', [{ sku: 'C-3', qty: 100, unitPrice: 20 }]));
    const waiting = await until(
      async () => (await call(`${stack.serve.url}/api/runs/${body.runId}/status`)).body,
      (status) => status.customStatus?.step === 'approval',
      'the quote to wait for its sign-off',
    );
    expect(waiting.runtimeStatus).toBe('Running');
    expect((await call(`${stack.serve.url}/api/runs/${body.runId}/events/quoteApproved`, 'POST', { approved: true, by: 'sales-lead' })).status).toBe(202);
    expect(await runEnded(stack.serve.url, body.runId)).toMatchObject({ runtimeStatus: 'Completed', output: { amount: 2000, approved: true, approvedBy: 'sales-lead' } });
  });

  it('fails a quote with an invalid line, naming it', async () => {
    const { body } = await call(`${stack.serve.url}/api/quotes`, 'POST', quote('q-bad', [{ sku: 'bad sku!', qty: 1, unitPrice: 1 }]));
    expect((await runEnded(stack.serve.url, body.runId)).runtimeStatus).toBe('Failed');
    const record = await runRecord(stack.serve.url, body.runId);
    expect(record.error).toMatchObject({ name: 'InvalidLines', step: 'rejectInvalid' });
  });
});
