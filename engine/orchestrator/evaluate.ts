/** Expression evaluation inside steps: an evaluation error becomes the step's `ExpressionError`. */
import { evaluateValue, type CompiledValue } from '../expressions';
import { StepFailure } from './failure';
import type { Scope } from './scope';

/** Evaluates a compiled value for the step at `path`; throws a non-retryable StepFailure on error. */
export function evaluateIn(compiled: CompiledValue, scope: Scope, path: string): unknown {
  try {
    return evaluateValue(compiled, scope);
  } catch (error) {
    throw new StepFailure({ name: 'ExpressionError', message: (error as Error).message, retryable: false }, path);
  }
}
