/**
 * The functions expressions may call, as `value|name(args)` or `name(value, args)`. All are pure and
 * deterministic: no clock, no randomness.
 */
import { ExpressionEvaluationError, text } from './errors';

type Transform = (...args: unknown[]) => unknown;

const list = (value: unknown, name: string): unknown[] => {
  if (Array.isArray(value)) return value;
  if (value === null || value === undefined) return [];
  throw new ExpressionEvaluationError(`\`${name}\` needs a list`);
};
const numbers = (value: unknown, name: string): number[] =>
  list(value, name).map((item) => {
    if (typeof item !== 'number') throw new ExpressionEvaluationError(`\`${name}\` needs a list of numbers`);
    return item;
  });

/** Every callable function, by name; an own-property map so no inherited name resolves. */
export const transforms: Record<string, Transform> = Object.assign(Object.create(null) as Record<string, Transform>, {
  length: (value: unknown) => (typeof value === 'string' || Array.isArray(value) ? value.length : value && typeof value === 'object' ? Object.keys(value).length : 0),
  keys: (value: unknown) => (value && typeof value === 'object' && !Array.isArray(value) ? Object.keys(value) : []),
  values: (value: unknown) => (value && typeof value === 'object' && !Array.isArray(value) ? Object.values(value) : []),
  upper: (value: unknown) => text(value).toUpperCase(),
  lower: (value: unknown) => text(value).toLowerCase(),
  trim: (value: unknown) => text(value).trim(),
  string: (value: unknown) => text(value),
  json: (value: unknown) => JSON.stringify(value ?? null),
  number: (value: unknown) => {
    const result = typeof value === 'number' ? value : Number(text(value));
    if (!Number.isFinite(result)) throw new ExpressionEvaluationError(`cannot convert ${JSON.stringify(value)} to a number`);
    return result;
  },
  split: (value: unknown, separator: unknown) => text(value).split(text(separator)),
  join: (value: unknown, separator: unknown) => list(value, 'join').map(text).join(separator === undefined ? ',' : text(separator)),
  contains: (value: unknown, needle: unknown) => (Array.isArray(value) ? value.includes(needle) : text(value).includes(text(needle))),
  startsWith: (value: unknown, prefix: unknown) => text(value).startsWith(text(prefix)),
  endsWith: (value: unknown, suffix: unknown) => text(value).endsWith(text(suffix)),
  substring: (value: unknown, start: unknown, end: unknown) => text(value).substring(Number(start) || 0, end === undefined ? undefined : Number(end)),
  round: (value: unknown, digits: unknown) => {
    const factor = 10 ** (Number(digits) || 0);
    return Math.round(Number(value) * factor) / factor;
  },
  floor: (value: unknown) => Math.floor(Number(value)),
  ceil: (value: unknown) => Math.ceil(Number(value)),
  abs: (value: unknown) => Math.abs(Number(value)),
  min: (value: unknown) => (list(value, 'min').length ? Math.min(...numbers(value, 'min')) : null),
  max: (value: unknown) => (list(value, 'max').length ? Math.max(...numbers(value, 'max')) : null),
  sum: (value: unknown) => numbers(value, 'sum').reduce((a, b) => a + b, 0),
  pluck: (value: unknown, key: unknown) =>
    list(value, 'pluck').map((item) => (item && typeof item === 'object' && !Array.isArray(item) && Object.prototype.hasOwnProperty.call(item, text(key)) ? (item as Record<string, unknown>)[text(key)] : null)),
  compact: (value: unknown) => list(value, 'compact').filter((item) => item !== null && item !== undefined),
  first: (value: unknown) => list(value, 'first')[0] ?? null,
  last: (value: unknown) => list(value, 'last').at(-1) ?? null,
  slice: (value: unknown, start: unknown, end: unknown) => list(value, 'slice').slice(Number(start) || 0, end === undefined ? undefined : Number(end)),
  default: (value: unknown, fallback: unknown) => (value === null || value === undefined ? fallback : value),
  merge: (...objects: unknown[]) => Object.assign({}, ...objects.filter((o) => o && typeof o === 'object' && !Array.isArray(o))),
});

/** The names of every function expressions may call. */
export function transformNames(): string[] {
  return Object.keys(transforms);
}
