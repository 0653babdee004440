/** Durations in the language: `500ms`, `10s`, `5m`, `1h`, `2d`. */
import { isTemplate } from '../expressions';

const DURATION = /^(\d+)(ms|s|m|h|d)$/;
const UNIT_MS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/** Milliseconds of a literal duration, or undefined when the text is not one. */
export function parseDuration(text: string): number | undefined {
  const match = DURATION.exec(text);
  return match ? Number(match[1]) * UNIT_MS[match[2]] : undefined;
}

/** Whether a value is acceptable where a duration goes: a literal duration or an expression. */
export function isDurationOrExpression(value: unknown): boolean {
  return typeof value === 'string' && (DURATION.test(value) || isTemplate(value));
}
