/**
 * Durations of the workflow language: `500ms`, `10s`, `5m`, `1h`, `2d`, or a `${{ }}` expression that
 * yields one (evaluated at run time, from the run's scope).
 */
import { parseDuration } from '../definition/duration';
import { compileValue, evaluateValue, isTemplate, type CompiledValue, type Scope } from '../expressions';

export { parseDuration };

/** A duration known at compile time (milliseconds) or an expression evaluated when the step runs. */
export type DurationPlan = { ms: number } | { expression: CompiledValue; text: string };

/** Compiles a duration field; throws on text that is neither a duration nor an expression. */
export function compileDuration(value: string | number, where: string): DurationPlan {
  if (typeof value === 'number') return { ms: value };
  const ms = parseDuration(value);
  if (ms !== undefined) return { ms };
  if (isTemplate(value)) return { expression: compileValue(value), text: value };
  throw new Error(`${where}: \`${value}\` is not a duration (e.g. 500ms, 10s, 5m, 1h, 2d)`);
}

/** The duration in milliseconds; an expression must yield a duration text or a number of milliseconds. */
export function durationMs(plan: DurationPlan, scope: Scope): number {
  if ('ms' in plan) return plan.ms;
  const value = evaluateValue(plan.expression, scope);
  const ms = typeof value === 'number' ? value : typeof value === 'string' ? parseDuration(value) : undefined;
  if (ms === undefined || !Number.isFinite(ms) || ms < 0) {
    throw new Error(`\`${plan.text}\` yielded ${JSON.stringify(value)}, which is not a duration`);
  }
  return ms;
}
