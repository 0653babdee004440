/**
 * The `sluice.queue` activity: sends the step's `message` as JSON (base64-encoded, as the Functions
 * host expects) to Storage queue `name`, creating the queue when it is missing.
 */
import type { StepActivityInput, StepActivityResult } from '../../activities/contract';
import { describeError, fail, isAbort, succeed, withDeadline } from '../../activities/outcome';
import {
  encodeQueueMessage,
  invalidQueueName,
  QueueMessageTooLargeError,
  queueSenderFromEnv,
  type QueueSender,
} from '../../activities/queue-sender';
import { resolveSecrets, type Redactor } from '../../activities/secrets';
import type { SettingsEnv } from '../../settings';

/** The `queue` step body, expressions evaluated. */
export interface QueueStepConfig {
  name: string;
  message: unknown;
}

/** What the queue activity reads from its environment. */
export interface QueueActivityOptions {
  /** Storage settings and secrets; default `process.env`. */
  env?: SettingsEnv;
  /** Sends through this sender instead of one built from `env` (the embedded runtime's). */
  sender?: QueueSender;
  /** Upper bound of a send when the step has no timeout. */
  defaultTimeoutMs?: number;
}

/** Creates the `sluice.queue` activity. */
export function createQueueActivity(options: QueueActivityOptions = {}) {
  return async function queueActivity(input: StepActivityInput<QueueStepConfig>): Promise<StepActivityResult> {
    const env = options.env ?? process.env;
    const secrets = resolveSecrets(input.config, env);
    if (!secrets.ok) return { ok: false, error: secrets.error };
    const { name, message } = secrets.value ?? ({} as QueueStepConfig);
    const badName = invalidQueueName(name);
    if (badName) return fail('ValidationError', badName, false);
    try {
      // Checked before any connection, so an oversized message fails fast and clearly.
      encodeQueueMessage(name, message);
    } catch (error) {
      return fail('QueueError', describeError(error, secrets.redact), false);
    }
    let sender: QueueSender;
    try {
      sender = options.sender ?? queueSenderFromEnv(env);
    } catch (error) {
      return fail('QueueError', describeError(error, secrets.redact), false);
    }
    const timeoutMs = input.timeoutMs ?? options.defaultTimeoutMs ?? 60_000;
    return withDeadline(
      timeoutMs,
      `sending to queue "${name}"`,
      async (signal) => {
        try {
          return succeed(await sender.send(name, message, { abortSignal: signal }));
        } catch (error) {
          return sendFailure(name, error, signal, secrets.redact);
        }
      },
      secrets.redact,
    );
  };
}

/** The `sluice.queue` activity reading `process.env`. */
export const queueActivity = createQueueActivity();

function sendFailure(queue: string, error: unknown, signal: AbortSignal, redact: Redactor): StepActivityResult {
  if (isAbort(error, signal)) return fail('Timeout', `sending to queue "${queue}" was aborted at the step's deadline`, true);
  if (error instanceof QueueMessageTooLargeError) return fail('QueueError', error.message, false);
  const status = (error as { statusCode?: unknown }).statusCode;
  const message = `sending to queue "${queue}" failed: ${describeError(error, redact)}`;
  if (typeof status !== 'number') return fail('QueueError', message, true); // network
  return fail('QueueError', message, status === 408 || status === 429 || status >= 500, status);
}
