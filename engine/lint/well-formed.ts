/**
 * The well-formed part of a definition the schema rejects, so that the semantic rules still run on it
 * and one pass reports every mistake (actionlint reports each error once, not in rounds). What the
 * schema rejects is cut out as narrowly as keeps the rest valid: an unknown key is dropped; any other
 * error inside a step replaces that step (the innermost one) by a placeholder that keeps its id, so
 * references to it and duplicate ids are still checked; an error in an optional top-level section drops
 * the section. Paths stay those of the file, so findings on the rest point at the right text. When no
 * such cut makes the definition valid (a missing `name` or `steps`), the rules do not run.
 */
import { validateAgainstSchema } from '../definition/schema';
import { parsePointer } from '../definition/schema-words';
import type { WorkflowDefinition } from '../definition/workflow.generated';

/** A definition the rules can trust, and the placeholder steps standing in for rejected ones. */
export interface WellFormedPart {
  definition: WorkflowDefinition;
  /** Steps whose real content the schema rejected: their kind and output are unknown. */
  placeholders: WeakSet<object>;
}

/** Top-level keys without which there is no workflow to check. */
const REQUIRED_TOP_LEVEL = new Set(['name', 'steps']);
/** Keys whose value is a list of steps (a `parallel` list's entries are steps too). */
const STEP_LISTS = new Set(['steps', 'parallel', 'default']);
/** Enough rounds for the cuts of a file with many unrelated mistakes; each round fixes every error found. */
const ROUNDS = 6;

/** The well-formed part of `value`, or undefined when none can be made valid. */
export function wellFormedPart(value: unknown): WellFormedPart | undefined {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
  const root = structuredClone(value) as Record<string, unknown>;
  const placeholders = new WeakSet<object>();
  for (let round = 0; round < ROUNDS; round++) {
    const errors = validateAgainstSchema(root);
    if (errors.length === 0) return { definition: root as unknown as WorkflowDefinition, placeholders };
    for (const error of errors) {
      const at = parsePointer(error.instancePath);
      if (error.keyword === 'additionalProperties') {
        const parent = valueAt(root, at);
        if (parent && typeof parent === 'object') delete (parent as Record<string, unknown>)[String((error.params as { additionalProperty: string }).additionalProperty)];
        continue;
      }
      const step = innermostStep(at);
      if (step) {
        const list = valueAt(root, step.slice(0, -1));
        const index = step[step.length - 1] as number;
        if (!Array.isArray(list)) return undefined;
        const original = list[index] as { id?: unknown } | null;
        // Several errors of one step: it was replaced at the first (a placeholder that fails stops the rounds).
        if (original && placeholders.has(original)) continue;
        const id = typeof original?.id === 'string' && original.id.length > 0 ? original.id : `invalid-step-${step.join('-')}`;
        // A `set: null` step: a kind that does nothing and that no rule checks.
        const placeholder = { id, set: null };
        placeholders.add(placeholder);
        list[index] = placeholder;
        continue;
      }
      const section = at[0];
      if (section === undefined || REQUIRED_TOP_LEVEL.has(String(section))) return undefined;
      delete root[String(section)];
    }
  }
  return undefined;
}

/** The path of the innermost step holding `at` (a numbered entry of a step list), if any. */
function innermostStep(at: ReadonlyArray<string | number>): Array<string | number> | undefined {
  for (let end = at.length - 1; end > 0; end--) {
    if (typeof at[end] === 'number' && STEP_LISTS.has(String(at[end - 1]))) {
      // `input.properties.steps[0]` is not a step: a step list sits at the top or under a step or clause.
      if (end - 1 === 0 || isStepContainerPath(at.slice(0, end - 1))) return at.slice(0, end + 1);
    }
  }
  return undefined;
}

/** Whether a path ends inside a step or a clause of one (`…/steps/2`, `…/forEach`, `…/cases/0`, `…/catch/1`). */
function isStepContainerPath(path: ReadonlyArray<string | number>): boolean {
  const last = path[path.length - 1];
  const before = path[path.length - 2];
  if (typeof last === 'number') return before === 'steps' || before === 'parallel' || before === 'cases' || before === 'catch' || before === 'default';
  return last === 'forEach' || last === 'switch';
}

function valueAt(root: unknown, path: ReadonlyArray<string | number>): unknown {
  let node = root;
  for (const segment of path) node = node !== null && typeof node === 'object' ? (node as Record<string, unknown>)[segment] : undefined;
  return node;
}
