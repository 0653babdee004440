/**
 * The shape shared by the I/O kinds whose whole body is the activity config (`http`, `queue`,
 * `cosmos`): compile the body's expressions once, evaluate them per attempt, call `sluice.<kind>`.
 */
import { compileValue, type CompiledValue } from '../expressions';
import type { Step } from '../definition/workflow.generated';
import { callStepActivity } from './call';
import type { StepKind } from './kind';
import type { PlanStep } from '../plan/model';
import type { Run } from './run';
import type { Scope } from './scope';
import { activityCall, type ActivityCall } from './secret-sites';

/** A step kind that sends its evaluated body to its activity and outputs what the activity returns. */
export function activityStepKind(kind: 'http' | 'queue' | 'cosmos', bodyOf: (step: Step) => unknown): StepKind<CompiledValue> {
  const configOf = (step: PlanStep<CompiledValue>, scope: Scope, _run: Run, path: string): ActivityCall => activityCall(step.body, scope, path);
  return {
    kind,
    io: true,
    compile: (step) => compileValue(bodyOf(step)),
    activityConfig: configOf,
    orchestrate: (step, scope, run, path, attempt) => callStepActivity(run, step, scope, path, attempt, kind, configOf(step, scope, run, path)),
  };
}
