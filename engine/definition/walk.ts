/**
 * The step tree of a definition, flattened: every step with its path, its kind and the chain of
 * containers it sits in. Lint rules, the graph and reference checks all read this one walk.
 */
import type { Step, WorkflowDefinition } from './workflow.generated';

/** The step kinds, in the schema's order. */
export const stepKinds = ['ai', 'http', 'queue', 'cosmos', 'activity', 'workflow', 'parallel', 'forEach', 'switch', 'steps', 'wait', 'waitForEvent', 'set', 'fail'] as const;

/** One of the step kinds. */
export type StepKind = (typeof stepKinds)[number];

/**
 * Where a step sits inside its container step: `parallel` child n, `forEach` body, `case` n of a switch,
 * its `default`, a `group` (`steps:`), or `catch` clause n.
 */
export interface Slot {
  container: string;
  kind: 'parallel' | 'forEach' | 'case' | 'default' | 'group' | 'catch';
  /** Parallel child index, case index or catch clause index; 0 otherwise. */
  index: number;
}

/** A step with its place in the tree. */
export interface StepSite {
  step: Step;
  id: string;
  kind: StepKind | undefined;
  /** Path of the step's mapping in the definition value. */
  path: Array<string | number>;
  /** Containers from the outermost down to this step's own container. */
  slots: Slot[];
  /** Pre-order position: a lower number was defined earlier in the file. */
  order: number;
}

/** The kind of a step (the first kind key it has). */
export function kindOf(step: Step): StepKind | undefined {
  for (const kind of stepKinds) if (step[kind] !== undefined) return kind;
  return undefined;
}

/** A nested step list of a step, with the slot its steps sit in and each step's path. */
export interface NestedList {
  slot: Slot;
  steps: Array<{ step: Step; path: Array<string | number> }>;
}

/** The step lists nested directly in a step; each parallel child is a list of its own. */
export function nestedLists(step: Step, path: Array<string | number>): NestedList[] {
  const lists: NestedList[] = [];
  const container = step.id;
  // Most steps nest nothing: nothing is allocated for a list that is not there.
  const list = (kind: Slot['kind'], index: number, steps: unknown, ...at: Array<string | number>) => {
    if (!Array.isArray(steps)) return;
    const base = [...path, ...at];
    lists.push({ slot: { container, kind, index }, steps: steps.map((child: Step, position) => ({ step: child, path: [...base, position] })) });
  };
  if (Array.isArray(step.parallel)) {
    step.parallel.forEach((child, index) => lists.push({ slot: { container, kind: 'parallel', index }, steps: [{ step: child, path: [...path, 'parallel', index] }] }));
  }
  if (step.steps !== undefined) list('group', 0, step.steps, 'steps');
  if (step.forEach) list('forEach', 0, step.forEach.steps, 'forEach', 'steps');
  if (step.switch) {
    (step.switch.cases ?? []).forEach((item, index) => list('case', index, item?.steps, 'switch', 'cases', index, 'steps'));
    if (step.switch.default !== undefined) list('default', 0, step.switch.default, 'switch', 'default');
  }
  (step.catch ?? []).forEach((clause, index) => list('catch', index, clause?.steps, 'catch', index, 'steps'));
  return lists;
}

/** Every step of a definition in pre-order (parents before children, in file order). */
export function collectSteps(definition: WorkflowDefinition): StepSite[] {
  const sites: StepSite[] = [];
  const visit = (step: Step, path: Array<string | number>, slots: Slot[]) => {
    if (!step || typeof step !== 'object') return;
    sites.push({ step, id: String(step.id), kind: kindOf(step), path, slots, order: sites.length });
    for (const nested of nestedLists(step, path)) {
      for (const child of nested.steps) visit(child.step, child.path, [...slots, nested.slot]);
    }
  };
  const top = Array.isArray(definition.steps) ? definition.steps : [];
  top.forEach((step, index) => visit(step, ['steps', index], []));
  return sites;
}
