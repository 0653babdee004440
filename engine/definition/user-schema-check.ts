/**
 * Whether a user's JSON Schema (`input`, `ai.output`) compiles, and whether a value (an AI step's
 * `fallback`) satisfies it, answered without compiling it when it can be: most are plain (types, properties, required, items, enums, bounds, patterns, formats,
 * combinators), and for those a walk decides in microseconds what ajv's strict compile would take about
 * a millisecond to decide. The walk only ever says "it compiles"; anything it does not know completely
 * (`$ref`, `$defs`, `if`, `unevaluated*`, an unknown format, a value of an unexpected shape…) goes to the
 * real compile, which owns every error message. test/definition/user-schema-check.test.ts holds the
 * contract (whatever the walk accepts, ajv accepts) on fixtures and generated schemas and values.
 */
import { compileUserSchema } from './user-schemas';

/** Whether the schema compiles, and if not, why (from ajv). */
export function checkUserSchema(schema: unknown): { ok: true } | { ok: false; problem: string } {
  if (compilesWithoutAsking(schema)) return { ok: true };
  const compiled = compileUserSchema(schema);
  return compiled.ok ? { ok: true } : compiled;
}

/**
 * Whether `data` satisfies a plain schema, when a walk can be sure it does: true only then; false means
 * "ask ajv" (which also words the error). Keywords that need more than a walk (`pattern`, `format`,
 * `multipleOf`, `uniqueItems`, combinators) and non-finite numbers are always left to ajv.
 */
export function satisfiesWithoutAsking(schema: unknown, data: unknown): boolean {
  return compilesWithoutAsking(schema) && satisfies(schema, data, 0);
}

/** Whether the walk alone knows the schema compiles (false: ask ajv, not "it does not compile"). */
export function compilesWithoutAsking(schema: unknown): boolean {
  return isPlainSchema(schema, 0);
}

const TYPES = new Set(['null', 'boolean', 'object', 'array', 'number', 'string', 'integer']);
let formats: Set<string> | undefined;

/** The formats ajv-formats adds (the compiler in user-schemas.ts loads them all); any other is left to ajv. */
function knownFormat(name: string): boolean {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  formats ??= new Set(Object.keys((require('ajv-formats/dist/formats') as typeof import('ajv-formats/dist/formats')).fullFormats));
  return formats.has(name);
}
/** Deeper than this the walk stops vouching (ajv has no such limit; it is just where the walk gives up). */
const MAX_DEPTH = 32;

type Check = (value: unknown, depth: number) => boolean;

const isString: Check = (value) => typeof value === 'string';
const isBoolean: Check = (value) => typeof value === 'boolean';
const isNumber: Check = (value) => typeof value === 'number' && Number.isFinite(value);
const isCount: Check = (value) => Number.isInteger(value) && (value as number) >= 0;
const anything: Check = () => true;
const isSchema: Check = (value, depth) => isPlainSchema(value, depth + 1);
const isSchemaList: Check = (value, depth) => Array.isArray(value) && value.length > 0 && value.every((item) => isPlainSchema(item, depth + 1));

/** The keywords the walk knows, each with the shape of its value that ajv compiles without complaint. */
const KEYWORDS: Record<string, Check> = {
  type: (value) => (typeof value === 'string' ? TYPES.has(value) : Array.isArray(value) && value.length > 0 && value.every((t) => typeof t === 'string' && TYPES.has(t)) && new Set(value).size === value.length),
  properties: (value, depth) => isObject(value) && Object.values(value).every((item) => isPlainSchema(item, depth + 1)),
  required: (value) => Array.isArray(value) && value.every((item) => typeof item === 'string') && new Set(value).size === value.length,
  additionalProperties: isSchema,
  items: isSchema,
  enum: (value) => Array.isArray(value) && value.length > 0,
  const: anything,
  minimum: isNumber,
  maximum: isNumber,
  exclusiveMinimum: isNumber,
  exclusiveMaximum: isNumber,
  multipleOf: (value) => isNumber(value, 0) && (value as number) > 0,
  minLength: isCount,
  maxLength: isCount,
  minItems: isCount,
  maxItems: isCount,
  minProperties: isCount,
  maxProperties: isCount,
  uniqueItems: isBoolean,
  pattern: (value) => typeof value === 'string' && compilesAsRegex(value),
  format: (value) => typeof value === 'string' && knownFormat(value),
  anyOf: isSchemaList,
  oneOf: isSchemaList,
  allOf: isSchemaList,
  not: isSchema,
  title: isString,
  description: isString,
  $comment: isString,
  default: anything,
  examples: (value) => Array.isArray(value),
  readOnly: isBoolean,
  writeOnly: isBoolean,
  deprecated: isBoolean,
};

/** A plain mapping, as data from YAML or JSON is (a changed prototype is left to ajv). */
function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype;
}

function isPlainSchema(schema: unknown, depth: number): boolean {
  if (typeof schema === 'boolean') return true;
  if (!isObject(schema) || depth > MAX_DEPTH) return false;
  for (const key of Object.keys(schema)) {
    const check = Object.prototype.hasOwnProperty.call(KEYWORDS, key) ? KEYWORDS[key] : undefined;
    if (!check || !check(schema[key], depth)) return false;
  }
  return true;
}

const ANNOTATIONS = new Set(['title', 'description', '$comment', 'default', 'examples', 'readOnly', 'writeOnly', 'deprecated']);

function satisfies(schema: unknown, data: unknown, depth: number): boolean {
  if (typeof schema === 'boolean') return schema;
  if (!isObject(schema) || depth > MAX_DEPTH || (typeof data === 'number' && !Number.isFinite(data))) return false;
  for (const key of Object.keys(schema)) {
    if (ANNOTATIONS.has(key)) continue;
    const value = schema[key];
    switch (key) {
      case 'type':
        if (!(Array.isArray(value) ? value.some((type) => hasType(data, type)) : hasType(data, value))) return false;
        break;
      case 'properties':
        if (isObject(data)) {
          for (const name of Object.keys(value as object)) {
            if (name in Object.prototype) return false;
            if (data[name] !== undefined && !satisfies((value as Record<string, unknown>)[name], data[name], depth + 1)) return false;
          }
        }
        break;
      case 'required':
        if (isObject(data)) for (const name of value as string[]) if (name in Object.prototype || data[name] === undefined) return false;
        break;
      case 'additionalProperties':
        if (isObject(data)) {
          const known = (schema.properties ?? {}) as Record<string, unknown>;
          for (const name of Object.keys(data)) if (!Object.prototype.hasOwnProperty.call(known, name) && !satisfies(value, data[name], depth + 1)) return false;
        }
        break;
      case 'items':
        if (Array.isArray(data)) for (const item of data) if (!satisfies(value, item, depth + 1)) return false;
        break;
      case 'enum':
        if (!(value as unknown[]).some((option) => jsonEqual(option, data))) return false;
        break;
      case 'const':
        if (!jsonEqual(value, data)) return false;
        break;
      case 'minimum':
      case 'maximum':
      case 'exclusiveMinimum':
      case 'exclusiveMaximum':
        if (typeof data === 'number' && !withinBound(key, data, value as number)) return false;
        break;
      case 'minLength':
      case 'maxLength':
        if (typeof data === 'string' && !withinCount(key, codePoints(data), value as number)) return false;
        break;
      case 'minItems':
      case 'maxItems':
        if (Array.isArray(data) && !withinCount(key, data.length, value as number)) return false;
        break;
      case 'minProperties':
      case 'maxProperties':
        if (isObject(data) && !withinCount(key, Object.keys(data).length, value as number)) return false;
        break;
      default:
        return false;
    }
  }
  return true;
}

function hasType(data: unknown, type: unknown): boolean {
  switch (type) {
    case 'null':
      return data === null;
    case 'boolean':
      return typeof data === 'boolean';
    case 'string':
      return typeof data === 'string';
    case 'number':
      return typeof data === 'number';
    case 'integer':
      return Number.isInteger(data);
    case 'array':
      return Array.isArray(data);
    case 'object':
      return isObject(data);
    default:
      return false;
  }
}

function withinBound(key: string, data: number, bound: number): boolean {
  if (key === 'minimum') return data >= bound;
  if (key === 'maximum') return data <= bound;
  if (key === 'exclusiveMinimum') return data > bound;
  return data < bound;
}

function withinCount(key: string, count: number, bound: number): boolean {
  return key.startsWith('min') ? count >= bound : count <= bound;
}

/** Length in code points, as JSON Schema (and ajv) count a string's length. */
function codePoints(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) i++;
    }
    count++;
  }
  return count;
}

/** Equality of JSON values (order of keys aside), as `enum` and `const` compare. */
function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a)) return Array.isArray(b) && a.length === b.length && a.every((item, index) => jsonEqual(item, b[index]));
  if (!isObject(a) || !isObject(b)) return false;
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((key) => Object.prototype.hasOwnProperty.call(b, key) && jsonEqual(a[key], b[key]));
}

function compilesAsRegex(pattern: string): boolean {
  try {
    new RegExp(pattern, 'u');
    return true;
  } catch {
    return false;
  }
}
