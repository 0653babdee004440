/**
 * The one generic orchestrator, `sluice`: it reads the run input (definition, hash, input, trigger),
 * takes the compiled plan from the per-process cache and interprets it. Pure and deterministic: no I/O,
 * time from `context.df.currentUtcDateTime`, ids from the run id and step paths.
 */
import type { DurableOrchestrationContext, OrchestrationContext, OrchestrationHandler } from 'durable-functions';
import { planFor } from '../plan/cache';
import { INTERPRETER_VERSION, type Plan, type PlanStep } from '../plan/model';
import type { RunInput } from '../plan/run-input';
import type { DefinitionTrust } from '../plan/trust';
import { kindNamed } from '../steps';
import { iterate, runItems, type ForEachBody } from '../steps/forEach/orchestrate';
import { settle } from './call';
import { sendDeadLetter } from './dead-letter';
import { checkInput } from '../definition/input-check';
import { durationMs } from '../plan/duration';
import { withDeadline } from './deadline';
import { evaluateIn } from './evaluate';
import { failureOf, runErrorMessage, StepFailure } from './failure';
import type { Flow } from './kind';
import { recordFinished, recordStarted } from './records';
import { nowMs, type Run, type StepRecord } from './run';
import { runScope, type Scope, type StepOutputs } from './scope';
import { resumeCall, runInOrder, runStep, runSteps, startSteps } from './sequence';
import { together } from './together';

/** The orchestration function name every workflow runs under. */
export const ORCHESTRATOR_NAME = 'sluice';

/** Default items per forEach chunk: part of interpreter version 1 (changing it changes actions). */
export const CHUNK_SIZE = 1000;

/** Process-level options; keep them identical across the app's instances (they shape actions). */
export interface OrchestratorOptions {
  /** Which definitions this app deployed: a run whose definition it does not vouch for fails before its first step. */
  trust: DefinitionTrust;
  chunkSize?: number;
}

/** Builds the `sluice` orchestrator function. */
export function orchestratorOf(options: OrchestratorOptions): OrchestrationHandler {
  const chunkSize = options.chunkSize ?? CHUNK_SIZE;
  const { trust } = options;
  // A plain function handing the SDK the run's own generator (rather than a generator delegating to
  // it): one level less on every resume of every replay. Everything that may throw runs inside it.
  return function sluice(context: OrchestrationContext): Flow<unknown> {
    return context.df.getInput<RunInput | undefined>()?.fragment ? runFragment(context.df, trust, chunkSize) : runWorkflow(context.df, trust, chunkSize);
  };
}

/** Registers `sluice` on the durable-functions module (`df.app.orchestration`); the app layer calls it. */
export function registerOrchestrator(
  df: { app: { orchestration(name: string, handler: OrchestrationHandler): void } },
  options: OrchestratorOptions,
): void {
  df.app.orchestration(ORCHESTRATOR_NAME, orchestratorOf(options));
}

// The run this orchestration interprets: its input checked against this app's interpreter, its
// definition against what this app deployed (throws before any step), its plan.
function startRun(df: DurableOrchestrationContext, trust: DefinitionTrust, chunkSize: number): Run {
  const input = df.getInput<RunInput>();
  if (input.interpreterVersion > INTERPRETER_VERSION) {
    throw new Error(`this run needs interpreter version ${input.interpreterVersion}; this app has ${INTERPRETER_VERSION}`);
  }
  // Version 5: references are an input format of version 5; an older input naming one was not made by this app.
  if (input.definitionRef && input.interpreterVersion < 5) throw new Error('a definition by reference needs interpreter version 5');
  return newRun(df, planFor(trust.check(input)), input, chunkSize);
}

function newRun(df: DurableOrchestrationContext, plan: Plan, input: RunInput, chunkSize: number): Run {
  const info = input.fragment?.run ?? { id: df.instanceId, workflow: plan.name, startedAt: df.currentUtcDateTime.toISOString() };
  const run: Run = {
    df,
    plan,
    input,
    ref: refOf(input, info.id, plan),
    info,
    chunkSize,
    ...(input.deadline !== undefined && input.interpreterVersion >= 4 ? { deadline: input.deadline } : {}),
    records: [],
    degraded: new Map(),
    started: 0,
    seqs: new Map(),
    steps: (list, scope, basePath) => runSteps(run, list, scope, basePath),
    startSteps: (list, scope, basePath) => startSteps(run, list, scope, basePath),
    step: (step, scope, basePath) => runStep(run, step, scope, basePath),
    together: (count, start, window) => together(df, count, start, resumeCall, window, input.interpreterVersion >= 4),
    settle: (task, timeoutMs, path) => settle(run, task, timeoutMs, path),
  };
  return run;
}

// Version 4: a run started under a caller's trace (`input.trace`) tells its activities, so their spans join it.
function refOf(input: RunInput, id: string, plan: Plan): Run['ref'] {
  if (input.interpreterVersion < 3) return { id, workflow: plan.name, definitionHash: plan.hash };
  const traceparent = input.interpreterVersion >= 4 ? input.trace?.traceparent : undefined;
  return traceparent ? { id, workflow: plan.name, traceparent } : { id, workflow: plan.name };
}

function* runWorkflow(df: DurableOrchestrationContext, trust: DefinitionTrust, chunkSize: number): Flow<unknown> {
  const run = startRun(df, trust, chunkSize);
  const { plan } = run;
  const record = run.input.record !== false;
  if (record) yield* recordStarted(run);
  const scope = runScope(run.input.input, run.info);
  const statuses = statusesOf(plan);
  let output: unknown = null;
  let failure: StepFailure | undefined;
  const progress = publishProgress(run, statuses);
  try {
    checkRunInput(run);
    const steps = runInOrder(run, plan.steps, scope, '', progress);
    const deadline = runDeadline(run, scope);
    output = yield* deadline === undefined ? steps : withDeadline(run, steps, deadline, '$run', `run \`${run.ref.id}\``);
    if (plan.output) output = evaluateIn(plan.output, scope, '$output');
    df.setCustomStatus(statuses[plan.steps.length]);
  } catch (thrown) {
    failure = failureOf(thrown, '$run');
  }
  if (!failure) {
    if (record) yield* recordFinished(run, { status: 'Completed', output });
    return output;
  }
  // Only a top-level run dead-letters: a sub-workflow's failure is its parent's step failure.
  const deadLetter = run.input.parent ? undefined : yield* sendDeadLetter(run, failure);
  if (record) {
    yield* recordFinished(run, { status: deadLetter ? 'DeadLettered' : 'Failed', error: failure.view, ...(deadLetter ? { deadLetter } : {}) });
  }
  throw new Error(runErrorMessage(failure));
}

// Version 4: a run's input is checked against its `input` schema by the run itself, whoever started it:
// a sub-workflow step's input (the parent evaluated it; the child's schema is the contract), or a start
// through the Durable API, which no starter checked. Once, when the code first runs (a replay would only
// find the same answer: the check is deterministic, and a failing one ends the run).
function checkRunInput(run: Run): void {
  const schema = run.plan.definition.input;
  if (!schema || run.input.interpreterVersion < 4 || run.df.isReplaying) return;
  const problems = checkInput(run.plan.hash, schema as object, run.input.input);
  if (problems.length === 0) return;
  const shown = problems.slice(0, 5).map((problem) => `${problem.path} ${problem.message}`).join('; ');
  throw new StepFailure({ name: 'ValidationError', message: `the input does not match the input schema of workflow \`${run.plan.name}\`: ${shown}`, retryable: false }, '$input');
}

// Version 4: the nearer of the workflow's own `timeout` (from the run's start) and the deadline its
// parent step gave it (a sub-workflow).
function runDeadline(run: Run, scope: Scope): number | undefined {
  if (run.input.interpreterVersion < 4) return undefined;
  let own: number | undefined;
  if (run.plan.timeout) {
    try {
      own = Date.parse(run.info.startedAt) + durationMs(run.plan.timeout, scope);
    } catch (error) {
      throw new StepFailure({ name: 'ExpressionError', message: `the workflow's timeout: ${(error as Error).message}`, retryable: false }, '$run');
    }
  }
  const given = run.input.deadline;
  return own === undefined ? given : given === undefined ? own : Math.min(own, given);
}

/**
 * The custom status of a run: before each top-level step, and (last) when every step is done; with the
 * wait and waitForEvent steps it is waiting in while there are any (run history shows them as `current`).
 * The custom status takes no part in replay: these fields change no action.
 */
export interface RunStatus {
  step: string | null;
  completed: number;
  total: number;
  /** Open waits, at most MAX_WAITS_SHOWN; `until` is when the wait wakes or gives up (ISO time). */
  waiting?: Array<{ path: string; kind: 'wait' | 'waitForEvent'; event?: string; until: string | null }>;
  /** Every open wait, when there are more than are listed. */
  waitingCount?: number;
}

/** Custom status is at most 16 KB in Azure: a fan-out of waits is listed in part. */
const MAX_WAITS_SHOWN = 20;

// Sets the custom status before each top-level step (`before` of runInOrder) and whenever a wait opens
// or closes. Without open waits the status is the cached per-plan object, as before.
function publishProgress(run: Run, statuses: readonly RunStatus[]): (index: number) => void {
  let index = 0;
  const waits = new Map<string, NonNullable<RunStatus['waiting']>[number]>();
  const publish = (): void => {
    // A wait whose flow a deadline dropped never closes itself: its give-up time has passed by then.
    const now = nowMs(run);
    for (const [path, wait] of waits) if (wait.until !== null && Date.parse(wait.until) < now) waits.delete(path);
    if (waits.size === 0) return run.df.setCustomStatus(statuses[index]);
    const waiting = [...waits.values()].slice(0, MAX_WAITS_SHOWN);
    run.df.setCustomStatus({ ...statuses[index], waiting, ...(waits.size > waiting.length ? { waitingCount: waits.size } : {}) });
  };
  run.waiting = (path, wait) => {
    if (!wait) waits.delete(path);
    else {
      const until = Math.min(wait.until ?? Infinity, run.deadline ?? Infinity);
      waits.set(path, { path, kind: wait.kind, ...(wait.event !== undefined ? { event: wait.event } : {}), until: Number.isFinite(until) ? new Date(until).toISOString() : null });
    }
    publish();
  };
  return (i) => {
    index = i;
    publish();
  };
}

// Made once per plan, not per step on every replay (the SDK serialises whichever is set last).
const statusCache = new WeakMap<Plan, readonly RunStatus[]>();
function statusesOf(plan: Plan): readonly RunStatus[] {
  let statuses = statusCache.get(plan);
  if (!statuses) {
    const total = plan.steps.length;
    statuses = [...plan.steps.map((step, completed) => ({ step: step.id, completed, total })), { step: null, completed: total, total }];
    statusCache.set(plan, statuses);
  }
  return statuses;
}

function* runFragment(df: DurableOrchestrationContext, trust: DefinitionTrust, chunkSize: number): Flow<unknown> {
  const run = startRun(df, trust, chunkSize);
  const fragment = run.input.fragment!;
  const step = run.plan.byPath.get(fragment.step);
  if (!step || (fragment.kind !== 'step' && step.kind !== 'forEach')) {
    throw new Error(runErrorMessage(failureOf(new Error(`no step for fragment \`${fragment.step}\``), fragment.path)));
  }
  const scope: Scope = { ...fragment.scope.vars, input: run.input.input, run: fragment.run, steps: { ...fragment.scope.steps } };
  const deadline = run.deadline;
  const held = <T>(flow: Flow<T>): Flow<T> => (deadline === undefined ? flow : withDeadline(run, flow, deadline, fragment.path, `step \`${fragment.path}\``));
  try {
    if (fragment.kind === 'step') {
      const output = yield* held(kindNamed(step.kind).orchestrate(step, scope, run, fragment.path, fragment.attempt ?? 1));
      return { outputs: [output], records: unnumbered(run.records), steps: newOutputs(fragment.scope.steps, scope.steps) };
    }
    const forEachStep = step as PlanStep<ForEachBody>;
    const outputs =
      fragment.kind === 'lane'
        ? yield* held(iterate(run, forEachStep, scope, fragment.path, fragment.items, fragment.offset, fragment.stride, 1))
        : yield* held(runItems(run, forEachStep, scope, fragment.path, fragment.items, fragment.offset));
    return { outputs, records: unnumbered(run.records) };
  } catch (thrown) {
    throw new Error(runErrorMessage(failureOf(thrown, fragment.path)));
  }
}

// A fragment's numbers mean nothing to its parent, which numbers the records as they arrive (chunks.ts
// `renumbered`); leaving them out also keeps a fragment's output what it was before numbers existed.
function unnumbered(records: StepRecord[]): StepRecord[] {
  return records.map(({ seq: _seq, ...record }) => record);
}

// Only what the fragment wrote goes back to the parent (it already has the rest).
function newOutputs(before: StepOutputs, after: StepOutputs): StepOutputs {
  const written: StepOutputs = {};
  for (const [id, entry] of Object.entries(after)) if (before[id] !== entry) written[id] = entry;
  return written;
}
