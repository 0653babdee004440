/**
 * End to end for the queue-triggered example against the real `sluice serve`: order-intake started by a
 * message put on Azurite (parallel enrichment, forEach, Cosmos), a run dead-lettered to `orders-dlq` with
 * its original input and redriven by `sluice dlq redrive`, and an invalid message moved to
 * `orders-in-poison` byte for byte with a failed-run record that says why.
 */
import { describe, expect, it } from 'vitest';
import { call, peekQueue, runEnded, runRecord, sendToQueue, until } from './api';
import { SECRETS } from './parts';
import { sluice } from './serve-process';
import { useServeStack } from './stack';

// host.json of the test project: a failed message is retried after one second, three tries in all (an
// invalid message is not retried: the trigger poisons it at once).
const MAX_DEQUEUE_COUNT = 3;

const stack = useServeStack({ queues: { maxDequeueCount: MAX_DEQUEUE_COUNT, visibilityTimeout: '00:00:01', maxPollingInterval: '00:00:01' } });

const order = (orderId: string) => ({
  orderId,
  customerId: 'cust-9',
  lines: [
    { sku: 'WIDGET-1', qty: 2, unitPrice: 3.5 },
    { sku: 'GADGET-7', qty: 1 },
  ],
});

describe('order-intake (queue → parallel http + activity + queue → forEach activity → cosmos)', () => {
  it('runs once per message put on Azurite: enriches, checks every line, stores the order', async () => {
    const { messageId } = await sendToQueue(stack.serve.storage, 'orders-in', order('o-100'));
    const runId = `order-intake-q-${messageId}`;
    const status = await runEnded(stack.serve.url, runId);
    expect(status.runtimeStatus).toBe('Completed');
    expect(status.output).toEqual({
      orderId: 'o-100',
      lines: [
        { sku: 'WIDGET-1', qty: 2, ok: true, problems: [], total: 7 },
        { sku: 'GADGET-7', qty: 1, ok: true, problems: [], total: null },
      ],
    });
    const price = stack.parts.requestsTo('prices').find((request) => request.url === '/prices/orders/o-100')!;
    expect(price.headers.authorization).toBe(`Bearer ${SECRETS.PRICES_TOKEN}`);
    const reservations = await until(() => peekQueue(stack.serve.storage, 'reservations'), (messages) => messages.some((m) => m.value?.orderId === 'o-100'), 'the reservation');
    expect(reservations.find((m) => m.value?.orderId === 'o-100')!.value.reservation).toMatchObject({ orderId: 'o-100', reserved: true });
    const { resource: stored } = await stack.parts.container('orders').item('o-100', 'o-100').read();
    expect(stored).toMatchObject({ id: 'o-100', customerId: 'cust-9', price: { orderId: 'o-100', total: 42.5 }, lines: status.output.lines });
    const record = await runRecord(stack.serve.url, runId);
    expect(record).toMatchObject({ workflow: 'order-intake', status: 'Completed', trigger: { kind: 'queue', source: 'orders-in' } });
    expect(record.steps.map((step: { path: string }) => step.path)).toEqual(
      expect.arrayContaining(['enrich', 'enrich.price', 'enrich.stock.reserve', 'enrich.stock.confirm', 'perLine', 'perLine[0].check', 'perLine[1].check', 'save']),
    );
    // The message was consumed.
    expect(await peekQueue(stack.serve.storage, 'orders-in')).toEqual([]);
  });

  it('dead-letters a run whose price lookup keeps failing (original input in orders-dlq), then `sluice dlq redrive` completes it once', async () => {
    stack.parts.pricesDownFor.add('o-dead');
    const input = order('o-dead');
    const { messageId } = await sendToQueue(stack.serve.storage, 'orders-in', input);
    const runId = `order-intake-q-${messageId}`;
    const record = await runRecord(stack.serve.url, runId, 90_000);
    expect(record.status).toBe('DeadLettered');
    expect(stack.parts.requestsTo('prices').filter((request) => request.url === '/prices/orders/o-dead')).toHaveLength(5); // retry.maxAttempts
    const letters = await until(() => peekQueue(stack.serve.storage, 'orders-dlq'), (messages) => messages.some((m) => m.value?.runId === runId), 'the dead letter');
    const letter = letters.find((m) => m.value?.runId === runId)!.value;
    expect(letter).toMatchObject({ workflow: 'order-intake', input, failedStep: 'enrich.price', error: { name: 'HttpError' }, attempts: 5 });

    const listed = await sluice(['dlq', 'list', 'orders-dlq', '--json'], stack.project.root, stack.env);
    expect(listed.code).toBe(0);
    expect(JSON.parse(listed.stdout).messages.map((m: { letter: { runId: string } }) => m.letter.runId)).toContain(runId);

    stack.parts.pricesDownFor.delete('o-dead'); // the prices service is back
    const redriven = await sluice(['dlq', 'redrive', 'orders-dlq'], stack.project.root, stack.env);
    expect(redriven.code, redriven.stderr).toBe(0);
    const newRunId = /redrove run \S+ of order-intake as (\S+)/.exec(redriven.stdout)?.[1];
    expect(newRunId).toBeDefined();
    const status = await runEnded(stack.serve.url, newRunId!);
    expect(status).toMatchObject({ runtimeStatus: 'Completed', output: { orderId: 'o-dead' } });
    const again = await runRecord(stack.serve.url, newRunId!);
    expect(again).toMatchObject({ status: 'Completed', input, lineage: { redriveOf: runId }, trigger: { kind: 'redrive' } });
    expect(await peekQueue(stack.serve.storage, 'orders-dlq')).toEqual([]);

    // A second redrive of the same letter starts nothing new.
    const repeat = await call(`${stack.serve.url}/api/runs/${runId}/redrive`, 'POST', letter);
    expect(repeat.status).toBe(200);
    expect(repeat.body.runId).toBe(newRunId);
    const { resource: stored } = await stack.parts.container('orders').item('o-dead', 'o-dead').read();
    expect(stored?.customerId).toBe('cust-9');
  }, 120_000);

  it('moves an invalid message to orders-in-poison byte for byte at once (not after the tries host.json allows), with a failed-run record saying why', async () => {
    const { messageId, text } = await sendToQueue(stack.serve.storage, 'orders-in', { orderId: 'o-bad', lines: 'not a list' });
    // host.json retries a failing message after a second, three times: at once means well within that.
    const poison = await until(() => peekQueue(stack.serve.storage, 'orders-in-poison'), (messages) => messages.length > 0, 'the poison message', 2_500);
    expect(poison.map((m) => m.text)).toEqual([text]);
    expect(await peekQueue(stack.serve.storage, 'orders-in')).toEqual([]);
    const failed = await call(`${stack.serve.url}/api/runs?status=Failed`);
    const runs = Array.isArray(failed.body) ? failed.body : failed.body.runs;
    const run = runs.find((candidate: { id: string }) => candidate.id === `order-intake-q-${messageId}`);
    expect(run).toMatchObject({ workflow: 'order-intake', status: 'Failed', error: { name: 'ValidationError' } });
    expect(run.error.message).toMatch(/customerId/);
    expect(run.error.message).toMatch(/lines/);
  }, 90_000);
});
