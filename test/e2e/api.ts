/**
 * Talking to a served runtime the way a user does: JSON over HTTP, polling until a run ends, and reading
 * the messages runs put on Azurite queues.
 */
import { QueueClient } from '@azure/storage-queue';
import { isFinished } from '../../engine/adapters/run-status';

/** A JSON answer. */
export interface JsonAnswer<T = any> {
  status: number;
  body: T;
  headers: Headers;
}

/** Sends a JSON request (a body when given) and parses the answer. */
export async function call<T = any>(url: string, method = 'GET', body?: unknown): Promise<JsonAnswer<T>> {
  const response = await fetch(url, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : null, headers: response.headers };
}

/** Polls `read` until `done` holds; fails with the last value seen when the deadline passes. */
export async function until<T>(read: () => Promise<T>, done: (value: T) => boolean, what: string, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let pause = 50;
  let last: T | undefined;
  let lastError: unknown;
  while (Date.now() < deadline) {
    try {
      last = await read();
      if (done(last)) return last;
    } catch (error) {
      lastError = error; // not there yet (e.g. the record is written a moment later)
    }
    await new Promise((resolve) => setTimeout(resolve, pause));
    pause = Math.min(pause * 2, 500);
  }
  throw new Error(`timed out waiting for ${what}; last seen: ${JSON.stringify(last) ?? String(lastError)}`);
}


/** Waits for a run to end; returns its Durable status (`GET /api/runs/{id}/status`). */
export function runEnded(baseUrl: string, runId: string, timeoutMs = 60_000): Promise<any> {
  return until(
    async () => (await call(`${baseUrl}/api/runs/${encodeURIComponent(runId)}/status`)).body,
    (status) => isFinished(status?.runtimeStatus),
    `run ${runId} to end`,
    timeoutMs,
  );
}

/** Waits until a run's record (`GET /api/runs/{id}`) has a final status; returns the record. */
export function runRecord(baseUrl: string, runId: string, timeoutMs = 30_000): Promise<any> {
  return until(
    async () => {
      const answer = await call(`${baseUrl}/api/runs/${encodeURIComponent(runId)}`);
      return answer.status === 200 ? answer.body : undefined;
    },
    (record) => ['Completed', 'Failed', 'DeadLettered', 'Terminated'].includes(record?.status),
    `the record of run ${runId}`,
    timeoutMs,
  );
}

/** A queue message as raw text and as the JSON its base64 body carries. */
export interface QueueMessage {
  text: string;
  value: any;
}

/** Every message in a queue (peeked: dequeue counts stay as they are), decoded from base64 JSON. */
export async function peekQueue(storage: string, queue: string): Promise<QueueMessage[]> {
  const client = new QueueClient(storage, queue);
  if (!(await client.exists())) return [];
  const { peekedMessageItems } = await client.peekMessages({ numberOfMessages: 32 });
  return peekedMessageItems.map((item) => ({ text: item.messageText, value: decodeJson(item.messageText) }));
}

/** Puts a message on a queue as the Functions host expects it (base64 of the JSON text); returns its id and body. */
export async function sendToQueue(storage: string, queue: string, value: unknown): Promise<{ messageId: string; text: string }> {
  const client = new QueueClient(storage, queue);
  await client.createIfNotExists();
  const text = Buffer.from(JSON.stringify(value), 'utf8').toString('base64');
  const { messageId } = await client.sendMessage(text);
  return { messageId, text };
}

function decodeJson(text: string): unknown {
  try {
    return JSON.parse(Buffer.from(text, 'base64').toString('utf8'));
  } catch {
    return undefined;
  }
}
