/**
 * A bare activity step's first attempt, started without a generator of its own (sequence.ts `startStep`):
 * its scheduled call and what finishing the step needs. `together` keeps one of these per waiting fiber
 * instead of a suspended generator, whose frame keeps a slot for every local and temporary of its
 * function: a 1,000-item fan-out holds 1,000 of them while it waits, and every replay makes them anew.
 */
import type { Task } from 'durable-functions';
import type { PlanStep } from '../plan/model';
import type { Flow } from './kind';
import type { Run } from './run';
import type { Scope } from './scope';

/** One scheduled first attempt of a bare activity step; resumed by `resumeCall` once its task settled. */
export class StepCall {
  constructor(
    readonly run: Run,
    readonly step: PlanStep,
    readonly scope: Scope,
    readonly path: string,
    /** Orchestration time the step started, in ms. */
    readonly startedAt: number,
    readonly task: Task,
  ) {}
}

/** What resuming a StepCall gives when the step is not done yet: the flow of its retries and failure handling. */
export class Continuation {
  constructor(readonly flow: Flow<unknown>) {}
}
