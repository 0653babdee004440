/**
 * `timeout` only bounds steps that do work or wait for something else; on `wait`, `set` and `fail` it does
 * nothing. On a `waitForEvent` step it fails the step with `Timeout`, while `waitForEvent.timeout` gives
 * `default`: both at once would leave a reader guessing which wins, so that is an error.
 */
import { kindOf } from '../../definition/walk';
import type { Rule } from '../rule';

const WITHOUT_TIMEOUT = new Set(['wait', 'set', 'fail']);

export const timeouts: Rule = {
  name: 'timeouts',
  check(context) {
    for (const { step, path } of context.sites) {
      const kind = kindOf(step);
      if (kind === 'waitForEvent' && step.timeout !== undefined && step.waitForEvent?.timeout !== undefined) {
        context.report({
          code: 'timeout-conflict',
          message: 'this `waitForEvent` step has two timeouts: the step `timeout` (fails the step with `Timeout`) and `waitForEvent.timeout` (gives `default`)',
          hint: 'keep `waitForEvent.timeout` (with `default` to go on, without it to fail) and remove the step `timeout`',
          path: [...path, 'timeout'],
          target: 'key',
        });
        continue;
      }
      if (step.timeout === undefined || !kind || !WITHOUT_TIMEOUT.has(kind)) continue;
      context.report({
        code: 'timeout-ignored',
        message: `\`timeout\` has no effect on a \`${kind}\` step`,
        hint: kind === 'wait' ? 'shorten the wait itself' : 'remove `timeout`',
        path: [...path, 'timeout'],
        target: 'key',
      });
    }
  },
};
