/**
 * What a step kind module provides (one per folder in `engine/steps/<kind>/orchestrate.ts`, listed once
 * in `engine/steps/index.ts`): how its body compiles and how it runs inside the generic orchestrator.
 */
import type { Task } from 'durable-functions';
import type { Step } from '../definition/workflow.generated';
import type { PlanStep } from '../plan/model';
import type { StepError } from '../activities/contract';
import type { Run } from './run';
import type { ActivityCall } from './secret-sites';
import type { Scope } from './scope';

/** A piece of orchestrator code: yields Durable tasks, returns a value. */
export type Flow<T = unknown> = Generator<Task, T, any>;

/** Compiles nested parts of a step; given to each kind's `compile`. */
export interface StepCompiler {
  /** Compiles a nested list of steps under `parentPath`. */
  steps(list: readonly Step[], parentPath: string): PlanStep[];
  /** Static path of this step. */
  path: string;
}

/** How a step kind compiles and runs. */
export interface StepKind<Body = unknown> {
  kind: string;
  /** I/O kinds run one activity or sub-orchestration: defaults.retry and defaults.timeout apply to them. */
  io: boolean;
  compile(step: Step, compiler: StepCompiler): Body;
  /** Runs one attempt of the step at run path `path`; returns its output or throws a `StepFailure`. */
  orchestrate(step: PlanStep<Body>, scope: Scope, run: Run, path: string, attempt: number): Flow;
  /**
   * Set by the kinds whose attempt is exactly one call of their step activity (`sluice.<kind>`): the
   * call's config, expressions evaluated, with its secret sites. For a step without a timeout the sequence then makes the call
   * itself instead of delegating to `orchestrate`: one generator less per step on every replay.
   * `orchestrate` must make the same call (`callStepActivity` with this config).
   */
  activityConfig?(step: PlanStep<Body>, scope: Scope, run: Run, path: string): ActivityCall;
  /** After retries are spent: an output that replaces the failure (ai fail-open), or undefined. */
  recover?(step: PlanStep<Body>, scope: Scope, run: Run, error: StepError): { output: unknown; degraded?: string } | { error: StepError } | undefined;
  /** Nested step lists (for the path index and the import of plans). */
  children?(body: Body): ReadonlyArray<readonly PlanStep[]>;
}
