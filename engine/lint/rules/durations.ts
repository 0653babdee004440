/** Durations must read `<number>(ms|s|m|h|d)` unless they are expressions evaluated at run time. */
import { closest } from '../../diagnostics/suggest';
import { isDurationOrExpression } from '../../definition/duration';
import { isTemplate } from '../../expressions';
import type { Rule, RuleContext } from '../rule';

export const durations: Rule = {
  name: 'durations',
  check(context) {
    const { definition, sites } = context;
    check(context, definition.triggers?.http?.timeout, ['triggers', 'http', 'timeout']);
    check(context, definition.defaults?.timeout, ['defaults', 'timeout']);
    checkRetry(context, definition.defaults?.retry, ['defaults', 'retry']);
    // Paths are built only for values that are there: most steps have few of these.
    for (const { step, path } of sites) {
      if (step.timeout !== undefined) check(context, step.timeout, [...path, 'timeout']);
      if (step.retry !== undefined) checkRetry(context, step.retry, [...path, 'retry']);
      if (step.http?.timeout !== undefined) check(context, step.http.timeout, [...path, 'http', 'timeout']);
      if (step.waitForEvent?.timeout !== undefined) check(context, step.waitForEvent.timeout, [...path, 'waitForEvent', 'timeout']);
      if (typeof step.wait === 'string') check(context, step.wait, [...path, 'wait']);
    }
  },
};

function checkRetry(context: RuleContext, retry: { interval?: string; maxInterval?: string } | undefined, path: Array<string | number>): void {
  for (const field of ['interval', 'maxInterval'] as const) {
    const value = retry?.[field];
    if (value === undefined) continue;
    // Retry delays are part of the compiled plan (they decide the durable timers), so they are literal.
    if (typeof value === 'string' && isTemplate(value)) {
      context.report({ code: 'invalid-duration', message: `\`retry.${field}\` must be a literal duration, not an expression`, hint: 'write e.g. `2s`; retry policies are fixed when the run starts', path: [...path, field] });
    } else {
      check(context, value, [...path, field]);
    }
  }
}

function check(context: RuleContext, value: unknown, path: Array<string | number>): void {
  if (value === undefined || isDurationOrExpression(value)) return;
  const text = String(value);
  context.report({ code: 'invalid-duration', message: `\`${text}\` is not a duration`, hint: hintFor(text), path });
}

/** Common slips: a space, a long unit name, a fraction, upper case. */
function hintFor(text: string): string {
  const match = /^\s*(\d+(?:\.\d+)?)\s*([A-Za-z]+)\s*$/.exec(text);
  if (match) {
    const unit = match[2].toLowerCase();
    const long: Record<string, string> = { sec: 's', secs: 's', second: 's', seconds: 's', min: 'm', mins: 'm', minute: 'm', minutes: 'm', hour: 'h', hours: 'h', hr: 'h', day: 'd', days: 'd', millis: 'ms', milliseconds: 'ms' };
    const short = long[unit] ?? closest(unit, ['ms', 's', 'm', 'h', 'd']);
    if (short && !match[1].includes('.')) return `write \`${match[1]}${short}\``;
    if (match[1].includes('.')) return 'use a whole number with a smaller unit, e.g. `1500ms` instead of `1.5s`';
  }
  return 'write a whole number followed by ms, s, m, h or d: `500ms`, `10s`, `5m`, `1h`, `2d`';
}
