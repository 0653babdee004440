/**
 * Azure Storage queue names: 3-63 characters; lowercase letters, digits and hyphens; starting and ending
 * with a letter or digit; no two hyphens in a row. A name that is an expression is checked at run time.
 */
import { isTemplate } from '../../expressions';
import type { Rule, RuleContext } from '../rule';

export const queueNames: Rule = {
  name: 'queue-names',
  check(context) {
    const { definition, sites } = context;
    check(context, definition.triggers?.queue?.name, ['triggers', 'queue', 'name']);
    check(context, definition.deadLetter?.queue, ['deadLetter', 'queue']);
    for (const { step, path } of sites) if (step.queue?.name !== undefined) check(context, step.queue.name, [...path, 'queue', 'name']);
  },
};

/** Why a queue name breaks Azure's rules, or undefined when it is valid. */
export function queueNameProblem(name: string): string | undefined {
  if (name.length < 3 || name.length > 63) return `it has ${name.length} characters; queue names have 3 to 63`;
  if (/[A-Z]/.test(name)) return 'queue names are lowercase';
  if (/[^a-z0-9-]/.test(name)) return 'only lowercase letters, digits and hyphens are allowed';
  if (name.startsWith('-') || name.endsWith('-')) return 'a queue name starts and ends with a letter or digit';
  if (name.includes('--')) return 'consecutive hyphens are not allowed';
  return undefined;
}

function check(context: RuleContext, name: unknown, path: Array<string | number>): void {
  if (typeof name !== 'string' || isTemplate(name)) return;
  const problem = queueNameProblem(name);
  if (!problem) return;
  const fixed = name.toLowerCase().replace(/[^a-z0-9-]+/g, '-').replace(/-+/g, '-').replace(/^-|-$/g, '');
  const hint = fixed.length >= 3 && fixed.length <= 63 && fixed !== name ? `for example \`${fixed}\`` : undefined;
  context.report({ code: 'invalid-queue-name', message: `queue name \`${name}\` is not valid: ${problem}`, hint, path });
}
