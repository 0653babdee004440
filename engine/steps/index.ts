/**
 * The one explicit list of step kinds. Adding a kind: a folder `engine/steps/<kind>/` with its
 * `orchestrate.ts` (and `activity.ts` when it does I/O), and one line here.
 */
import type { Step } from '../definition/workflow.generated';
import type { StepKind } from '../orchestrator/kind';
import { activity } from './activity/orchestrate';
import { ai } from './ai/orchestrate';
import { cosmos } from './cosmos/orchestrate';
import { fail } from './fail/orchestrate';
import { forEach } from './forEach/orchestrate';
import { http } from './http/orchestrate';
import { parallel } from './parallel/orchestrate';
import { queue } from './queue/orchestrate';
import { set } from './set/orchestrate';
import { steps } from './steps/orchestrate';
import { switchKind } from './switch/orchestrate';
import { wait } from './wait/orchestrate';
import { waitForEvent } from './waitForEvent/orchestrate';
import { workflow } from './workflow/orchestrate';

/** Every step kind, by the key that names it in a step. */
export const stepKinds: readonly StepKind<any>[] = [
  ai,
  http,
  queue,
  cosmos,
  activity,
  workflow,
  parallel,
  forEach,
  switchKind,
  steps,
  wait,
  waitForEvent,
  set,
  fail,
];

const byName = new Map(stepKinds.map((kind) => [kind.kind, kind]));

/** The kind of a definition step: the first kind key it has (the schema allows exactly one). */
export function stepKindOf(step: Step): StepKind<any> | undefined {
  for (const kind of stepKinds) if ((step as unknown as Record<string, unknown>)[kind.kind] !== undefined) return kind;
  return undefined;
}

/** The kind module for a plan step's `kind`. */
export function kindNamed(name: string): StepKind<any> {
  const kind = byName.get(name);
  if (!kind) throw new Error(`unknown step kind \`${name}\``);
  return kind;
}
