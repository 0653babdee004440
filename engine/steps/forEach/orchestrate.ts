/**
 * `forEach`: the steps run once per item, at most `concurrency` in flight (a sliding window of fibers,
 * see orchestrator/together.ts); each iteration has its own step-output scope. Lists longer than the
 * chunk size are split into child orchestrations (orchestrator/chunks.ts) so no history grows without
 * bound. Output: each iteration's last output, in item order.
 */
import { compileValue, type CompiledValue } from '../../expressions';
import { runChunks } from '../../orchestrator/chunks';
import { evaluateIn } from '../../orchestrator/evaluate';
import { StepFailure } from '../../orchestrator/failure';
import type { Flow, StepKind } from '../../orchestrator/kind';
import type { Run } from '../../orchestrator/run';
import { iterationScope, type Scope } from '../../orchestrator/scope';
import type { PlanStep } from '../../plan/model';

/** The compiled forEach body. */
export interface ForEachBody {
  items: CompiledValue;
  as: string;
  /** Undefined: no bound. */
  concurrency?: number;
  steps: readonly PlanStep[];
}

/** The forEach step kind. */
export const forEach: StepKind<ForEachBody> = {
  kind: 'forEach',
  io: false,
  compile: (step, compiler) => {
    const body = step.forEach!;
    return {
      items: compileValue(body.items),
      as: body.as ?? 'item',
      concurrency: body.concurrency === undefined ? undefined : Math.max(1, Math.floor(body.concurrency)),
      steps: compiler.steps(body.steps, compiler.path),
    };
  },
  *orchestrate(step, scope, run, path) {
    const items = evaluateIn(step.body.items, scope, path);
    if (!Array.isArray(items)) {
      throw new StepFailure({ name: 'ValidationError', message: `\`items\` yielded ${typeof items}, not a list`, retryable: false }, path);
    }
    if (items.length > run.chunkSize) return yield* runChunks(run, step, scope, path, items);
    return yield* iterate(run, step, scope, path, items, 0);
  },
  children: (body) => [body.steps],
};

/** Runs the iterations of `items` (whose first item has index `offset`) in this orchestration. */
export function* iterate(run: Run, step: PlanStep<ForEachBody>, scope: Scope, path: string, items: readonly unknown[], offset: number): Flow<unknown[]> {
  const { as, steps, concurrency } = step.body;
  return yield* run.together(
    items.length,
    (i) => run.steps(steps, iterationScope(scope, as, items[i], offset + i), `${path}[${offset + i}]`),
    concurrency,
  );
}
