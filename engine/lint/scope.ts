/**
 * Where expressions are and what they can see. Walks the steps in execution order and yields every
 * string that holds `${{ }}`, with the step ids that have certainly finished by then, the loop variables
 * bound there, whether `error` is bound, and whether an activity resolves `secrets.*` in that place.
 */
import { isTemplate } from '../expressions';
import { nestedLists, type Slot } from '../definition/walk';
import type { Step, WorkflowDefinition } from '../definition/workflow.generated';

/** What an expression can see at its place. */
export interface ExpressionScope {
  /** Step ids whose output exists when the expression is evaluated. */
  visible: ReadonlySet<string>;
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
  const base: ExpressionScope = { visible: new Set(), loops: [], inCatch: false, ancestors: [], slots: [] };
  const finished = visitList(definition.steps ?? [], ['steps'], base, sites);
  if (definition.output !== undefined) {
    collectStrings(definition.output, ['output'], { ...base, visible: finished }, false, sites);
  }
  return sites;
}

/** Visits a sequence; returns what is visible after it (the scope's visible set plus what the sequence finished). */
function visitList(steps: Array<{ step: Step; path: Array<string | number> }> | Step[], path: Array<string | number>, scope: ExpressionScope, sites: ExpressionSite[]): Set<string> {
  const visible = new Set(scope.visible);
  steps.forEach((entry, index) => {
    const { step, path: stepPath } = 'path' in entry && 'step' in entry ? entry : { step: entry as Step, path: [...path, index] };
    for (const id of visitStep(step, stepPath, { ...scope, visible: new Set(visible) }, sites)) visible.add(id);
  });
  return visible;
}

/** Visits one step; returns the ids whose outputs exist once it has finished (itself and non-loop descendants). */
function visitStep(step: Step, path: Array<string | number>, scope: ExpressionScope, sites: ExpressionSite[]): string[] {
  if (!step || typeof step !== 'object') return [];
  const own: ExpressionScope = { ...scope, ancestors: [...scope.ancestors, step.id] };
  for (const [key, value] of Object.entries(step)) {
    if (NOT_EXPRESSIONS.has(key) || key === 'forEach' || key === 'switch') continue;
    const secretsAllowed = SECRET_KINDS.has(key) || (key === 'input' && step.activity !== undefined);
    if (key === 'ai') {
      for (const [aiKey, aiValue] of Object.entries(value as object)) if (aiKey !== 'output') collectStrings(aiValue, [...path, 'ai', aiKey], own, true, sites);
    } else {
      collectStrings(value, [...path, key], own, secretsAllowed, sites);
    }
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
    const after = visitList(nested.steps, [], inner, sites);
    // Outputs of a loop body exist once per iteration: outside the loop only `steps.<forEach>.output` is visible.
    if (nested.slot.kind !== 'forEach') for (const id of after) if (!scope.visible.has(id)) finished.push(id);
  }
  return finished;
}

function collectStrings(value: unknown, path: Array<string | number>, scope: ExpressionScope, secretsAllowed: boolean, sites: ExpressionSite[]): void {
  if (typeof value === 'string') {
    if (isTemplate(value)) sites.push({ path, text: value, scope, secretsAllowed });
  } else if (Array.isArray(value)) {
    value.forEach((item, index) => collectStrings(item, [...path, index], scope, secretsAllowed, sites));
  } else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) collectStrings(item, [...path, key], scope, secretsAllowed, sites);
  }
}
