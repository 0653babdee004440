/**
 * The compiled plan: what the orchestrator interprets. Immutable (deep-frozen) and shared by every
 * replay of every run with the same definition hash in this process.
 */
import type { CompiledValue } from '../expressions';
import type { WorkflowDefinition } from '../definition/workflow.generated';
import type { DurationPlan } from './duration';

/**
 * The interpreter's behaviour version, recorded in every run's input at start. Bump it for any change
 * in how a plan is interpreted (ids, order of tasks, defaults) and keep the old path for runs that
 * started under the old number: replays must produce the actions they produced before.
 *   1: first version.
 *   2: a bounded forEach over more items than its bound runs in lanes (child orchestrations) instead
 *      of a window of fibers in the run itself (steps/forEach/orchestrate.ts); a `timeout` on a group,
 *      parallel, forEach or switch is enforced (orchestrator/timed.ts; version 1 ignored it).
 *   3: definitions travel as JSON text (plan/run-input.ts `carry`); forEach and timed-step fragments
 *      carry only the parts of the run input and of earlier step outputs their steps read
 *      (orchestrator/fragment-scope.ts), not all of them; step activity inputs no longer carry the
 *      definition hash (`StepRunRef.definitionHash`).
 *   4: a window of fibers is a true sliding window: a wait covers every unfinished task, so a free slot
 *      is refilled as soon as any task settles (orchestrator/race.ts, together.ts); a bounded forEach
 *      over more items than its bound runs batches of items as children in such a window, instead of
 *      fixed round-robin lanes (orchestrator/chunks.ts); a `timeout` on a composite, wait or waitForEvent
 *      step, and the workflow's own `timeout`, are deadlines in the run itself that drop the timed flow
 *      (orchestrator/deadline.ts), and the children it started carry the deadline (`RunInput.deadline`).
 *   5: a definition may travel by reference (`definitionRef`: the hash of its text and the app's signature)
 *      instead of as text, when the app keeps every definition it deployed (plan/shelf.ts); sub-workflow
 *      closures and fragments carry the references they came with. Interpretation is version 4's: only an
 *      app of version 5 or later can resolve such an input, which is why it is a version.
 */
export const INTERPRETER_VERSION = 5;

/** Retry policy with defaults resolved and durations in milliseconds. */
export interface RetryPlan {
  maxAttempts: number;
  intervalMs: number;
  backoff: number;
  maxIntervalMs?: number;
  jitter: boolean;
  /** Error names retried; undefined: the errors the activity marked retryable. */
  on?: readonly string[];
}

/** One `catch` clause. */
export interface CatchPlan {
  /** Error names handled; undefined: any error. */
  errors?: readonly string[];
  steps: readonly PlanStep[];
}

/** One compiled step; `body` is the kind's own compiled form (see `engine/steps/<kind>/orchestrate.ts`). */
export interface PlanStep<Body = unknown> {
  id: string;
  kind: string;
  /** Static path: the ids from the top, joined by dots (`perLine.check`); run paths add `[index]`. */
  path: string;
  name?: string;
  /** The `if` condition; undefined: always runs. */
  when?: CompiledValue;
  retry?: RetryPlan;
  timeout?: DurationPlan;
  catch?: readonly CatchPlan[];
  body: Body;
}

/** A compiled workflow. */
export interface Plan {
  name: string;
  hash: string;
  interpreterVersion: number;
  version?: number | string;
  steps: readonly PlanStep[];
  /** The workflow `output`; undefined: the last step's output. */
  output?: CompiledValue;
  deadLetter?: { queue: string; connection?: string };
  /** The workflow's own `timeout` (version 4): the whole run's deadline, from its start. */
  timeout?: DurationPlan;
  /** `defaults.failOpen` (default true). */
  failOpen: boolean;
  /** Every step by static path (fragments of a chunked forEach find their step here). */
  byPath: ReadonlyMap<string, PlanStep>;
  /** Names of the workflows its `workflow` steps call. */
  calls: readonly string[];
  definition: WorkflowDefinition;
}
