/** `parallel`: children run concurrently, all must finish; output `{ childId: output }`. */
import type { StepKind } from '../../orchestrator/kind';
import type { PlanStep } from '../../plan/model';
import { writtenConcurrently } from '../../orchestrator/scope';

/** The parallel step kind. */
export const parallel: StepKind<readonly PlanStep[]> = {
  kind: 'parallel',
  io: false,
  compile: (step, compiler) => compiler.steps(step.parallel!, compiler.path),
  *orchestrate(step, scope, run, path) {
    const children = step.body;
    // The children share this scope's outputs map: a forEach among them must not lend it to its iterations.
    writtenConcurrently(scope);
    const outputs = yield* run.together(children.length, (index) => run.step(children[index], scope, path));
    const byId: Record<string, unknown> = {};
    children.forEach((child, index) => (byId[child.id] = outputs[index]));
    return byId;
  },
  children: (body) => [body],
};
