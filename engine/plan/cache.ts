/**
 * Plans cached per process by definition text: every replay of a run (and every run of the same
 * definition) reuses one compiled plan instead of re-compiling its expressions. Only a definition the
 * app's trust vouched for reaches the cache (plan/trust.ts), under the text the plan is compiled from
 * and with the hash the app computed: nothing a caller claims about a definition picks its plan.
 */
import { compilePlan } from './compile';
import type { Plan } from './model';
import type { TrustedDefinition } from './trust';

const plans = new Map<string, Plan>();

/** The cached plan of a trusted definition, compiled the first time. */
export function planFor(trusted: TrustedDefinition): Plan {
  let plan = plans.get(trusted.key);
  if (!plan) {
    plan = compilePlan(trusted.definition(), trusted.hash());
    plans.set(trusted.key, plan);
  }
  return plan;
}

/** How many plans this process holds (tests and diagnostics). */
export function cachedPlanCount(): number {
  return plans.size;
}
