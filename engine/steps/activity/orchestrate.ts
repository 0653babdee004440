/** `activity`: a TypeScript activity registered by name, called through `sluice.activity`. */
import { compileValue, type CompiledValue } from '../../expressions';
import { callStepActivity } from '../../orchestrator/call';
import { evaluateIn } from '../../orchestrator/evaluate';
import type { StepKind } from '../../orchestrator/kind';

interface ActivityBody {
  name: string;
  input: CompiledValue;
}

/** The activity step kind: config `{ name, input }` per the activity contract. */
export const activity: StepKind<ActivityBody> = {
  kind: 'activity',
  io: true,
  compile: (step) => ({ name: step.activity!, input: compileValue(step.input ?? null) }),
  *orchestrate(step, scope, run, path, attempt) {
    const config = { name: step.body.name, input: evaluateIn(step.body.input, scope, path) };
    return yield* callStepActivity(run, step, scope, path, attempt, 'activity', config);
  },
};
