/**
 * A `timeout` on a composite step (group, parallel, forEach, switch). Inside one orchestration a timer
 * cannot interrupt a wait on a task that is already scheduled (see together.ts), so one attempt of the
 * step runs as a child `sluice` orchestration (a `step` fragment) raced with a timer. When the timer
 * wins the step fails with `Timeout` and the child's late result is ignored (the child itself runs on:
 * Durable offers no way to stop it from the parent).
 */
import type { PlanStep } from '../plan/model';
import { fragmentFailure, fragmentOf, renumbered, startFragment, type FragmentResult } from './chunks';
import type { Flow } from './kind';
import type { Run } from './run';
import { ownSteps, type Scope } from './scope';

/** Runs one attempt of a composite `step` in a child orchestration within `timeoutMs`. */
export function* runTimedStep(run: Run, step: PlanStep, scope: Scope, path: string, attempt: number, timeoutMs: number): Flow<unknown> {
  const fragment = { ...fragmentOf(run, step, scope, path, 'step', [], 0, 1), attempt };
  const task = yield* run.settle(startFragment(run, fragment, `${run.ref.id}:${path}:${attempt}`), timeoutMs, path);
  if (task.isFaulted) throw fragmentFailure(task, path);
  const result = task.result as FragmentResult;
  if (result.steps) Object.assign(ownSteps(scope), result.steps);
  for (const record of result.records) run.records.push(renumbered(run, record));
  return result.outputs[0] ?? null;
}
