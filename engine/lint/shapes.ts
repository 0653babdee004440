/**
 * The shapes of values expressions read, as far as Sluice knows them: the workflow's `input` schema,
 * what each step returns (`http`: `{ status, headers, body }`; `ai`: its `output` schema; `set`: its
 * literal), a forEach variable (an item of its list); a sub-workflow's literal `output` mapping is checked
 * across files (cross-file.ts). A closed object knows its members, so `steps.first.output.bdy` is found before run time.
 * Anything else is unknown, and an unknown shape is never an error.
 */
import { isTemplate } from '../expressions';
import type { Step, WorkflowDefinition } from '../definition/workflow.generated';

/** What is known of a value. */
export type Shape =
  | { kind: 'unknown' }
  /** `open`: a schema that lists `properties` but does not forbid others (JSON Schema allows them by default). */
  | { kind: 'object'; members: ReadonlyMap<string, Shape>; open?: boolean }
  | { kind: 'list'; items: Shape }
  | { kind: 'scalar' };

export const UNKNOWN: Shape = { kind: 'unknown' };
const SCALAR: Shape = { kind: 'scalar' };

/** An `http` step's output. */
const HTTP_OUTPUT: Shape = { kind: 'object', members: new Map<string, Shape>([['status', SCALAR], ['headers', UNKNOWN], ['body', UNKNOWN]]) };

/** The shape a JSON Schema promises: an object is closed when it lists `properties` and allows no others. */
export function shapeOfSchema(schema: unknown, depth = 0): Shape {
  if (!schema || typeof schema !== 'object' || depth > 16) return UNKNOWN;
  const s = schema as Record<string, unknown>;
  if (s.$ref !== undefined || s.anyOf !== undefined || s.oneOf !== undefined || s.allOf !== undefined || s.if !== undefined) return UNKNOWN;
  const type = s.type;
  if (type === 'object' || (type === undefined && s.properties !== undefined)) {
    const unbounded = s.properties === undefined || s.additionalProperties === true || typeof s.additionalProperties === 'object' || s.patternProperties !== undefined;
    if (unbounded) return UNKNOWN;
    const members = new Map<string, Shape>();
    for (const [name, member] of Object.entries(s.properties as Record<string, unknown>)) members.set(name, shapeOfSchema(member, depth + 1));
    // Without `additionalProperties: false` other members are allowed: a name it does not list is likely a
    // typo, but not certainly one (the rule warns instead of erring).
    return s.additionalProperties === false ? { kind: 'object', members } : { kind: 'object', members, open: true };
  }
  if (type === 'array') return { kind: 'list', items: shapeOfSchema(s.items, depth + 1) };
  if (type === 'string' || type === 'number' || type === 'integer' || type === 'boolean') return SCALAR;
  return UNKNOWN;
}

/** The shape of a literal (`set`): expressions inside it are unknown. */
export function shapeOfLiteral(value: unknown, depth = 0): Shape {
  if (depth > 16) return UNKNOWN;
  if (typeof value === 'string') return isTemplate(value) ? UNKNOWN : SCALAR;
  if (value === null || typeof value !== 'object') return SCALAR;
  if (Array.isArray(value)) return value.length === 0 ? { kind: 'list', items: UNKNOWN } : { kind: 'list', items: value.map((item) => shapeOfLiteral(item, depth + 1)).reduce(unite) };
  const members = new Map<string, Shape>();
  for (const [name, member] of Object.entries(value)) members.set(name, shapeOfLiteral(member, depth + 1));
  return { kind: 'object', members };
}

/** Two shapes a list's items may have: what both are, else unknown. */
function unite(a: Shape, b: Shape): Shape {
  if (a.kind !== b.kind || a.kind === 'unknown') return UNKNOWN;
  if (a.kind === 'scalar') return a;
  if (a.kind === 'list') return { kind: 'list', items: unite(a.items, (b as typeof a).items) };
  const other = (b as typeof a).members;
  const members = new Map<string, Shape>();
  for (const [name, shape] of a.members) members.set(name, other.has(name) ? unite(shape, other.get(name)!) : UNKNOWN);
  for (const name of other.keys()) if (!members.has(name)) members.set(name, UNKNOWN);
  return { kind: 'object', members };
}

/** What a step returns as `output`, as far as its kind says. */
export function shapeOfStepOutput(step: Step, placeholders: WeakSet<object>): Shape {
  if (placeholders.has(step)) return UNKNOWN;
  if (step.http !== undefined) return HTTP_OUTPUT;
  // A fail-open ai step may return its fallback, which lint checks against the same schema.
  if (step.ai !== undefined) return shapeOfSchema((step.ai as { output?: unknown }).output);
  if (step.set !== undefined) return shapeOfLiteral(step.set);
  return UNKNOWN;
}

/** The workflow input's shape. */
export function shapeOfInput(definition: WorkflowDefinition): Shape {
  return shapeOfSchema((definition as { input?: unknown }).input);
}

/**
 * Follows `path` into `shape`; the first member a closed object does not have, with what it has, or
 * undefined when the path is fine or leaves what is known.
 */
export function missingMember(shape: Shape, path: readonly string[]): { at: number; known: string[]; open: boolean } | undefined {
  let current = shape;
  for (let at = 0; at < path.length; at++) {
    if (current.kind === 'unknown' || current.kind === 'scalar') return undefined;
    if (current.kind === 'list') {
      // `items[0]`, `items.length`: any index is an item; `length` is the list's.
      if (path[at] === 'length') return undefined;
      if (!/^\d+$/.test(path[at])) return undefined;
      current = current.items;
      continue;
    }
    const next = current.members.get(path[at]);
    if (!next) return { at, known: [...current.members.keys()], open: current.open === true };
    current = next;
  }
  return undefined;
}

/** The shape at `path` inside `shape`: unknown as soon as the path leaves what is known. */
export function shapeAt(shape: Shape, path: readonly string[]): Shape {
  let current = shape;
  for (const segment of path) {
    if (current.kind === 'list' && /^\d+$/.test(segment)) current = current.items;
    else if (current.kind === 'object') current = current.members.get(segment) ?? UNKNOWN;
    else return UNKNOWN;
  }
  return current;
}

/** What a forEach's variable holds: an item of its `items` list, when that list's shape is known. */
export function shapeOfLoopItem(items: unknown, lookup: (root: string, path: readonly string[]) => Shape): Shape {
  const list = Array.isArray(items) ? shapeOfLiteral(items) : typeof items === 'string' ? readShape(items, lookup) : UNKNOWN;
  return list.kind === 'list' ? list.items : UNKNOWN;
}

const SINGLE_READ = /^\$\{\{\s*([A-Za-z_$][\w$]*)((?:\.[A-Za-z_$][\w$]*|\[\d+\])*)\s*\}\}$/;

/** The shape of `${{ root.a.b }}` (one plain read, nothing else), else unknown. */
function readShape(text: string, lookup: (root: string, path: readonly string[]) => Shape): Shape {
  const read = SINGLE_READ.exec(text.trim());
  if (!read) return UNKNOWN;
  const path = read[2].split(/\.|\[|\]/).filter(Boolean);
  return lookup(read[1], path);
}
