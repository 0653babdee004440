/** Errors and text conversion shared by the evaluator and the functions it calls. */

/** An expression that failed at run time: the error name the workflow language calls `ExpressionError`. */
export class ExpressionEvaluationError extends Error {
  override readonly name = 'ExpressionError';
}

/** The text form of a value inside an interpolated string. */
export function text(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}
