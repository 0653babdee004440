/**
 * Waiting on whichever of several tasks settles first, when some of them were yielded before.
 *
 * `Task.any` over tasks that were already yielded repeats their actions, and the Durable extension would
 * schedule them again (durable-protocol §5). So the compound built here carries only the actions of the
 * tasks that are new (exactly what `Task.any(fresh)` would send: no action changes), and the
 * already-scheduled tasks join it as children afterwards, so their completions resume it too. With no
 * new task at all the compound is marked scheduled and sends nothing. This is what lets one orchestration
 * keep a true sliding window (together.ts) and race any wait with a deadline (deadline.ts).
 *
 * Tasks already settled must not be passed (the SDK would never resume on them: callers handle them at
 * once), nor event waits that were yielded before (the SDK would track the wait twice and a later event
 * of the same name could be consumed by the stale entry).
 */
import type { DurableOrchestrationContext, Task } from 'durable-functions';

/** The SDK fields read and written here (durable-functions 3.x: DFTask, CompoundTask, TaskBase). */
interface TaskInternals {
  alreadyScheduled?: boolean;
  children?: TaskInternals[];
  parent?: TaskInternals;
  actionObj?: { actionType?: number };
  isCompleted?: boolean;
  isFaulted?: boolean;
}

const WAIT_FOR_EXTERNAL_EVENT = 6;

/** Whether a task was yielded before (its action already sent). */
export function scheduled(task: Task): boolean {
  return (task as unknown as TaskInternals).alreadyScheduled === true;
}

/** Whether a task has its result. */
export function settled(task: Task): boolean {
  return task.isCompleted || task.isFaulted;
}

/** Whether a task is, or contains, a wait for an external event. */
export function waitsForEvent(task: Task): boolean {
  const internals = task as unknown as TaskInternals;
  if (internals.children) return internals.children.some((child) => waitsForEvent(child as unknown as Task));
  return internals.actionObj?.actionType === WAIT_FOR_EXTERNAL_EVENT;
}

/** Whether `task` may join a race (unsettled, and not an already-tracked event wait). */
export function raceable(task: Task): boolean {
  return !settled(task) && !(scheduled(task) && waitsForEvent(task));
}

/** A task that settles when the first of `tasks` (each unsettled, at least one) settles; see the file comment. */
export function firstOf(df: DurableOrchestrationContext, tasks: readonly Task[]): Task {
  if (tasks.length === 1) return tasks[0]!;
  const fresh = tasks.filter((task) => !scheduled(task));
  const race = df.Task.any(fresh.length > 0 ? fresh : [...tasks]) as unknown as TaskInternals;
  if (fresh.length === 0) {
    race.alreadyScheduled = true;
  } else if (fresh.length < tasks.length) {
    for (const task of tasks) {
      if (!scheduled(task)) continue;
      const internals = task as unknown as TaskInternals;
      race.children!.push(internals);
      internals.parent = race;
    }
  }
  return race as unknown as Task;
}
