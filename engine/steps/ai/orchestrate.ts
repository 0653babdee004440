/**
 * `ai`: one Gemini call through `sluice.ai`. Fail-open happens here, after the step's retries are spent:
 * a transient failure is retried first, the fallback is the last resort (then the step is degraded).
 */
import { compileValue, type CompiledValue } from '../../expressions';
import { callStepActivity } from '../../orchestrator/call';
import { evaluateIn } from '../../orchestrator/evaluate';
import type { StepKind } from '../../orchestrator/kind';
import type { Run } from '../../orchestrator/run';
import type { Scope } from '../../orchestrator/scope';
import { activityCall, type ActivityCall } from '../../orchestrator/secret-sites';
import type { PlanStep } from '../../plan/model';
import { applyFailOpen } from './fail-open';

interface AiBody {
  config: CompiledValue;
  fallback?: CompiledValue;
  /** The step's own `failOpen`; undefined: `defaults.failOpen`. */
  failOpen?: boolean;
}

/** The ai step kind. */
export const ai: StepKind<AiBody> = {
  kind: 'ai',
  io: true,
  compile: (step) => ({
    config: compileValue(step.ai),
    fallback: step.ai?.fallback === undefined ? undefined : compileValue(step.ai.fallback),
    failOpen: step.ai?.failOpen,
  }),
  activityConfig: configOf,
  orchestrate: (step, scope, run, path, attempt) => callStepActivity(run, step, scope, path, attempt, 'ai', configOf(step, scope, run, path)),
  recover(step, scope, run, error) {
    let fallback: unknown;
    try {
      fallback = step.body.fallback === undefined ? undefined : evaluateIn(step.body.fallback, scope, step.path);
    } catch {
      return undefined;
    }
    const result = applyFailOpen({ fallback, failOpen: step.body.failOpen ?? run.plan.failOpen }, { ok: false, error });
    return result.ok ? { output: result.output, degraded: result.degraded?.reason } : undefined;
  },
};

function configOf(step: PlanStep<AiBody>, scope: Scope, _run: Run, path: string): ActivityCall {
  return activityCall(step.body.config, scope, path);
}
