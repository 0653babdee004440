/**
 * The evaluation budget. Each top-level evaluation (one step's config, one `if`, one duration) may
 * spend `EVALUATION_BUDGET` work units: one per AST node visited, one per item a filter, `in`, `==` or
 * function goes through or builds, and one per `CHARACTERS_PER_UNIT` characters of text it builds.
 * Running out throws `ExpressionError`. The units are counted, not timed: a replay spends exactly what
 * the first execution spent and fails (or not) at the same point, so the budget keeps runs deterministic.
 *
 * Evaluation is synchronous, so one counter for the process is enough; outside an evaluation the limit
 * is infinite (`equal` is also called by code that is not evaluating an expression).
 */
import { ExpressionEvaluationError } from './errors';

/** Work units one top-level evaluation may spend: ordinary expressions spend tens; 1M is ~50-100 ms of work. */
export const EVALUATION_BUDGET = 1_000_000;
/** Characters of built text per work unit: copying text is much cheaper than visiting a node. */
export const CHARACTERS_PER_UNIT = 16;

/**
 * The running evaluation's units spent and its limit. An object, so that the evaluator's per-node check
 * is two property reads in its own module (`spend` from another module costs a call, and under tsx an
 * export getter as well).
 */
export const meter = { spent: 0, limit: Number.POSITIVE_INFINITY };

/** Spends `units`; throws `ExpressionError` when the evaluation's budget is exhausted. */
export function spend(units: number): void {
  meter.spent += units;
  if (meter.spent > meter.limit) exceeded();
}

/** Throws the `ExpressionError` of an exhausted budget. */
export function exceeded(): never {
  throw new ExpressionEvaluationError(`expression exceeded its evaluation budget of ${EVALUATION_BUDGET.toLocaleString('en-US')} steps`);
}

/** Spends what building `text` costs and returns it. */
export function spendOnText(text: string): string {
  spend(Math.floor(text.length / CHARACTERS_PER_UNIT));
  return text;
}

/**
 * Starts a top-level evaluation with a full budget, unless one is already running (then the inner
 * evaluation shares it). Returns whether it started one: pass that to `endEvaluation`.
 */
export function beginEvaluation(): boolean {
  if (meter.limit !== Number.POSITIVE_INFINITY) return false;
  meter.spent = 0;
  meter.limit = EVALUATION_BUDGET;
  return true;
}

/** Ends the evaluation `beginEvaluation` started (when it started one). */
export function endEvaluation(began: boolean): void {
  if (began) meter.limit = Number.POSITIVE_INFINITY;
}
