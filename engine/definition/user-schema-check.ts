/**
 * Whether a user's JSON Schema (`input`, `ai.output`) compiles, answered without compiling it when it
 * can be: most are plain (types, properties, required, items, enums, bounds, patterns, formats,
 * combinators), and for those a walk decides in microseconds what ajv's strict compile would take about
 * a millisecond to decide. The walk only ever says "it compiles"; anything it does not know completely
 * (`$ref`, `$defs`, `if`, `unevaluated*`, an unknown format, a value of an unexpected shape…) goes to the
 * real compile, which owns every error message. test/definition/user-schema-check.test.ts holds the
 * contract (whatever the walk accepts, ajv's strict compile accepts) on fixtures and generated schemas.
 */
import { compileUserSchema } from './user-schemas';

/** Whether the schema compiles, and if not, why (from ajv). */
export function checkUserSchema(schema: unknown): { ok: true } | { ok: false; problem: string } {
  if (compilesWithoutAsking(schema)) return { ok: true };
  const compiled = compileUserSchema(schema);
  return compiled.ok ? { ok: true } : compiled;
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

function compilesAsRegex(pattern: string): boolean {
  try {
    new RegExp(pattern, 'u');
    return true;
  } catch {
    return false;
  }
}
