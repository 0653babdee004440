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
import { checkInput } from '../../definition/input-check';
import { StepFailure } from '../../orchestrator/failure';

/** The error of an ai step not called because the run spent its token budget; fail-open marks it `budget`. */
export const BUDGET_EXCEEDED = 'BudgetExceeded';

interface AiBody {
  config: CompiledValue;
  fallback?: CompiledValue;
  /** The step's `output` schema, when its fallback is an expression (a literal one is checked by lint). */
  fallbackSchema?: object;
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
    fallbackSchema: step.ai?.fallback !== undefined && step.ai.output && compileValue(step.ai.fallback).kind !== 'constant' ? (step.ai.output as object) : undefined,
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
    if (!result.ok) return undefined;
    if (error.name === BUDGET_EXCEEDED && result.degraded) result.degraded = { reason: 'budget' };
    // Version 4: an evaluated fallback must be what the step promises, like an answer from the model.
    if (step.body.fallbackSchema && run.input.interpreterVersion >= 4) {
      const problems = checkInput(`${run.plan.hash}|${step.path}|output`, step.body.fallbackSchema, result.output);
      if (problems.length > 0) {
        const shown = problems.slice(0, 5).map((problem) => `${problem.path} ${problem.message}`).join('; ');
        return { error: { name: 'ValidationError', message: `the fallback of ai step \`${step.id}\` does not satisfy its \`output\` schema: ${shown} (after ${error.name}: ${error.message})`, retryable: false } };
      }
    }
    return { output: result.output, degraded: result.degraded?.reason };
  },
};

// Version 4: once the run's ai steps used `ai.maxTokensPerRun` tokens, the next one is not called (its
// attempt fails, not retryable, and fail-open takes the fallback). Checked when the call is built, so
// both the bare call (sequence.ts) and `orchestrate` hold to it.
function configOf(step: PlanStep<AiBody>, scope: Scope, run: Run, path: string): ActivityCall {
  const budget = run.input.interpreterVersion >= 4 ? run.plan.definition.ai?.maxTokensPerRun : undefined;
  if (budget !== undefined && (run.aiTokens ?? 0) >= budget) {
    throw new StepFailure({ name: BUDGET_EXCEEDED, message: `the run used ${run.aiTokens} of its ${budget} ai tokens (ai.maxTokensPerRun)`, retryable: false }, path);
  }
  return activityCall(step.body.config, scope, path);
}
