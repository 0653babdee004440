/** `switch`: the first case whose `when` is true runs, else `default`; output the branch's last output. */
import { compileValue, truthy, type CompiledValue } from '../../expressions';
import { evaluateIn } from '../../orchestrator/evaluate';
import type { StepKind } from '../../orchestrator/kind';
import type { PlanStep } from '../../plan/model';

interface SwitchBody {
  cases: ReadonlyArray<{ when: CompiledValue; steps: readonly PlanStep[] }>;
  default?: readonly PlanStep[];
}

/** The switch step kind. */
export const switchKind: StepKind<SwitchBody> = {
  kind: 'switch',
  io: false,
  compile: (step, compiler) => ({
    cases: step.switch!.cases.map((c) => ({ when: compileValue(c.when), steps: compiler.steps(c.steps, compiler.path) })),
    default: step.switch!.default ? compiler.steps(step.switch!.default, compiler.path) : undefined,
  }),
  *orchestrate(step, scope, run, path) {
    for (const branch of step.body.cases) {
      if (truthy(evaluateIn(branch.when, scope, path))) return yield* run.steps(branch.steps, scope, path);
    }
    return step.body.default ? yield* run.steps(step.body.default, scope, path) : null;
  },
  children: (body) => [...body.cases.map((c) => c.steps), ...(body.default ? [body.default] : [])],
};
