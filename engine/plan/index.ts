/** The compiled plan: compile, cache, hash, durations and the run input that carries a definition. */
export { compilePlan, deepFreeze } from './compile';
export { planFor, cachedPlanCount } from './cache';
export { canonicalJson, definitionHash } from './hash';
export { parseDuration, compileDuration, durationMs, type DurationPlan } from './duration';
export { INTERPRETER_VERSION, type Plan, type PlanStep, type RetryPlan, type CatchPlan } from './model';
export { runInputOf, calledWorkflows, carry, definitionOf, type CarriedDefinition, type RunInput, type RunStart, type RunTrigger, type FragmentInput } from './run-input';
export { definitionTrust, UntrustedDefinitionError, MIN_SIGNING_KEY_LENGTH, type DefinitionTrust, type DefinitionSigner, type TrustedDefinition } from './trust';
