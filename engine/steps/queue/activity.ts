/**
 * The `sluice.queue` activity: sends the step's `message` as JSON (base64-encoded, as the Functions
 * host expects) to Storage queue `name`, creating the queue when it is missing.
 */
import { attemptTraceparent } from '../../telemetry/ids';
import type { StepActivityInput, StepActivityResult } from '../../activities/contract';
import { describeError, fail, isAbort, succeed, withDeadline } from '../../activities/outcome';
import {
  encodeQueueMessage,
  invalidQueueName,
  QueueMessageTooLargeError,
  QueueNotConfiguredError,
  queueSenderFromEnv,
  type QueueSender,
} from '../../activities/queue-sender';
import { createRedactor, resolveSecrets, type Redactor } from '../../activities/secrets';
import type { SettingsEnv } from '../../settings';

/** The `queue` step body, expressions evaluated. */
export interface QueueStepConfig {
  name: string;
  message: unknown;
  /** The app setting holding the storage connection; default `AzureWebJobsStorage`. */
  connection?: string;
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
    const secrets = resolveSecrets(input.config, input.secrets, env);
    if (!secrets.ok) return { ok: false, error: secrets.error };
    const { name, message: given, connection = 'AzureWebJobsStorage' } = secrets.value ?? ({} as QueueStepConfig);
    const message = withTraceparent(input.stepPath, given, () => attemptTraceparent(input.run, input.stepPath, input.attempt));
    const badName = invalidQueueName(name);
    if (badName) return fail('ValidationError', badName, false);
    try {
      // Checked before any connection, so an oversized message fails fast and clearly.
      encodeQueueMessage(name, message);
    } catch (error) {
      return fail('QueueError', describeError(error, secrets.redact), false);
    }
    if (typeof connection !== 'string' || !/^[A-Za-z_][A-Za-z0-9_]*$/.test(connection)) {
      return fail('ValidationError', 'queue step `connection` must be the name of an app setting', false);
    }
    // A connection string is a credential: keep it out of any message a parse error might make.
    const redact = createRedactor([...secrets.values, env[connection] ?? '']);
    let sender: QueueSender;
    try {
      sender = options.sender ?? queueSenderFromEnv(env, connection);
    } catch (error) {
      const why = describeError(error, redact);
      return fail('QueueError', error instanceof QueueNotConfiguredError ? why : `${connection} is not a usable Storage connection: ${why}`, false);
    }
    const timeoutMs = input.timeoutMs ?? options.defaultTimeoutMs ?? 60_000;
    return withDeadline(
      timeoutMs,
      `sending to queue "${name}"`,
      async (signal) => {
        try {
          return succeed(await sender.send(name, message, { abortSignal: signal }));
        } catch (error) {
          return sendFailure(name, error, signal, redact);
        }
      },
      redact,
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

/**
 * A dead letter (Sluice's own envelope, sent from the `$deadLetter` path) carries the failed run's trace
 * as a `traceparent` field, so whoever redrives or inspects it can join the trace. Azure Storage queue
 * messages have no headers, and a queue step's message is the user's JSON: it is sent as it is.
 */
export function withTraceparent(stepPath: string, message: unknown, traceparent: () => string): unknown {
  if (stepPath !== DEAD_LETTER_STEP || !message || typeof message !== 'object' || Array.isArray(message)) return message;
  return { ...(message as Record<string, unknown>), traceparent: traceparent() };
}

// orchestrator/dead-letter.ts DEAD_LETTER_PATH (not imported: activities stay apart from orchestrator code).
const DEAD_LETTER_STEP = '$deadLetter';
