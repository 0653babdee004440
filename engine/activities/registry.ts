/**
 * Custom activities: TypeScript functions the app author registers by name, for the rare logic
 * that must be code. An `activity` step calls one through the `sluice.activity` Durable activity.
 * The registry is per process; the app registers everything at start-up (see `activities/index.ts`).
 */
import type { StepRunRef } from './contract';

/** What a custom activity knows about the step that calls it. */
export interface ActivityContext {
  run: StepRunRef;
  /** The step's path in the run: with `run.id`, a stable idempotency key for the activity's effects. */
  stepPath: string;
  /** 1-based attempt number. */
  attempt: number;
  /** Aborted at the step's deadline: pass it to I/O so abandoned work stops. */
  signal: AbortSignal;
}

/**
 * A custom activity: takes the step's `input`, returns its output (JSON). Throw to fail the step;
 * an error with `retryable: false` is not retried.
 */
export type CustomActivity = (input: any, context: ActivityContext) => unknown | Promise<unknown>;

const activities = new Map<string, CustomActivity>();

const NAME = /^[A-Za-z_][A-Za-z0-9_.-]{0,127}$/;

/** Registers one custom activity; registering another function under a taken name throws. */
export function registerActivity(name: string, activity: CustomActivity): void {
  if (!NAME.test(name)) throw new Error(`activity name "${name}" must match ${NAME.source}`);
  if (typeof activity !== 'function') throw new Error(`activity "${name}" must be a function`);
  const existing = activities.get(name);
  if (existing !== undefined && existing !== activity) {
    throw new Error(`an activity named "${name}" is already registered: activity names must be unique`);
  }
  activities.set(name, activity);
}

/** Registers several custom activities at once, keyed by name; returns the same object. */
export function defineActivities<T extends Record<string, CustomActivity>>(definitions: T): T {
  for (const [name, activity] of Object.entries(definitions)) registerActivity(name, activity);
  return definitions;
}

/** The names of every registered custom activity, sorted (the linter checks `activity:` steps against them). */
export function activityNames(): string[] {
  return [...activities.keys()].sort();
}

/** The custom activity registered under `name`, if any. */
export function findActivity(name: string): CustomActivity | undefined {
  return activities.get(name);
}

/** Removes a registration; for tests that register throwaway activities. */
export function unregisterActivity(name: string): void {
  activities.delete(name);
}
