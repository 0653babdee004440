/** `activity` steps name registered activities. Skipped when the registry is unknown: no guessing. */
import { closest } from '../../diagnostics/suggest';
import type { Rule } from '../rule';

export const activities: Rule = {
  name: 'activities',
  check({ sites, options, report }) {
    if (!options.activities) return;
    const known = new Set(options.activities);
    for (const { step, path } of sites) {
      const name = step.activity;
      if (name === undefined || known.has(name)) continue;
      const guess = closest(name, known);
      report({
        code: 'unknown-activity',
        message: `no activity named \`${name}\` is registered${guess ? `; did you mean \`${guess}\`?` : ''}`,
        hint: known.size > 0 ? `registered: ${[...known].sort().join(', ')}` : 'register it in activities/index.ts',
        path: [...path, 'activity'],
      });
    }
  },
};
