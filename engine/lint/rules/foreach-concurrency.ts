/** A `forEach` without `concurrency` starts every iteration at once: fine for ten items, not for ten thousand. */
import type { Rule } from '../rule';

export const forEachConcurrency: Rule = {
  name: 'foreach-concurrency',
  check({ sites, report }) {
    for (const { step, path, id } of sites) {
      if (!step.forEach || step.forEach.concurrency !== undefined) continue;
      report({
        code: 'foreach-no-concurrency',
        message: `forEach \`${id}\` has no \`concurrency\`: every item runs at once`,
        hint: 'add `concurrency: 10` (or whatever the called services can take)',
        path: [...path, 'forEach'],
        target: 'key',
      });
    }
  },
};
