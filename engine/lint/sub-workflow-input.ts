/**
 * A `workflow:` step's literal `input` against the child's `input` schema, before run time (the run
 * would fail with `ValidationError` when the child starts). Only what is literal is judged: a value that
 * is or holds `${{ }}` is known only at run time, so an error about it, or about anything holding it, is
 * dropped, except the few keywords that read only the mapping's or list's own structure (`required`,
 * `additionalProperties`, counts), which no expression inside can change.
 */
import type { ErrorObject } from 'ajv';
import { isTemplate } from '../expressions';
import { satisfiesWithoutAsking } from '../definition/user-schema-check';
import { compileUserSchema } from '../definition/user-schemas';

type Path = Array<string | number>;

/** One problem of a literal input: where in the input (a path below `input`) and what is wrong. */
export interface InputMismatch {
  at: Path;
  message: string;
  /** Point at the key (a property that is not allowed) rather than the value. */
  key?: boolean;
}

/** Keywords that judge only a container's own keys or length, not the values inside it. */
const STRUCTURAL = new Set(['required', 'additionalProperties', 'minProperties', 'maxProperties', 'minItems', 'maxItems', 'dependentRequired']);

/** The problems of `input` (a step's literal, possibly holding expressions) against the child's schema. */
export function literalInputMismatches(schema: unknown, input: unknown): InputMismatch[] {
  if (schema === undefined || (typeof input === 'string' && isTemplate(input))) return [];
  if (!holdsTemplate(input) && satisfiesWithoutAsking(schema, input)) return [];
  const compiled = compileUserSchema(schema);
  // A child schema that does not compile is the child's own error (invalid-json-schema).
  if (!compiled.ok || compiled.validate(input)) return [];
  const found: InputMismatch[] = [];
  const seen = new Set<string>();
  for (const error of compiled.validate.errors ?? []) {
    const at = pathOf(error.instancePath);
    const value = valueAt(input, at);
    if (STRUCTURAL.has(error.keyword) ? typeof value === 'string' && isTemplate(value) : holdsTemplate(value)) continue;
    // Combinators report their branches' errors too: a branch may fail where the whole succeeds.
    if (error.schemaPath.includes('/anyOf/') || error.schemaPath.includes('/oneOf/')) continue;
    const mismatch = describe(error, at);
    const key = `${mismatch.at.join('/')}:${mismatch.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    found.push(mismatch);
  }
  return found;
}

function describe(error: ErrorObject, at: Path): InputMismatch {
  const params = error.params as Record<string, unknown>;
  const shown = at.length ? `\`${dotted(at)}\`` : 'the input';
  if (error.keyword === 'required') return { at, key: true, message: `${shown} is missing \`${String(params.missingProperty)}\`, which the child's schema requires` };
  if (error.keyword === 'additionalProperties') {
    return { at: [...at, String(params.additionalProperty)], key: true, message: `\`${dotted([...at, String(params.additionalProperty)])}\` is not allowed by the child's schema (\`additionalProperties: false\`)` };
  }
  if (error.keyword === 'enum') return { at, message: `${shown} ${error.message}: ${JSON.stringify(params.allowedValues)}` };
  return { at, message: `${shown} ${error.message ?? `breaks \`${error.keyword}\``}` };
}

/** `lines[0].sku`, as an expression would read it. */
function dotted(path: Path): string {
  return path.map((segment, index) => (typeof segment === 'number' ? `[${segment}]` : index === 0 ? segment : `.${segment}`)).join('');
}

/** Whether a value is or holds a `${{ }}` string. */
function holdsTemplate(value: unknown): boolean {
  if (typeof value === 'string') return isTemplate(value);
  if (Array.isArray(value)) return value.some(holdsTemplate);
  if (value !== null && typeof value === 'object') return Object.values(value).some(holdsTemplate);
  return false;
}

function pathOf(pointer: string): Path {
  if (pointer === '') return [];
  return pointer.slice(1).split('/').map((segment) => {
    const name = segment.replace(/~1/g, '/').replace(/~0/g, '~');
    return /^\d+$/.test(name) ? Number(name) : name;
  });
}

function valueAt(value: unknown, path: Path): unknown {
  let current = value;
  for (const segment of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string | number, unknown>)[segment];
  }
  return current;
}
