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
  // Returns the call's flow rather than delegating to it: one generator less per step on every replay.
  orchestrate: (step, scope, run, path, attempt) =>
    callStepActivity(run, step, scope, path, attempt, 'activity', { name: step.body.name, input: evaluateIn(step.body.input, scope, path) }),
};
