/**
 * The scope expressions see: `input`, `steps.<id>.output`, `run`, and inside a forEach the item variable
 * and `index`, inside a catch `error`. Step outputs are written into `steps` as steps finish; nested
 * groups, branches and parallel children share their parent's `steps`, a forEach iteration sees its
 * parent's outputs as they were when it started and keeps its own (its inner ids are visible only inside
 * the iteration).
 *
 * An iteration's own outputs map is made on its first write (copy on write): until then it reads its
 * parent's map, which nothing else writes while the forEach runs, except the siblings of a `parallel`
 * branch; a forEach in such a map copies it for each iteration up front. A 1,000-item fan-out of one
 * activity step thus makes no map per item: the write of an iteration's last step is dropped (nothing
 * reads the map after it).
 */

/** Step outputs by id. */
export type StepOutputs = Record<string, { output: unknown }>;

/** What expressions are evaluated against. */
export type Scope = { steps: StepOutputs } & Record<string, unknown>;

// Set on an iteration scope while its `steps` is its parent's map: the iteration's last step (or true).
// A symbol: expressions read string keys only, and JSON drops it.
const LENT = Symbol('lent');
type LentScope = Scope & { [LENT]?: object | true };

// Output maps that concurrent parallel branches write into.
const concurrent = new WeakSet<StepOutputs>();

/** The scope of a run's top level. */
export function runScope(input: unknown, run: { id: string; workflow: string; startedAt: string }, steps: StepOutputs = {}): Scope {
  return { input, steps, run };
}

/**
 * Makes the scopes of one forEach's iterations in `parent`: item variable `as`, `index`. `last` is the
 * last step of the iteration body. Decided once per forEach: whether the parent's map can be lent, and
 * for the common case (the item in a run's top-level scope) one object shape for every iteration.
 */
export function iterationScopes(parent: Scope, as: string, last: object | undefined): (item: unknown, index: number) => Scope {
  const lend = !concurrent.has(parent.steps);
  const mark = last ?? true;
  if (as === 'item' && Object.keys(parent).length === 3) {
    const { input, steps, run } = parent;
    if (!lend) return (item, index) => ({ input, steps: Object.assign({}, steps), run, item, index });
    // The mark in the literal: set afterwards, it would cost every scope a property array of its own.
    return (item, index): LentScope => ({ input, steps, run, item, index, [LENT]: mark });
  }
  return (item, index) => {
    const scope = Object.assign({}, parent) as LentScope;
    scope.steps = lend ? parent.steps : Object.assign({}, parent.steps);
    scope[as] = item;
    scope.index = index;
    scope[LENT] = lend ? mark : undefined;
    return scope;
  };
}

/** Sets `steps.<id>.output` in `scope` (making the iteration's own map on its first write). */
export function setOutput(scope: Scope, step: { id: string }, output: unknown): void {
  const lent = (scope as LentScope)[LENT];
  if (lent === step) return;
  (lent ? ownSteps(scope) : scope.steps)[step.id] = { output };
}

/** The outputs map of `scope` to write into: the iteration's own, made now if it is still lent. */
export function ownSteps(scope: Scope): StepOutputs {
  const lentScope = scope as LentScope;
  if (lentScope[LENT]) {
    scope.steps = Object.assign({}, scope.steps);
    lentScope[LENT] = undefined;
  }
  return scope.steps;
}

/** Marks the outputs map of `scope` as written by concurrent branches (it is the scope's own from now on). */
export function writtenConcurrently(scope: Scope): void {
  concurrent.add(ownSteps(scope));
}

/** The scope of a catch branch: same outputs map (later steps see what the branch produced). */
export function catchScope(parent: Scope, error: { name: string; message: string; step: string }): Scope {
  ownSteps(parent);
  return { ...parent, error };
}
