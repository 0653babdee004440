/**
 * What a fragment (a forEach lane or chunk, a timed step) needs of its run: only the top-level input
 * fields and earlier step outputs that its steps' expressions read. A 10,000-item forEach over
 * `input.lines` must not hand all 10,000 lines to each of its hundreds of children, nor every earlier
 * step's output. Any reference the analysis cannot pin down (`input` as a whole, a computed key) keeps
 * everything, so trimming never changes what an expression sees.
 */
import { templateReferences, type CompiledValue } from '../expressions';
import type { PlanStep } from '../plan/model';

/** The run-scope parts a plan step reads: `all` when it reads the whole of it. */
export interface ScopeNeeds {
  input: Set<string> | 'all';
  steps: Set<string> | 'all';
}

const needsOf = new WeakMap<object, ScopeNeeds>();

/**
 * What a fragment of `step` reads of `input` and `steps`, computed once per plan step: a forEach lane or
 * chunk runs the body (its `items` were evaluated by the parent), a timed-step fragment the whole step.
 */
export function scopeNeeds(step: PlanStep, kind: 'chunk' | 'lane' | 'step'): ScopeNeeds {
  const root: object = kind === 'step' ? step : ((step.body as { steps?: readonly PlanStep[] }).steps ?? step);
  let needs = needsOf.get(root);
  if (!needs) {
    needs = { input: new Set(), steps: new Set() };
    collect(root, needs, new Set());
    needsOf.set(root, needs);
  }
  return needs;
}

/** The subset of `value` (an object) named by `needs`. */
export function pick<T>(value: T, needs: Set<string> | 'all'): T {
  if (needs === 'all' || !value || typeof value !== 'object' || Array.isArray(value)) return value;
  const picked: Record<string, unknown> = {};
  for (const key of needs) if (Object.prototype.hasOwnProperty.call(value, key)) picked[key] = (value as Record<string, unknown>)[key];
  return picked as T;
}

function collect(node: unknown, needs: ScopeNeeds, seen: Set<unknown>): void {
  if (!node || typeof node !== 'object' || seen.has(node)) return;
  seen.add(node);
  if (isTemplateValue(node)) {
    for (const reference of templateReferences(node.template)) note(reference.root, reference.path, needs);
    return;
  }
  if (node instanceof Map) {
    for (const value of node.values()) collect(value, needs, seen);
    return;
  }
  for (const value of Object.values(node)) collect(value, needs, seen);
}

function note(root: string, path: string[], needs: ScopeNeeds): void {
  if (root !== 'input' && root !== 'steps') return;
  const current = needs[root];
  if (current === 'all') return;
  if (path.length === 0) needs[root] = 'all';
  else current.add(path[0]);
}

function isTemplateValue(node: object): node is Extract<CompiledValue, { kind: 'template' }> {
  return (node as { kind?: unknown }).kind === 'template' && 'template' in node;
}
