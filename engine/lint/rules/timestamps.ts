/** `wait.until` is an ISO 8601 timestamp (with a time zone, so replays agree) or an expression. */
import { isTemplate } from '../../expressions';
import type { Rule } from '../rule';

const ISO_8601 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

export const timestamps: Rule = {
  name: 'timestamps',
  check({ sites, report }) {
    for (const { step, path } of sites) {
      const wait = step.wait;
      if (!wait || typeof wait !== 'object') continue;
      const until = wait.until;
      if (isTemplate(until) || (ISO_8601.test(until) && !Number.isNaN(Date.parse(until)))) continue;
      report({
        code: 'invalid-timestamp',
        message: `\`${until}\` is not an ISO 8601 timestamp`,
        hint: 'write a date, time and zone such as `2030-01-01T09:00:00Z`, or an expression',
        path: [...path, 'wait', 'until'],
      });
    }
  },
};
