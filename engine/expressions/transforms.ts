/**
 * The functions expressions may call, as `value|name(args)` or `name(value, args)`. All are pure and
 * deterministic: no clock, no randomness. Each pays the evaluation budget for what it goes through or
 * builds (`budget.ts`): a list's items, an object's keys, text's characters; `length` of a list is free.
 */
import { spend, spendOnText } from './budget';
import { ExpressionEvaluationError, text } from './errors';

type Transform = (...args: unknown[]) => unknown;

/** The text form of a value; building it (an object's JSON, a number's digits) is paid for. */
const textOf = (value: unknown): string => (typeof value === 'string' ? value : spendOnText(text(value)));
/** An object's keys, paid for. */
const keysOf = (value: object): string[] => {
  const keys = Object.keys(value);
  spend(keys.length);
  return keys;
};

/** A list argument, not paid for (for functions that read one item or copy a part). */
const asList = (value: unknown, name: string): unknown[] => {
  if (Array.isArray(value)) return value;
  if (value === null || value === undefined) return [];
  throw new ExpressionEvaluationError(`\`${name}\` needs a list`);
};
/** A list argument, its items paid for: the caller goes through all of them. */
const list = (value: unknown, name: string): unknown[] => {
  const items = asList(value, name);
  spend(items.length);
  return items;
};
/** A list built by a function, paid for. */
const built = (items: unknown[]): unknown[] => {
  spend(items.length);
  return items;
};
const numbers = (value: unknown, name: string): number[] =>
  list(value, name).map((item) => {
    if (typeof item !== 'number') throw new ExpressionEvaluationError(`\`${name}\` needs a list of numbers`);
    return item;
  });

/** Every callable function, by name; an own-property map so no inherited name resolves. */
export const transforms: Record<string, Transform> = Object.assign(Object.create(null) as Record<string, Transform>, {
  length: (value: unknown) => (typeof value === 'string' || Array.isArray(value) ? value.length : value && typeof value === 'object' ? keysOf(value).length : 0),
  keys: (value: unknown) => (value && typeof value === 'object' && !Array.isArray(value) ? keysOf(value) : []),
  values: (value: unknown) => (value && typeof value === 'object' && !Array.isArray(value) ? built(Object.values(value)) : []),
  upper: (value: unknown) => spendOnText(textOf(value).toUpperCase()),
  lower: (value: unknown) => spendOnText(textOf(value).toLowerCase()),
  trim: (value: unknown) => spendOnText(textOf(value).trim()),
  string: (value: unknown) => textOf(value),
  json: (value: unknown) => spendOnText(JSON.stringify(value ?? null)),
  number: (value: unknown) => {
    const result = typeof value === 'number' ? value : Number(textOf(value));
    if (!Number.isFinite(result)) throw new ExpressionEvaluationError(`cannot convert ${JSON.stringify(value)} to a number`);
    return result;
  },
  split: (value: unknown, separator: unknown) => {
    const whole = spendOnText(textOf(value));
    return built(whole.split(textOf(separator)));
  },
  join: (value: unknown, separator: unknown) => spendOnText(list(value, 'join').map(textOf).join(separator === undefined ? ',' : textOf(separator))),
  contains: (value: unknown, needle: unknown) => (Array.isArray(value) ? list(value, 'contains').includes(needle) : spendOnText(textOf(value)).includes(textOf(needle))),
  startsWith: (value: unknown, prefix: unknown) => textOf(value).startsWith(textOf(prefix)),
  endsWith: (value: unknown, suffix: unknown) => textOf(value).endsWith(textOf(suffix)),
  substring: (value: unknown, start: unknown, end: unknown) => spendOnText(textOf(value).substring(Number(start) || 0, end === undefined ? undefined : Number(end))),
  round: (value: unknown, digits: unknown) => {
    const factor = 10 ** (Number(digits) || 0);
    return Math.round(Number(value) * factor) / factor;
  },
  floor: (value: unknown) => Math.floor(Number(value)),
  ceil: (value: unknown) => Math.ceil(Number(value)),
  abs: (value: unknown) => Math.abs(Number(value)),
  min: (value: unknown) => {
    const all = numbers(value, 'min');
    return all.length ? Math.min(...all) : null;
  },
  max: (value: unknown) => {
    const all = numbers(value, 'max');
    return all.length ? Math.max(...all) : null;
  },
  sum: (value: unknown) => numbers(value, 'sum').reduce((a, b) => a + b, 0),
  pluck: (value: unknown, key: unknown) =>
    list(value, 'pluck').map((item) => (item && typeof item === 'object' && !Array.isArray(item) && Object.prototype.hasOwnProperty.call(item, text(key)) ? (item as Record<string, unknown>)[text(key)] : null)),
  compact: (value: unknown) => list(value, 'compact').filter((item) => item !== null && item !== undefined),
  first: (value: unknown) => asList(value, 'first')[0] ?? null,
  last: (value: unknown) => asList(value, 'last').at(-1) ?? null,
  slice: (value: unknown, start: unknown, end: unknown) => built(asList(value, 'slice').slice(Number(start) || 0, end === undefined ? undefined : Number(end))),
  default: (value: unknown, fallback: unknown) => (value === null || value === undefined ? fallback : value),
  merge: (...objects: unknown[]) => {
    const merged = objects.filter((o): o is object => Boolean(o) && typeof o === 'object' && !Array.isArray(o));
    for (const object of merged) keysOf(object);
    return Object.assign({}, ...merged);
  },
});

/** The names of every function expressions may call. */
export function transformNames(): string[] {
  return Object.keys(transforms);
}
