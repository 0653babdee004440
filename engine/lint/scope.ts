/**
 * Where expressions are and what they can see. Walks the steps in execution order and yields every
 * string that holds `${{ }}`, with the step ids that have certainly finished by then, the loop variables
 * bound there, whether `error` is bound, and whether an activity resolves `secrets.*` in that place.
 */
import { isTemplate } from '../expressions';
import { nestedLists, type Slot } from '../definition/walk';
import type { Step, WorkflowDefinition } from '../definition/workflow.generated';

/**
 * Step ids whose outputs exist at a place. Scopes along a sequence share what came before them: each is
 * the list of ids finished before it, newest first, ending in the enclosing scope's list (no copying).
 */
export interface Visible {
  has(id: string): boolean;
}

/** One id on top of an earlier list. */
class Finished implements Visible {
  constructor(
    readonly id: string,
    readonly earlier: Visible,
  ) {}

  has(id: string): boolean {
    let at: Visible = this;
    while (at instanceof Finished) {
      if (at.id === id) return true;
      at = at.earlier;
    }
    return at.has(id);
  }
}

const NOTHING: Visible = { has: () => false };

/** What an expression can see at its place. */
export interface ExpressionScope {
  /** Step ids whose output exists when the expression is evaluated. */
  visible: Visible;
  /** Loop variables bound here, innermost last: `as` name and the forEach step's id. */
  loops: ReadonlyArray<{ name: string; step: string }>;
  /** Inside a `catch` (`error` is bound). */
  inCatch: boolean;
  /** The step that owns the expression and the steps around it, outermost first. */
  ancestors: readonly string[];
  /** The containers the owning step sits in. */
  slots: readonly Slot[];
}

/** One string holding expressions. */
export interface ExpressionSite {
  path: Array<string | number>;
  text: string;
  scope: ExpressionScope;
  /** Whether `secrets.NAME` is resolved here (inside an activity's configuration). */
  secretsAllowed: boolean;
}

const SECRET_KINDS = new Set(['ai', 'http', 'queue', 'cosmos']);
/** Step fields holding nested steps or schemas, not expressions; walked separately or not at all. */
const NOT_EXPRESSIONS = new Set(['id', 'name', 'parallel', 'steps', 'catch', 'activity', 'workflow']);

/** Every expression-bearing string of a definition, in execution order. */
export function expressionSites(definition: WorkflowDefinition): ExpressionSite[] {
  const sites: ExpressionSite[] = [];
  const base: ExpressionScope = { visible: NOTHING, loops: [], inCatch: false, ancestors: [], slots: [] };
  const top = (definition.steps ?? []).map((step, index) => ({ step, path: ['steps', index] }));
  const finished = visitList(top, base, sites);
  if (definition.output !== undefined) collectStrings(definition.output, ['output'], { ...base, visible: finished }, false, sites);
  return sites;
}

/** Visits a sequence; returns what is visible after it (the scope's visible ids plus what the sequence finished). */
function visitList(steps: ReadonlyArray<{ step: Step; path: Array<string | number> }>, scope: ExpressionScope, sites: ExpressionSite[]): Visible {
  let visible = scope.visible;
  for (const { step, path } of steps) {
    for (const id of visitStep(step, path, visible === scope.visible ? scope : { ...scope, visible }, sites)) visible = new Finished(id, visible);
  }
  return visible;
}

/** Visits one step; returns the ids whose outputs exist once it has finished (itself and non-loop descendants). */
function visitStep(step: Step, path: Array<string | number>, scope: ExpressionScope, sites: ExpressionSite[]): string[] {
  if (!step || typeof step !== 'object') return [];
  const own: ExpressionScope = { ...scope, ancestors: [...scope.ancestors, step.id] };
  // `path` is grown and shrunk in place below; collectStrings copies it only for a string with an expression.
  for (const key of Object.keys(step)) {
    if (NOT_EXPRESSIONS.has(key) || key === 'forEach' || key === 'switch') continue;
    const value = (step as unknown as Record<string, unknown>)[key];
    path.push(key);
    if (key === 'ai') {
      for (const aiKey of Object.keys(value as object)) {
        if (aiKey === 'output') continue;
        path.push(aiKey);
        collectStrings((value as Record<string, unknown>)[aiKey], path, own, true, sites);
        path.pop();
      }
    } else {
      collectStrings(value, path, own, SECRET_KINDS.has(key) || (key === 'input' && step.activity !== undefined), sites);
    }
    path.pop();
  }
  if (step.forEach) for (const key of ['items', 'concurrency'] as const) collectStrings(step.forEach[key], [...path, 'forEach', key], own, false, sites);
  (step.switch?.cases ?? []).forEach((item, index) => collectStrings(item?.when, [...path, 'switch', 'cases', index, 'when'], own, false, sites));
  const finished: string[] = [step.id];
  for (const nested of nestedLists(step, path)) {
    const inner: ExpressionScope = {
      ...own,
      slots: [...own.slots, nested.slot],
      loops: nested.slot.kind === 'forEach' ? [...own.loops, { name: step.forEach?.as ?? 'item', step: step.id }] : own.loops,
      inCatch: own.inCatch || nested.slot.kind === 'catch',
    };
    const after = visitList(nested.steps, inner, sites);
    // Outputs of a loop body exist once per iteration: outside the loop only `steps.<forEach>.output` is visible.
    if (nested.slot.kind !== 'forEach') finished.push(...addedSince(after, own.visible));
  }
  return finished;
}

/** The ids a sequence added on top of `before`, in the order they finished. */
function addedSince(after: Visible, before: Visible): string[] {
  const added: string[] = [];
  for (let at = after; at !== before && at instanceof Finished; at = at.earlier) if (!before.has(at.id)) added.push(at.id);
  return added.reverse();
}

/**
 * Pushes every string holding `${{ }}` under `value`. The path is one array grown and shrunk on the way
 * down and copied only for a string that holds an expression.
 */
function collectStrings(value: unknown, path: Array<string | number>, scope: ExpressionScope, secretsAllowed: boolean, sites: ExpressionSite[]): void {
  if (typeof value === 'string') {
    if (isTemplate(value)) sites.push({ path: path.slice(), text: value, scope, secretsAllowed });
  } else if (Array.isArray(value)) {
    for (let index = 0; index < value.length; index++) {
      path.push(index);
      collectStrings(value[index], path, scope, secretsAllowed, sites);
      path.pop();
    }
  } else if (value !== null && typeof value === 'object') {
    for (const key of Object.keys(value)) {
      path.push(key);
      collectStrings((value as Record<string, unknown>)[key], path, scope, secretsAllowed, sites);
      path.pop();
    }
  }
}
