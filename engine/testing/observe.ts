/**
 * What happened to each step of a case's run, by run path, from what the run reported: the step records
 * of its run record (and of real sub-workflow runs) and the attempts its activities saw. A failed step
 * whose `catch` clause took over is `Caught`. Inside forEach iterations the run record keeps only failed
 * and degraded steps (engine/orchestrator/sequence.ts), so there a step is seen through its activity calls.
 */
import type { Plan, PlanStep } from '../plan/model';
import { joinPath, staticPathOf } from './paths';
import type { CaseRun } from './run-case';

/** A step's status in a case. */
export type ObservedStatus = 'Completed' | 'Failed' | 'Degraded' | 'Skipped' | 'Caught';

/** One observed step execution. */
export interface ObservedStep {
  path: string;
  status: ObservedStatus;
  /** For a caught step: the index of the clause that ran. */
  clause?: number;
}

/** Every step execution the case saw, by run path. */
export function observedSteps(run: CaseRun): Map<string, ObservedStep> {
  const seen = new Map<string, ObservedStep>();
  for (const call of run.log.calls) {
    const status: ObservedStatus = call.result?.ok ? (call.result.degraded ? 'Degraded' : 'Completed') : 'Failed';
    seen.set(call.path, { path: call.path, status });
  }
  const records: Array<[string, NonNullable<CaseRun['record']>]> = [['', run.record ?? {}], ...run.childRecords];
  for (const [prefix, record] of records) {
    for (const step of record.steps ?? []) {
      const path = joinPath(prefix, step.path);
      const observed: ObservedStep = { path, status: step.status as ObservedStatus };
      if (step.status === 'Failed' && step.error) {
        const clause = catchClause(run.plans, path, step.error.name);
        if (clause !== undefined) Object.assign(observed, { status: 'Caught', clause });
      }
      seen.set(path, observed);
    }
  }
  return seen;
}

/** The plan step of a run path (in the workflow under test or a real sub-workflow), if any. */
export function planStepOf(plans: ReadonlyMap<string, Plan>, runPath: string): PlanStep | undefined {
  const path = staticPathOf(runPath);
  let best: string | undefined;
  for (const prefix of plans.keys()) {
    if ((prefix === '' || path.startsWith(`${prefix}.`)) && (best === undefined || prefix.length > best.length)) best = prefix;
  }
  if (best === undefined) return undefined;
  return plans.get(best)!.byPath.get(best === '' ? path : path.slice(best.length + 1));
}

// The clause that catches a failure, chosen as the orchestrator chooses it (the first that matches).
function catchClause(plans: ReadonlyMap<string, Plan>, runPath: string, errorName: string): number | undefined {
  const step = planStepOf(plans, runPath);
  const index = step?.catch?.findIndex((clause) => !clause.errors || clause.errors.includes(errorName)) ?? -1;
  return index < 0 ? undefined : index;
}
