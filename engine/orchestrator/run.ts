/**
 * Everything one orchestration episode needs while it interprets a plan. Built fresh for every replay
 * (a replay re-runs the generator from the start); the plan itself comes from the per-process cache.
 */
import type { DurableOrchestrationContext, Task } from 'durable-functions';
import type { StepRunRef } from '../activities/contract';
import type { Plan, PlanStep } from '../plan/model';
import type { RunInput } from '../plan/run-input';
import type { Flow } from './kind';
import type { Scope } from './scope';
import type { StepCall } from './step-call';

/** What the orchestrator remembers about a step for the run record (`sluice.run.finished`). */
export interface StepRecord {
  path: string;
  kind: string;
  status: 'Completed' | 'Failed' | 'Skipped' | 'Degraded';
  attempts: number;
  degraded?: string;
  /** The output a degraded step went on with (its fallback), so the record shows what the run used. */
  output?: unknown;
  error?: { name: string; message: string };
  /** Set on a Failed step a `catch` clause handled. */
  caught?: true;
  /** Execution order: the step's number in the order steps started (Run.seq); unset inside forEach items. */
  seq?: number;
  /** Orchestration time in ms; turned into text only when the run's record is sent. */
  startedAt: number;
  endedAt: number;
}

/** The interpreter's services and state for one orchestration. */
export interface Run {
  df: DurableOrchestrationContext;
  plan: Plan;
  input: RunInput;
  /** The run as activities see it (a forEach chunk carries its run's id, not its own instance id). */
  ref: StepRunRef;
  /** `run` in expressions. */
  info: { id: string; workflow: string; startedAt: string };
  /** Items per child orchestration when a forEach is chunked. */
  chunkSize: number;
  records: StepRecord[];
  /**
   * Gemini tokens this orchestration's ai steps used so far, summed from their activity results in history
   * (deterministic); version 4 stops calling ai steps at the workflow's `ai.maxTokensPerRun`.
   */
  aiTokens?: number;
  /** Degraded marks set by activities or fail-open, by run path. */
  degraded: Map<string, string>;
  /** How many steps have started, in execution order (deterministic: replays start them in the same order). */
  started: number;
  /** The start number of each step whose record is kept (outside forEach items), by run path. */
  seqs: Map<string, number>;
  /**
   * Tells the run's custom status that a wait or waitForEvent step started (`wait`) or ended (undefined).
   * Only a top-level run publishes them: a fragment's custom status is its child instance's, not the run's.
   */
  waiting?(path: string, wait?: { kind: 'wait' | 'waitForEvent'; event?: string; until?: number }): void;
  /**
   * The nearest deadline (ms since the epoch) of the code running now: a run's or a step's `timeout`
   * (deadline.ts). Children started under it carry it in their input.
   */
  deadline?: number;
  /** Runs a sequence of steps; returns the last output (null when empty or skipped). */
  steps(list: readonly PlanStep[], scope: Scope, basePath: string): Flow<unknown>;
  /** Starts a sequence of steps for `together`: a one-step bare activity call as a StepCall, else its flow. */
  startSteps(list: readonly PlanStep[], scope: Scope, basePath: string): Flow<unknown> | StepCall;
  /** Runs one step with its `if`, retries, fail-open and catch; returns its output. */
  step(step: PlanStep, scope: Scope, basePath: string): Flow<unknown>;
  /** Runs `count` flows concurrently, at most `window` in flight; returns their outputs in order. */
  together(count: number, start: (index: number) => Flow<unknown> | StepCall, window?: number): Flow<unknown[]>;
  /** Awaits a task, racing it with a timer when `timeoutMs` is set; returns the settled task. */
  settle(task: Task, timeoutMs: number | undefined, path: string): Flow<Task>;
}

/** The current orchestration time in milliseconds since the epoch (never the host clock). */
export function nowMs(run: Run): number {
  return run.df.currentUtcDateTime.getTime();
}
