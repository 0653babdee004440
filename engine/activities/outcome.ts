/**
 * Building step activity results, and the two rules every step activity shares: give up at the
 * step's deadline with a retryable `Timeout`, and never let an unexpected throw carry a secret
 * (or a stack) into Durable history.
 */
import type { StepActivityResult, StepErrorName } from './contract';
import { noRedaction, type Redactor } from './secrets';

/** A successful result; `undefined` becomes null because results are stored as JSON. */
export function succeed(output: unknown): StepActivityResult {
  return { ok: true, output: output === undefined ? null : output };
}

/** A failed result. */
export function fail(name: StepErrorName, message: string, retryable: boolean, status?: number): StepActivityResult {
  return { ok: false, error: status === undefined ? { name, message, retryable } : { name, message, retryable, status } };
}

/** The result of an attempt that reached its deadline. */
export function timedOut(what: string, timeoutMs: number): StepActivityResult {
  return fail('Timeout', `${what} timed out after ${formatMs(timeoutMs)}`, true);
}

/**
 * Runs `work` with a signal that aborts at `timeoutMs` (when given). When the deadline passes
 * first, the result is a retryable `Timeout` even if `work` ignores the signal; a later settle of
 * `work` is dropped. An unexpected throw becomes a retryable `ActivityError`, redacted.
 */
export async function withDeadline(
  timeoutMs: number | undefined,
  what: string,
  work: (signal: AbortSignal) => Promise<StepActivityResult>,
  redact: Redactor = noRedaction,
): Promise<StepActivityResult> {
  const controller = new AbortController();
  const guarded = work(controller.signal).then(
    (result) => redactResult(result, redact),
    (error: unknown) => unexpected(what, error, redact),
  );
  if (timeoutMs === undefined || !Number.isFinite(timeoutMs) || timeoutMs <= 0) return guarded;
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<StepActivityResult>((resolve) => {
    timer = setTimeout(() => {
      controller.abort(new DeadlineError(what, timeoutMs));
      resolve(redactResult(timedOut(what, timeoutMs), redact)); // `what` may name a URL with a secret in it
    }, timeoutMs);
  });
  try {
    return await Promise.race([guarded, deadline]);
  } finally {
    clearTimeout(timer);
  }
}

/** The abort reason `withDeadline` uses, so callers can tell a deadline from other aborts. */
export class DeadlineError extends Error {
  constructor(what: string, readonly timeoutMs: number) {
    super(`${what} timed out after ${formatMs(timeoutMs)}`);
    this.name = 'DeadlineError';
  }
}

/** Whether an error was caused by an aborted signal (fetch, the Azure SDKs and node:http differ). */
export function isAbort(error: unknown, signal?: AbortSignal): boolean {
  if (signal?.aborted) return true;
  const name = (error as { name?: unknown } | null)?.name;
  return name === 'AbortError' || name === 'DeadlineError';
}

/** A message for an error of unknown shape, redacted. */
export function describeError(error: unknown, redact: Redactor = noRedaction): string {
  if (error instanceof Error) {
    const code = (error as { code?: unknown }).code;
    const cause = (error as { cause?: { message?: unknown; code?: unknown } }).cause;
    const detail = cause && typeof cause.message === 'string' && cause.message !== error.message ? ` (${cause.message})` : '';
    return redact.text(`${error.message}${detail}${typeof code === 'string' && !error.message.includes(code) ? ` [${code}]` : ''}`);
  }
  return redact.text(String(error));
}

function unexpected(what: string, error: unknown, redact: Redactor): StepActivityResult {
  return fail('ActivityError', `${what} failed unexpectedly: ${describeError(error, redact)}`, true);
}

function redactResult(result: StepActivityResult, redact: Redactor): StepActivityResult {
  if (result.ok) return { ...result, output: redact.json(result.output) };
  return { ok: false, error: { ...result.error, message: redact.text(result.error.message) } };
}

function formatMs(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000}s` : `${ms}ms`;
}
