/** `steps`: a group, a sequence of steps used as one; output its last step's output. */
import type { StepKind } from '../../orchestrator/kind';
import type { PlanStep } from '../../plan/model';

/** The group step kind. */
export const steps: StepKind<readonly PlanStep[]> = {
  kind: 'steps',
  io: false,
  compile: (step, compiler) => compiler.steps(step.steps!, compiler.path),
  *orchestrate(step, scope, run, path) {
    return yield* run.steps(step.body, scope, path);
  },
  children: (body) => [body],
};
