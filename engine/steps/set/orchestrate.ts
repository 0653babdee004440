/** `set`: a value (usually a mapping of expressions) that becomes the step's output. */
import { compileValue, type CompiledValue } from '../../expressions';
import { evaluateIn } from '../../orchestrator/evaluate';
import type { StepKind } from '../../orchestrator/kind';

/** The set step kind. */
export const set: StepKind<CompiledValue> = {
  kind: 'set',
  io: false,
  compile: (step) => compileValue(step.set ?? null),
  // eslint-disable-next-line require-yield
  *orchestrate(step, scope, _run, path) {
    return evaluateIn(step.body, scope, path);
  },
};
