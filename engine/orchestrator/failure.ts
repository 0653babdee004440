/**
 * Step failures as values the orchestrator can filter (`retry.on`, `catch.errors`) and report.
 */
import type { StepError } from '../activities/contract';

let savedStackLimit = Error.stackTraceLimit;

/** Turns stack capture off for the Error constructor about to run (StepFailure restores it right after). */
function withoutStack(message: string): string {
  savedStackLimit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  return message;
}

/** A step failed: the error as data, the run path of the step where it happened, attempts spent there. */
export class StepFailure extends Error {
  override readonly name = 'StepFailure';
  constructor(
    readonly error: StepError,
    readonly step: string,
    public attempts = 1,
  ) {
    // A step failure is data, replayed many times; capturing the orchestrator's stack for it was a
    // fifth of a retry-heavy replay's CPU, and nothing ever reads it.
    super(withoutStack(`${error.name}: ${error.message}`));
    Error.stackTraceLimit = savedStackLimit;
  }

  /** The `{ name, message, step }` users see (catch's `error`, the run's error). */
  get view(): { name: string; message: string; step: string } {
    return { name: this.error.name, message: this.error.message, step: this.step };
  }
}

/** Any thrown value as a StepFailure of the step at `path` (expression errors, bugs, Durable task failures). */
export function failureOf(thrown: unknown, path: string, fallbackName = 'ActivityError'): StepFailure {
  if (thrown instanceof StepFailure) return thrown;
  const error = thrown as { name?: string; message?: string } | undefined;
  if (error?.name === 'ExpressionError') {
    return new StepFailure({ name: 'ExpressionError', message: error.message ?? String(thrown), retryable: false }, path);
  }
  return new StepFailure({ name: fallbackName, message: firstLine(error?.message ?? String(thrown)), retryable: false }, path);
}

/**
 * A failed `sluice` child (sub-workflow or forEach chunk) ends with an Error whose message is the JSON
 * `{name, message, step}`; the Durable extension wraps it as
 * "Orchestrator function 'sluice' failed: {…} \n <details>". This recovers the JSON.
 */
export function childError(message: string | undefined): { error: { name: string; message: string }; step?: string } | undefined {
  if (!message) return undefined;
  const start = message.indexOf('{"name"');
  if (start < 0) return undefined;
  const end = message.indexOf(' \n ', start);
  const text = end < 0 ? message.slice(start) : message.slice(start, end);
  try {
    const parsed = JSON.parse(text.slice(0, text.lastIndexOf('}') + 1)) as { name?: unknown; message?: unknown; step?: unknown };
    if (typeof parsed.name !== 'string') return undefined;
    return {
      error: { name: parsed.name, message: typeof parsed.message === 'string' ? parsed.message : '' },
      step: typeof parsed.step === 'string' ? parsed.step : undefined,
    };
  } catch {
    return undefined;
  }
}

/** The message of a run that ends Failed: `{name, message, step}` as JSON, readable by callers. */
export function runErrorMessage(failure: StepFailure): string {
  return JSON.stringify(failure.view);
}

function firstLine(text: string): string {
  const end = text.indexOf(' \n ');
  return end < 0 ? text : text.slice(0, end);
}
