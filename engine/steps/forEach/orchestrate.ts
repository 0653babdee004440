/**
 * `forEach`: the steps run once per item; each iteration has its own step-output scope. Output: each
 * iteration's last output, in item order. Where the iterations run:
 * - more items than the chunk size: in chunks, child orchestrations (orchestrator/chunks.ts);
 * - a `concurrency` bound smaller than the list: batches of items as child orchestrations, that many
 *   in flight in a sliding window (version 4; versions 2-3: that many fixed round-robin lanes);
 * - otherwise (and when the body waits for events, which are raised on the run's own instance): here,
 *   as fibers (orchestrator/together.ts), the bound kept as a window.
 */
import { compileValue, type CompiledValue } from '../../expressions';
import { runBatches, runChunks, runLanes } from '../../orchestrator/chunks';
import { evaluateIn } from '../../orchestrator/evaluate';
import { StepFailure } from '../../orchestrator/failure';
import type { Flow, StepKind } from '../../orchestrator/kind';
import type { Run } from '../../orchestrator/run';
import { iterationScopes, type Scope } from '../../orchestrator/scope';
import type { PlanStep } from '../../plan/model';

/** The compiled forEach body. */
export interface ForEachBody {
  items: CompiledValue;
  as: string;
  /** Undefined: no bound. */
  concurrency?: number;
  steps: readonly PlanStep[];
  /** The body has a waitForEvent step: it must run in the run's own instance, where events are raised. */
  waitsForEvents: boolean;
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
      waitsForEvents: mentionsKey(body.steps, 'waitForEvent'),
    };
  },
  *orchestrate(step, scope, run, path) {
    const items = evaluateIn(step.body.items, scope, path);
    if (!Array.isArray(items)) {
      throw new StepFailure({ name: 'ValidationError', message: `\`items\` yielded ${typeof items}, not a list`, retryable: false }, path);
    }
    if (items.length > run.chunkSize) return yield* runChunks(run, step, scope, path, items);
    return yield* runItems(run, step, scope, path, items, 0);
  },
  children: (body) => [body.steps],
};

/** Runs at most a chunk of items (the first at index `offset`): in lanes when bounded, else here. */
export function* runItems(run: Run, step: PlanStep<ForEachBody>, scope: Scope, path: string, items: unknown[], offset: number): Flow<unknown[]> {
  const { concurrency, waitsForEvents } = step.body;
  // Version 1 runs kept every bounded forEach in the run itself.
  if (concurrency !== undefined && items.length > concurrency && !waitsForEvents && run.input.interpreterVersion >= 2) {
    // Version 4: batches in a sliding window; versions 2-3: fixed round-robin lanes.
    if (run.input.interpreterVersion >= 4) return yield* runBatches(run, step, scope, path, items, offset, concurrency);
    return yield* runLanes(run, step, scope, path, items, offset, concurrency);
  }
  return yield* iterate(run, step, scope, path, items, offset, 1, concurrency);
}

/** Runs iterations here; item i has index `offset + i * stride`; at most `window` in flight. */
export function* iterate(
  run: Run,
  step: PlanStep<ForEachBody>,
  scope: Scope,
  path: string,
  items: readonly unknown[],
  offset: number,
  stride: number,
  window?: number,
): Flow<unknown[]> {
  const { as, steps } = step.body;
  const scopeOf = iterationScopes(scope, as, steps[steps.length - 1]);
  // Version 4, a redrive from this step: iterations that completed in the redriven run are not run again.
  const reused = run.input.interpreterVersion >= 4 ? run.input.resume?.iterations?.[path] : undefined;
  return yield* run.together(
    items.length,
    (i) => {
      const index = offset + i * stride;
      if (reused && Object.hasOwn(reused, String(index))) return done(reused[String(index)]);
      return run.startSteps(steps, scopeOf(items[i], index), `${path}[${index}]`);
    },
    window,
  );
}

// eslint-disable-next-line require-yield
function* done(output: unknown): Flow<unknown> {
  return output;
}

function mentionsKey(value: unknown, key: string): boolean {
  if (Array.isArray(value)) return value.some((item) => mentionsKey(item, key));
  if (!value || typeof value !== 'object') return false;
  return Object.entries(value).some(([name, child]) => name === key || mentionsKey(child, key));
}
