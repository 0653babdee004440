/**
 * Steps in order, and one step's life: `if`, attempts with retry timers, fail-open, `catch`, its
 * output in `steps.<id>.output`, and its record for the run history.
 */
import { evaluateValue, truthy } from '../expressions';
import type { PlanStep } from '../plan/model';
import { kindNamed } from '../steps';
import { failureOf, StepFailure } from './failure';
import type { Task } from 'durable-functions';
import type { Flow, StepKind } from './kind';
import { retryDelayMs } from './retry';
import { nowMs, type Run, type StepRecord } from './run';
import { catchScope, setOutput, type Scope } from './scope';
import { ReportedFailure, scheduleStepActivity, stepActivityOutcome, stepTimeoutMs } from './call';
import { runTimedStep } from './timed';
import { deadlineIn, withDeadline } from './deadline';
import { Continuation, StepCall } from './step-call';

// Kinds whose `timeout` needs a child orchestration; I/O kinds race their own task (call.ts), and
// wait/waitForEvent/set/fail have nothing to interrupt or their own timeout.
const COMPOSITE = new Set(['steps', 'parallel', 'forEach', 'switch']);
// Version 4: kinds whose `timeout` is a deadline in the run itself (deadline.ts); waitForEvent is among
// them (version 3 ignored a step `timeout` on it; lint refuses it next to `waitForEvent.timeout`).
const HELD = new Set([...COMPOSITE, 'waitForEvent']);
// Kinds whose records are kept inside forEach items too (no activity records them), and kinds whose
// output the record carries (activities record their own outputs; composites' outputs are their steps').
const WAITS = new Set(['wait', 'waitForEvent']);
const OUTPUT_RECORDED = new Set(['set', 'workflow', 'waitForEvent']);

/** Runs steps in order; returns the last step's output (null for none). */
export function runSteps(run: Run, list: readonly PlanStep[], scope: Scope, basePath: string): Flow<unknown> {
  // A one-step list (most forEach bodies) is that step's own flow: one generator less per iteration.
  return list.length === 1 ? runStep(run, list[0], scope, basePath) : runInOrder(run, list, scope, basePath);
}

/** Starts steps in order: a one-step list of a bare activity call as a StepCall (no generator), else their flow. */
export function startSteps(run: Run, list: readonly PlanStep[], scope: Scope, basePath: string): StepCall | Flow<unknown> {
  return list.length === 1 ? startStep(run, list[0], scope, basePath) : runInOrder(run, list, scope, basePath);
}

/**
 * Runs steps one after the other; returns the last output. `before(i)` runs before step i (the run's
 * top level sets its custom status there). A StepCall is awaited here, not in a generator of its own:
 * one generator for the whole sequence, however long.
 */
export function* runInOrder(run: Run, list: readonly PlanStep[], scope: Scope, basePath: string, before?: (index: number) => void): Flow<unknown> {
  let output: unknown = null;
  const reused = basePath === '' ? reusedOutputs(run) : undefined;
  for (let i = 0; i < list.length; i++) {
    before?.(i);
    if (reused && Object.hasOwn(reused, list[i].id)) {
      output = reuse(run, list[i], scope, reused[list[i].id]);
      continue;
    }
    const started = startStep(run, list[i], scope, basePath);
    if (!(started instanceof StepCall)) {
      output = yield* started;
      continue;
    }
    // awaitCall's body, inline: one generator for the whole sequence instead of one per step.
    try {
      yield started.task;
    } catch {
      // Read through task.isFaulted.
    }
    const after = resumeCall(started);
    output = after instanceof Continuation ? yield* after.flow : after;
  }
  return output;
}

/** Version 4: the outputs a redrive from a step carries for the run's top-level steps (plan/run-input.ts RunResume). */
function reusedOutputs(run: Run): Record<string, unknown> | undefined {
  const resume = run.input.resume;
  return resume && run.input.interpreterVersion >= 4 && !run.input.fragment ? resume.outputs : undefined;
}

// A step a redrive does not run again: its recorded output is its output; the record keeps it, so a
// redrive of this run can reuse it in turn.
function reuse(run: Run, step: PlanStep, scope: Scope, output: unknown): unknown {
  setOutput(scope, step, output);
  const now = nowMs(run);
  run.records.push({ path: step.id, kind: step.kind, status: 'Skipped', attempts: 0, output: output ?? null, startedAt: now, endedAt: now });
  return output;
}

/** Runs one step; returns its output or throws a StepFailure after retries, fail-open and catch. */
export function runStep(run: Run, step: PlanStep, scope: Scope, basePath: string): Flow<unknown> {
  return flowOf(startStep(run, step, scope, basePath));
}

// A started step as a flow: a StepCall awaited in a generator of its own, any other step as it is.
function flowOf(started: StepCall | Flow<unknown>): Flow<unknown> {
  return started instanceof StepCall ? awaitCall(started) : started;
}

/**
 * Starts one step. A bare activity call (the common I/O step, no `if`, no timeout) has its first attempt
 * scheduled now and comes back as a StepCall, to be resumed by `resumeCall` once its task settled: no
 * generator for the step unless it fails (retries and failure handling live in generators made only
 * then). Any other step comes back as its flow. The same Durable calls in the same order either way.
 */
export function startStep(run: Run, step: PlanStep, scope: Scope, basePath: string): StepCall | Flow<unknown> {
  const path = basePath ? `${basePath}.${step.id}` : step.id;
  // Kept as a number: most records inside iterations are dropped, so text is made only when kept.
  const startedAt = nowMs(run);
  const seq = run.started++;
  if (scope.index === undefined || WAITS.has(step.kind)) run.seqs.set(path, seq);
  return step.when === undefined ? begin(run, step, scope, path, startedAt) : conditionally(run, step, scope, path, startedAt);
}

/** A StepCall's step after its task settled: the step's output, or a Continuation with its retries and failure handling. */
export function resumeCall(call: StepCall): unknown {
  const { run, step, scope, path, startedAt, task } = call;
  const outcome = stepActivityOutcome(run, task, path, step.kind);
  if (isFailure(outcome)) return new Continuation(retryAfter(run, step, scope, path, startedAt, outcome, 1));
  return finish(run, step, scope, path, outcome, 1, startedAt);
}

// The step once its `if` (if any) held: a bare activity call's first attempt, else every attempt in a flow.
function begin(run: Run, step: PlanStep, scope: Scope, path: string, startedAt: number): StepCall | Flow<unknown> {
  const kind = kindNamed(step.kind);
  if (!kind.activityConfig || step.timeout) return attempts(run, step, scope, path, startedAt, 1);
  const task = callOf(run, step, scope, path, 1, kind.activityConfig);
  if (task instanceof StepFailure) return retryAfter(run, step, scope, path, startedAt, task, 1);
  return new StepCall(run, step, scope, path, startedAt, task);
}

function* conditionally(run: Run, step: PlanStep, scope: Scope, path: string, startedAt: number): Flow<unknown> {
  if (!isTrue(step.when!, scope, path)) return skip(run, step, scope, path, startedAt);
  return yield* flowOf(begin(run, step, scope, path, startedAt));
}

function* awaitCall(call: StepCall): Flow<unknown> {
  try {
    yield call.task;
  } catch {
    // Read through task.isFaulted.
  }
  const after = resumeCall(call);
  return after instanceof Continuation ? yield* after.flow : after;
}

/** A failure as a value: thrown and caught (StepFailure), or reported by an activity. */
type Failure = StepFailure | ReportedFailure;

function isFailure(outcome: unknown): outcome is Failure {
  return outcome instanceof ReportedFailure || outcome instanceof StepFailure;
}

// A bare activity step's call, or the failure of building it (an expression error in its config).
function callOf(run: Run, step: PlanStep, scope: Scope, path: string, attempt: number, config: NonNullable<StepKind['activityConfig']>): Task | StepFailure {
  try {
    return scheduleStepActivity(run, step.kind, path, attempt, config(step, scope, run, path));
  } catch (thrown) {
    return failureOf(thrown, path);
  }
}

// Attempts from `first` on, with retry timers between them; then fail-open and catch.
function* attempts(run: Run, step: PlanStep, scope: Scope, path: string, startedAt: number, first: number): Flow<unknown> {
  for (let attempt = first; ; attempt++) {
    const outcome = yield* attemptOutcome(run, step, scope, path, attempt);
    if (!isFailure(outcome)) return finish(run, step, scope, path, outcome, attempt, startedAt);
    const delay = retryDelayMs(step.retry, outcome.error, attempt, `${run.ref.id}|${path}`);
    if (delay === undefined) return yield* afterRetries(run, step, scope, path, stepFailureOf(outcome, path), attempt, startedAt);
    yield run.df.createTimer(new Date(nowMs(run) + delay));
  }
}

// After a failed first attempt: the retry timer and the next attempts, or (retries spent) afterRetries.
function* retryAfter(run: Run, step: PlanStep, scope: Scope, path: string, startedAt: number, failure: Failure, attempt: number): Flow<unknown> {
  const delay = retryDelayMs(step.retry, failure.error, attempt, `${run.ref.id}|${path}`);
  if (delay === undefined) return yield* afterRetries(run, step, scope, path, stepFailureOf(failure, path), attempt, startedAt);
  yield run.df.createTimer(new Date(nowMs(run) + delay));
  return yield* attempts(run, step, scope, path, startedAt, attempt + 1);
}

// One attempt of a step: its output, or its failure as a value. A bare activity call is made here as
// startStep makes the first (its kind's orchestrate makes the same call, but reports failures by throwing);
// other steps run through their kind (or, composites with a timeout, raced as a fragment).
function* attemptOutcome(run: Run, step: PlanStep, scope: Scope, path: string, attempt: number): Flow<unknown> {
  const kind = kindNamed(step.kind);
  if (kind.activityConfig && !step.timeout) {
    const task = callOf(run, step, scope, path, attempt, kind.activityConfig);
    if (task instanceof StepFailure) return task;
    try {
      yield task;
    } catch {
      // Read through task.isFaulted.
    }
    return stepActivityOutcome(run, task, path, step.kind);
  }
  try {
    if (step.timeout && HELD.has(step.kind) && run.input.interpreterVersion >= 4) {
      const deadline = deadlineIn(run, stepTimeoutMs(step, scope, path)!);
      return yield* withDeadline(run, kind.orchestrate(step, scope, run, path, attempt), deadline, path, `step \`${path}\``);
    }
    if (step.timeout && COMPOSITE.has(step.kind) && run.input.interpreterVersion >= 2) {
      return yield* runTimedStep(run, step, scope, path, attempt, stepTimeoutMs(step, scope, path)!);
    }
    return yield* kind.orchestrate(step, scope, run, path, attempt);
  } catch (thrown) {
    return failureOf(thrown, path);
  }
}

function stepFailureOf(failure: Failure, path: string): StepFailure {
  return failure instanceof StepFailure ? failure : new StepFailure(failure.error, path);
}

function skip(run: Run, step: PlanStep, scope: Scope, path: string, startedAt: number): null {
  setOutput(scope, step, null);
  record(run, scope, startedAt, path, step.kind, 'Skipped', 0);
  return null;
}

// The step failed for good: fail-open (recover), else a matching catch clause, else the failure.
function* afterRetries(run: Run, step: PlanStep, scope: Scope, path: string, failure: StepFailure, attempt: number, startedAt: number): Flow<unknown> {
  if (failure.step === path) failure.attempts = attempt;
  let recovered = kindNamed(step.kind).recover?.(step, scope, run, failure.error);
  // The recovery itself failed (a fallback that breaks the step's output schema): that is the failure now.
  if (recovered && 'error' in recovered) {
    failure = new StepFailure(recovered.error, path);
    failure.attempts = attempt;
    recovered = undefined;
  }
  if (recovered) {
    if (recovered.degraded) run.degraded.set(path, recovered.degraded);
    return finish(run, step, scope, path, recovered.output, attempt, startedAt);
  }
  const clause = step.catch?.findIndex((c) => !c.errors || c.errors.includes(failure.error.name)) ?? -1;
  record(run, scope, startedAt, path, step.kind, 'Failed', attempt, undefined, failure.view, undefined, clause >= 0);
  if (clause < 0) throw failure;
  const output = yield* runSteps(run, step.catch![clause].steps, catchScope(scope, failure.view), `${path}.catch[${clause}]`);
  setOutput(scope, step, output);
  return output;
}

function finish(run: Run, step: PlanStep, scope: Scope, path: string, output: unknown, attempts: number, startedAt: number): unknown {
  setOutput(scope, step, output);
  const degraded = run.degraded.size === 0 ? undefined : run.degraded.get(path);
  const kept = degraded !== undefined || OUTPUT_RECORDED.has(step.kind) ? output : undefined;
  record(run, scope, startedAt, path, step.kind, degraded === undefined ? 'Completed' : 'Degraded', attempts, degraded, undefined, kept);
  return output;
}

// Inside forEach iterations only failures, degraded steps and waits are kept: a 10,000-item fan-out must
// not turn into a 10,000-entry `sluice.run.finished` input (activities record their own attempts anyway;
// a wait has nothing else to record it, and each already costs its run history a timer or an event).
// (`index` is bound only in iteration scopes.)
// (Positional arguments and one object literal: this runs once per step on every replay.)
function record(
  run: Run,
  scope: Scope,
  startedAt: number,
  path: string,
  kind: string,
  status: StepRecord['status'],
  attempts: number,
  degraded?: string,
  error?: StepRecord['error'],
  output?: unknown,
  caught?: boolean,
): void {
  if (scope.index !== undefined && status !== 'Failed' && status !== 'Degraded' && !WAITS.has(kind)) return;
  const entry: StepRecord = { path, kind, status, attempts, startedAt, endedAt: nowMs(run) };
  const seq = run.seqs.get(path);
  if (seq !== undefined) entry.seq = seq;
  if (caught) entry.caught = true;
  if (degraded !== undefined) entry.degraded = degraded;
  if (error !== undefined) entry.error = error;
  if (output !== undefined) entry.output = output;
  run.records.push(entry);
}

function isTrue(condition: NonNullable<PlanStep['when']>, scope: Scope, path: string): boolean {
  try {
    return truthy(evaluateValue(condition, scope));
  } catch (error) {
    throw new StepFailure({ name: 'ExpressionError', message: (error as Error).message, retryable: false }, path);
  }
}
