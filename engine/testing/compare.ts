/**
 * Comparing expected values with actual ones: `subset` (every key the expectation names has the expected
 * value; lists compare item by item and must have the same length) or `exact`. Differences come back
 * as data, one per path, for the reporters to print.
 */

/** One difference: where, and the two values. */
export interface Difference {
  /** A dotted path into the compared value (`approved`, `lines[2].total`); empty for the value itself. */
  path: string;
  expected: unknown;
  actual: unknown;
}

/** The differences between `expected` and `actual`; none when they match. */
export function differences(expected: unknown, actual: unknown, mode: 'subset' | 'exact', path = ''): Difference[] {
  if (isObject(expected) && isObject(actual)) {
    const found: Difference[] = [];
    for (const key of Object.keys(expected)) {
      const child = path ? `${path}.${key}` : key;
      if (!(key in actual)) found.push({ path: child, expected: expected[key], actual: undefined });
      else found.push(...differences(expected[key], actual[key], mode, child));
    }
    if (mode === 'exact') for (const key of Object.keys(actual)) if (!(key in expected)) found.push({ path: path ? `${path}.${key}` : key, expected: undefined, actual: actual[key] });
    return found;
  }
  if (Array.isArray(expected) && Array.isArray(actual)) {
    if (expected.length !== actual.length) return [{ path, expected, actual }];
    return expected.flatMap((item, i) => differences(item, actual[i], mode, `${path}[${i}]`));
  }
  return sameValue(expected, actual) ? [] : [{ path, expected, actual }];
}

function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  // YAML reads `1.0` as 1; JSON numbers compare by value.
  return typeof a === 'number' && typeof b === 'number' && Number.isNaN(a) && Number.isNaN(b);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A value as one line of JSON, shortened past `max` characters. */
export function show(value: unknown, max = 200): string {
  if (value === undefined) return '(absent)';
  const text = JSON.stringify(value);
  return text.length > max ? `${text.slice(0, max)}…` : text;
}
