/**
 * A `switch` must be able to do something: at least one case or a default; no case that can never run
 * (a literal false `when`, a `when` repeated from an earlier case, a case after a literal true).
 */
import type { Rule } from '../rule';

export const switchCases: Rule = {
  name: 'switch',
  check({ sites, report }) {
    for (const { step, path, id } of sites) {
      const body = step.switch;
      if (!body) continue;
      const cases = body.cases ?? [];
      if (cases.length === 0 && !(body.default && body.default.length > 0)) {
        report({ code: 'switch-empty', message: `switch \`${id}\` has no cases and no default`, hint: 'add a case, or remove the step', path: [...path, 'switch'], target: 'key' });
        continue;
      }
      const seen = new Map<string, number>();
      let alwaysAt: number | undefined;
      cases.forEach((item, index) => {
        const at = [...path, 'switch', 'cases', index, 'when'];
        const when = normalize(item.when);
        if (alwaysAt !== undefined) {
          report({ code: 'switch-unsatisfiable', message: `case ${index + 1} of switch \`${id}\` can never run: case ${alwaysAt + 1} is always true`, path: at });
        } else if (when === 'false') {
          report({ code: 'switch-unsatisfiable', message: `case ${index + 1} of switch \`${id}\` can never run: its \`when\` is always false`, path: at });
        } else if (seen.has(when)) {
          report({ code: 'switch-unsatisfiable', message: `case ${index + 1} of switch \`${id}\` can never run: case ${seen.get(when)! + 1} has the same \`when\``, path: at });
        }
        if (!seen.has(when)) seen.set(when, index);
        if (when === 'true' && alwaysAt === undefined) alwaysAt = index;
      });
      if (alwaysAt !== undefined && body.default && body.default.length > 0) {
        report({ code: 'switch-unsatisfiable', message: `the default of switch \`${id}\` can never run: case ${alwaysAt + 1} is always true`, path: [...path, 'switch', 'default'], target: 'key' });
      }
    }
  },
};

/** `true`, `${{ true }}`, `${{true}}` all mean the same condition; compare conditions without spacing. */
function normalize(when: string | boolean): string {
  const text = String(when).trim();
  const inner = /^\$\{\{([\s\S]*)\}\}$/.exec(text)?.[1];
  return (inner ?? text).replace(/\s+/g, ' ').trim();
}
