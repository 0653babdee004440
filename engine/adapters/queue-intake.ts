/**
 * What a queue trigger does with a message, the same under the Functions host and the embedded runtime
 * (both run the starter in azure/triggers.ts). A message that can never start a run (not base64, not JSON,
 * not valid input) is not left to the host's retries: the starter writes a failed-run record saying why,
 * puts the message's text byte for byte on `<queue>-poison` itself and returns, so the host deletes it.
 * Retries are for failures that may pass (the Durable backend unreachable); on the host's last try the
 * record is written before the host moves the message to the poison queue.
 *
 * Sluice's host.json sets `messageEncoding: none`, so the starter sees the message as it is on the queue
 * and decodes the base64 itself: a message the host could not decode would otherwise be moved to the
 * poison queue without the function ever running, and leave no record.
 */
import type { InvocationContext } from '@azure/functions';
import { queueServiceFromSettings } from '../activities/queue-sender';
import type { QueueSettings } from './host-config';
import { readStorageSettings, type SettingsEnv } from '../settings';

/** The host's queue settings the starter must agree with. */
export type QueueHostSettings = Pick<QueueSettings, 'maxDequeueCount' | 'messageEncoding'>;

/** A message's run input, or why it can never be one. */
export type QueueInput = { ok: true; input: unknown } | { ok: false; reason: string };

/**
 * The message's text as the host handed it over: the `queueTrigger` binding data (the text itself, where
 * the trigger value may already be parsed JSON), else the value.
 */
export function messageText(message: unknown, context: InvocationContext): string {
  const text = context.triggerMetadata?.queueTrigger;
  if (typeof text === 'string') return text;
  return typeof message === 'string' ? message : JSON.stringify(message);
}

/** The run input a message's text carries: base64 (unless the host decoded it already) of JSON. */
export function readQueueInput(text: string, host: QueueHostSettings): QueueInput {
  let json = text;
  if (host.messageEncoding === 'none') {
    const bytes = Buffer.from(text, 'base64');
    // Node's decoder skips what is not base64; re-encoding shows whether anything was skipped.
    if (text.trim() === '' || bytes.toString('base64').replace(/=+$/, '') !== text.replace(/=+$/, '')) {
      return { ok: false, reason: 'the message is not valid base64 (queue messages are base64 of a JSON text)' };
    }
    json = bytes.toString('utf8');
  }
  try {
    return { ok: true, input: JSON.parse(json) };
  } catch (error) {
    return { ok: false, reason: `the message is not JSON: ${(error as Error).message}` };
  }
}

/** Puts a message's text on `<queue>-poison` as it was on `queue`. */
export async function poisonMessage(queue: string, text: string, host: QueueHostSettings, env: SettingsEnv, connection = 'AzureWebJobsStorage'): Promise<void> {
  const poison = queueServiceFromSettings(readStorageSettings(env, connection), connection).getQueueClient(`${queue}-poison`);
  await poison.createIfNotExists();
  // With `messageEncoding: base64` the host decoded the text: encode it back to what was on the queue.
  await poison.sendMessage(host.messageEncoding === 'base64' ? Buffer.from(text, 'utf8').toString('base64') : text);
}
