/** `fail`: ends the step (and, unless caught, the run) with the given error name and message. */
import { compileValue, type CompiledValue } from '../../expressions';
import { evaluateIn } from '../../orchestrator/evaluate';
import { StepFailure } from '../../orchestrator/failure';
import type { StepKind } from '../../orchestrator/kind';

interface FailBody {
  error: string;
  message?: CompiledValue;
}

/** The fail step kind. */
export const fail: StepKind<FailBody> = {
  kind: 'fail',
  io: false,
  compile: (step) => ({ error: step.fail!.error, message: step.fail!.message === undefined ? undefined : compileValue(step.fail!.message) }),
  // eslint-disable-next-line require-yield
  *orchestrate(step, scope, _run, path) {
    const message = step.body.message === undefined ? `failed at \`${path}\`` : String(evaluateIn(step.body.message, scope, path));
    throw new StepFailure({ name: step.body.error, message, retryable: false }, path);
  },
};
