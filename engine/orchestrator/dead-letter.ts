/**
 * A run that fails terminally sends one message to its workflow's `deadLetter` queue through the
 * `sluice.queue` activity, so nothing is lost: the original input, trigger, run id, failing step,
 * error, attempts and definition hash are enough to inspect and redrive it.
 */
import { activityNameOf, type StepActivityInput, type StepActivityResult } from '../activities/contract';
import type { StepFailure } from './failure';
import type { Flow } from './kind';
import { nowMs, type Run } from './run';

/** The dead-letter message body. */
export interface DeadLetterMessage {
  runId: string;
  workflow: string;
  definitionHash: string;
  input: unknown;
  trigger: unknown;
  failedStep: string;
  error: { name: string; message: string };
  attempts: number;
  failedAt: string;
  /** The first run of this run's chain of redrives (this run's own id when it is not a redrive). */
  originalRunId?: string;
  /** Which try of `originalRunId` this run was: 1 for the original, 2 for its first redrive… */
  runAttempt?: number;
}

/** Stable step path of the dead-letter send (idempotency key of the queue activity). */
export const DEAD_LETTER_PATH = '$deadLetter';
const SEND_ATTEMPTS = 5;
const FIRST_DELAY_MS = 5_000;

/** Sends the dead letter (retrying transient failures with timers); returns where it went, or undefined. */
export function* sendDeadLetter(run: Run, failure: StepFailure): Flow<{ queue: string; messageId?: string } | undefined> {
  const target = run.plan.deadLetter;
  if (!target) return undefined;
  const message: DeadLetterMessage = {
    runId: run.ref.id,
    workflow: run.plan.name,
    definitionHash: run.plan.hash,
    input: run.input.input,
    trigger: run.input.trigger,
    failedStep: failure.step,
    error: { name: failure.error.name, message: failure.error.message },
    attempts: failure.attempts,
    failedAt: run.df.currentUtcDateTime.toISOString(),
    // Version 4: the lineage (a letter of a run in flight from before keeps the shape it had).
    ...(run.input.interpreterVersion >= 4 ? { originalRunId: run.input.redrive?.originalRunId ?? run.ref.id, runAttempt: run.input.redrive?.runAttempt ?? 1 } : {}),
  };
  const config = { name: target.queue, message, ...(target.connection ? { connection: target.connection } : {}) };
  for (let attempt = 1; ; attempt++) {
    const input: StepActivityInput = { run: run.ref, stepPath: DEAD_LETTER_PATH, attempt, config };
    let result: StepActivityResult | undefined;
    try {
      result = (yield run.df.callActivity(activityNameOf('queue'), input)) as StepActivityResult;
    } catch {
      result = undefined;
    }
    if (result?.ok) return { queue: target.queue, messageId: (result.output as { messageId?: string } | null)?.messageId };
    const retryable = result === undefined || result.error.retryable;
    if (!retryable || attempt >= SEND_ATTEMPTS) return undefined;
    yield run.df.createTimer(new Date(nowMs(run) + FIRST_DELAY_MS * 2 ** (attempt - 1)));
  }
}
