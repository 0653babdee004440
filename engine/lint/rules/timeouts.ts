/** `timeout` only bounds steps that do work or wait for something else; on `wait`, `set` and `fail` it does nothing. */
import { kindOf } from '../../definition/walk';
import type { Rule } from '../rule';

const WITHOUT_TIMEOUT = new Set(['wait', 'set', 'fail']);

export const timeouts: Rule = {
  name: 'timeouts',
  check(context) {
    for (const { step, path } of context.sites) {
      const kind = kindOf(step);
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
