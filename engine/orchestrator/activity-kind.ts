/**
 * The shape shared by the I/O kinds whose whole body is the activity config (`http`, `queue`,
 * `cosmos`): compile the body's expressions once, evaluate them per attempt, call `sluice.<kind>`.
 */
import { compileValue, type CompiledValue } from '../expressions';
import type { Step } from '../definition/workflow.generated';
import { callStepActivity } from './call';
import { evaluateIn } from './evaluate';
import type { StepKind } from './kind';

/** A step kind that sends its evaluated body to its activity and outputs what the activity returns. */
export function activityStepKind(kind: 'http' | 'queue' | 'cosmos', bodyOf: (step: Step) => unknown): StepKind<CompiledValue> {
  return {
    kind,
    io: true,
    compile: (step) => compileValue(bodyOf(step)),
    activityConfig: (step, scope, _run, path) => evaluateIn(step.body, scope, path),
    orchestrate: (step, scope, run, path, attempt) => callStepActivity(run, step, scope, path, attempt, kind, evaluateIn(step.body, scope, path)),
  };
}
