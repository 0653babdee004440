/**
 * Plans cached per process by content hash: every replay of a run (and every run of the same
 * definition) reuses one compiled plan instead of re-compiling its expressions.
 */
import type { WorkflowDefinition } from '../definition/workflow.generated';
import { compilePlan } from './compile';
import type { Plan } from './model';

const plans = new Map<string, Plan>();

/** The cached plan for `hash`, compiled from `definition` (or what `definition()` returns) the first time. */
export function planFor(definition: WorkflowDefinition | (() => WorkflowDefinition), hash: string): Plan {
  let plan = plans.get(hash);
  if (!plan) {
    plan = compilePlan(typeof definition === 'function' ? definition() : definition, hash);
    plans.set(hash, plan);
  }
  return plan;
}

/** How many plans this process holds (tests and diagnostics). */
export function cachedPlanCount(): number {
  return plans.size;
}
