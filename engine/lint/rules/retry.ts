/**
 * Retry policies that make sense: `maxInterval` not below `interval`; with `maxAttempts: 1` the other
 * settings do nothing (a sign the author meant something else).
 */
import { parseDuration } from '../../definition/duration';
import type { RetryPolicy } from '../../definition/workflow.generated';
import type { Rule, RuleContext } from '../rule';

export const retryPolicies: Rule = {
  name: 'retry',
  check(context) {
    check(context, context.definition.defaults?.retry, ['defaults', 'retry']);
    for (const { step, path } of context.sites) if (step.retry !== undefined) check(context, step.retry, [...path, 'retry']);
  },
};

function check(context: RuleContext, retry: RetryPolicy | undefined, path: Array<string | number>): void {
  if (!retry) return;
  const interval = retry.interval === undefined ? 1000 : parseDuration(retry.interval);
  const maxInterval = retry.maxInterval === undefined ? undefined : parseDuration(retry.maxInterval);
  if (interval !== undefined && maxInterval !== undefined && maxInterval < interval) {
    context.report({
      code: 'retry-interval-order',
      message: `\`maxInterval\` (${retry.maxInterval}) is below \`interval\` (${retry.interval ?? '1s, the default'})`,
      hint: 'raise `maxInterval` or lower `interval`',
      path: [...path, 'maxInterval'],
    });
  }
  if (retry.maxAttempts === 1) {
    const idle = (['interval', 'backoff', 'maxInterval', 'jitter', 'on'] as const).filter((key) => retry[key] !== undefined);
    if (idle.length > 0) {
      context.report({
        code: 'retry-pointless',
        message: `with \`maxAttempts: 1\` there is no retry, so ${idle.map((key) => `\`${key}\``).join(', ')} ${idle.length === 1 ? 'has' : 'have'} no effect`,
        hint: 'raise `maxAttempts`, or drop the other settings',
        path: [...path, 'maxAttempts'],
      });
    }
  }
}
