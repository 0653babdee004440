/**
 * The scope expressions see: `input`, `steps.<id>.output`, `run`, and inside a forEach the item variable
 * and `index`, inside a catch `error`. Step outputs are written into `steps` as steps finish; nested
 * groups, branches and parallel children share their parent's `steps`, a forEach iteration gets its
 * own copy (its inner ids are visible only inside the iteration).
 */

/** Step outputs by id. */
export type StepOutputs = Record<string, { output: unknown }>;

/** What expressions are evaluated against. */
export type Scope = { steps: StepOutputs } & Record<string, unknown>;

/** The scope of a run's top level. */
export function runScope(input: unknown, run: { id: string; workflow: string; startedAt: string }, steps: StepOutputs = {}): Scope {
  return { input, steps, run };
}

/**
 * The scope of one forEach iteration. Copies the parent's outputs map (shallow: outputs are shared,
 * never cloned) so the cost per iteration is the number of step ids, not the size of their outputs.
 */
export function iterationScope(parent: Scope, as: string, item: unknown, index: number): Scope {
  // Object.assign measured faster than spread with a computed key on 1,000-item fan-outs.
  const scope = Object.assign({}, parent) as Scope;
  scope.steps = Object.assign({}, parent.steps);
  scope[as] = item;
  scope.index = index;
  return scope;
}

/** The scope of a catch branch: same outputs map (later steps see what the branch produced). */
export function catchScope(parent: Scope, error: { name: string; message: string; step: string }): Scope {
  return { ...parent, error };
}
