/**
 * Validated definition → immutable plan: defaults resolved, durations in milliseconds, every expression
 * parsed once, static step paths, content hash. Definitions are assumed valid (the linter ran first);
 * what could still be wrong here throws with the step path.
 */
import type { Defaults, RetryPolicy, Step, WorkflowDefinition } from '../definition/workflow.generated';
import { compileValue } from '../expressions';
import { stepKindOf } from '../steps';
import type { StepCompiler } from '../orchestrator/kind';
import { compileDuration, type DurationPlan } from './duration';
import { definitionHash } from './hash';
import { INTERPRETER_VERSION, type CatchPlan, type Plan, type PlanStep, type RetryPlan } from './model';

const RETRY_DEFAULTS = { maxAttempts: 3, interval: '1s', backoff: 2 } as const;

/** Compiles a definition; `hash` may be passed when already known (the run input carries it). */
export function compilePlan(definition: WorkflowDefinition, hash = definitionHash(definition)): Plan {
  const byPath = new Map<string, PlanStep>();
  const calls = new Set<string>();
  const defaults = definition.defaults ?? {};
  const compileSteps = (list: readonly Step[], parentPath: string): PlanStep[] =>
    list.map((step) => compileStep(step, parentPath, defaults, compileSteps, byPath, calls));
  const steps = compileSteps(definition.steps, '');
  const plan: Plan = {
    name: definition.name,
    hash,
    interpreterVersion: INTERPRETER_VERSION,
    version: definition.version,
    steps,
    output: definition.output === undefined ? undefined : compileValue(definition.output),
    deadLetter: definition.deadLetter ? { ...definition.deadLetter } : undefined,
    timeout: definition.timeout === undefined ? undefined : compileDuration(definition.timeout, 'timeout'),
    failOpen: defaults.failOpen !== false,
    byPath,
    calls: [...calls].sort(),
    definition,
  };
  return deepFreeze(plan);
}

function compileStep(
  step: Step,
  parentPath: string,
  defaults: Defaults,
  compileSteps: (list: readonly Step[], parentPath: string) => PlanStep[],
  byPath: Map<string, PlanStep>,
  calls: Set<string>,
): PlanStep {
  const path = parentPath ? `${parentPath}.${step.id}` : step.id;
  const kind = stepKindOf(step);
  if (!kind) throw new Error(`step \`${path}\` has no known kind`);
  const compiler: StepCompiler = { steps: compileSteps, path };
  const body = kind.compile(step, compiler);
  if (kind.kind === 'workflow' && typeof step.workflow === 'string') calls.add(step.workflow);
  const retrySource = step.retry ?? (kind.io ? defaults.retry : undefined);
  const timeoutSource = step.timeout ?? (kind.io ? defaults.timeout : undefined);
  const planStep: PlanStep = {
    id: step.id,
    kind: kind.kind,
    path,
    name: step.name,
    when: step.if === undefined ? undefined : compileValue(step.if),
    retry: retrySource ? compileRetry(step.retry ? { ...defaults.retry, ...step.retry } : retrySource, path) : undefined,
    timeout: timeoutSource === undefined ? undefined : compileDuration(timeoutSource, `${path}.timeout`),
    catch: step.catch?.map((clause, index): CatchPlan => ({
      errors: clause.errors ? [...clause.errors] : undefined,
      steps: compileSteps(clause.steps, `${path}.catch[${index}]`),
    })),
    body,
  };
  byPath.set(path, planStep);
  return planStep;
}

function compileRetry(policy: RetryPolicy, path: string): RetryPlan {
  const interval = fixedMs(compileDuration(policy.interval ?? RETRY_DEFAULTS.interval, `${path}.retry.interval`), path);
  return {
    maxAttempts: Math.max(1, Math.floor(policy.maxAttempts ?? RETRY_DEFAULTS.maxAttempts)),
    intervalMs: interval,
    backoff: policy.backoff ?? RETRY_DEFAULTS.backoff,
    maxIntervalMs: policy.maxInterval === undefined ? undefined : fixedMs(compileDuration(policy.maxInterval, `${path}.retry.maxInterval`), path),
    jitter: policy.jitter === true,
    on: policy.on ? [...policy.on] : undefined,
  };
}

// Retry delays shape the run's timers; they must be known without a scope, so no expressions here.
function fixedMs(duration: DurationPlan, path: string): number {
  if ('ms' in duration) return duration.ms;
  throw new Error(`step \`${path}\`: retry durations must be literal (got \`${duration.text}\`)`);
}

/** Freezes a value and everything reachable from it (Maps included: their entries are frozen too). */
export function deepFreeze<T>(value: T, seen = new Set<unknown>()): T {
  if (value === null || typeof value !== 'object' || seen.has(value)) return value;
  seen.add(value);
  if (value instanceof Map) {
    for (const entry of value.values()) deepFreeze(entry, seen);
    // A frozen Map can still be mutated through set(); shadow the mutators so the plan stays immutable.
    const refuse = () => { throw new TypeError('a plan is immutable'); };
    Object.defineProperties(value, { set: { value: refuse }, delete: { value: refuse }, clear: { value: refuse } });
  } else {
    for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key], seen);
  }
  return Object.freeze(value);
}
