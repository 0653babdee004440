/** `activity`: a TypeScript activity registered by name, called through `sluice.activity`. */
import { compileValue, type CompiledValue } from '../../expressions';
import { callStepActivity } from '../../orchestrator/call';
import type { StepKind } from '../../orchestrator/kind';
import type { Run } from '../../orchestrator/run';
import type { Scope } from '../../orchestrator/scope';
import { activityCall, type ActivityCall } from '../../orchestrator/secret-sites';
import type { PlanStep } from '../../plan/model';

interface ActivityBody {
  name: string;
  input: CompiledValue;
}

/** The activity step kind: config `{ name, input }` per the activity contract. */
export const activity: StepKind<ActivityBody> = {
  kind: 'activity',
  io: true,
  compile: (step) => ({ name: step.activity!, input: compileValue(step.input ?? null) }),
  activityConfig: configOf,
  orchestrate: (step, scope, run, path, attempt) => callStepActivity(run, step, scope, path, attempt, 'activity', configOf(step, scope, run, path)),
};

function configOf(step: PlanStep<ActivityBody>, scope: Scope, _run: Run, path: string): ActivityCall {
  const input = activityCall(step.body.input, scope, path, ['input']);
  const config = { name: step.body.name, input: input.config };
  return input.secrets ? { config, secrets: input.secrets } : { config };
}
