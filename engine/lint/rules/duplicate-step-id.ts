/** Step ids are unique in the whole file, nested steps included: `steps.<id>` must name one step. */
import { rangeOf } from '../../definition/positions';
import { linePos } from '../../definition/source';
import type { Rule } from '../rule';

export const duplicateStepId: Rule = {
  name: 'duplicate-step-id',
  check({ sites, byId, loaded, report }) {
    for (const site of sites) {
      const first = byId.get(site.id);
      if (!first || first === site) continue;
      const line = linePos(loaded, rangeOf(loaded, { path: [...first.path, 'id'] }).start).line;
      report({
        code: 'duplicate-step-id',
        message: `duplicate step id \`${site.id}\`; first defined at line ${line}`,
        hint: 'step ids are unique in the whole file, nested steps included',
        path: [...site.path, 'id'],
      });
    }
  },
};
