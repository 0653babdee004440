/**
 * `workflow`: another workflow as a sub-orchestration of `sluice`. Its definition comes from the run
 * input (the starter put the transitive closure of called workflows there), so a child started late in
 * a run still runs the definition the run started with.
 */
import { compileValue, type CompiledValue } from '../../expressions';
import { evaluateIn } from '../../orchestrator/evaluate';
import { childError, StepFailure } from '../../orchestrator/failure';
import { stepTimeoutMs } from '../../orchestrator/call';
import type { StepKind } from '../../orchestrator/kind';
import type { RunInput } from '../../plan/run-input';
import { nowMs } from '../../orchestrator/run';

function nearest(a: number | undefined, b: number | undefined): number | undefined {
  return a === undefined ? b : b === undefined ? a : Math.min(a, b);
}

interface WorkflowBody {
  name: string;
  input: CompiledValue;
}

/** The workflow step kind; output the child run's output. */
export const workflow: StepKind<WorkflowBody> = {
  kind: 'workflow',
  io: true,
  compile: (step) => ({ name: step.workflow!, input: compileValue(step.input ?? null) }),
  *orchestrate(step, scope, run, path, attempt) {
    const called = run.input.workflows?.[step.body.name];
    if (!called) {
      throw new StepFailure({ name: 'ValidationError', message: `workflow \`${step.body.name}\` is not in this run's input`, retryable: false }, path);
    }
    const timeoutMs = stepTimeoutMs(step, scope, path);
    // Version 4: the child holds to this step's timeout and any deadline around it (orchestrator/deadline.ts).
    const deadline = run.input.interpreterVersion < 4 ? undefined : nearest(run.deadline, timeoutMs === undefined ? undefined : nowMs(run) + timeoutMs);
    const childInput: RunInput = {
      ...called,
      interpreterVersion: run.input.interpreterVersion,
      input: evaluateIn(step.body.input, scope, path),
      trigger: { kind: 'subWorkflow', source: run.ref.id },
      parent: { runId: run.ref.id, stepPath: path },
      workflows: run.input.workflows,
      ...(run.input.record === false ? { record: false } : {}),
      ...(deadline !== undefined ? { deadline } : {}),
      // Version 4: the caller's trace reaches the child (its own span hangs under this step: ids.ts).
      ...(run.input.trace && run.input.interpreterVersion >= 4 ? { trace: run.input.trace } : {}),
    };
    // One child instance per attempt: a failed instance id cannot be started again.
    const instanceId = `${run.ref.id}:${path}:${attempt}`;
    const task = yield* run.settle(run.df.callSubOrchestrator('sluice', childInput, instanceId), timeoutMs, path);
    if (!task.isFaulted) return task.result ?? null;
    const message = (task.result as Error | undefined)?.message;
    const child = childError(message);
    const error = child
      ? { name: child.error.name, message: `${child.error.message} (sub-workflow \`${step.body.name}\` step \`${child.step ?? '?'}\`)` }
      : { name: 'ActivityError', message: message ?? 'sub-workflow failed' };
    throw new StepFailure({ ...error, retryable: false }, path);
  },
};
