/**
 * `retry.on` and `catch.errors` filter on error names; a name nothing raises is a silent no-op (often
 * a typo: `HTTPError` for `HttpError`). Known names: the contract's, and every `fail` step's `error`.
 */
import { closest } from '../../diagnostics/suggest';
import type { Rule, RuleContext } from '../rule';

/** Error names the engine raises (see the language contract). */
export const builtInErrorNames = ['Timeout', 'HttpError', 'AiError', 'QueueError', 'CosmosError', 'ActivityError', 'ValidationError'] as const;

export const errorNames: Rule = {
  name: 'error-names',
  check(context) {
    const known = new Set<string>(builtInErrorNames);
    for (const { step } of context.sites) if (step.fail) known.add(step.fail.error);
    checkList(context, known, context.definition.defaults?.retry?.on, ['defaults', 'retry', 'on']);
    for (const { step, path } of context.sites) {
      if (step.retry?.on !== undefined) checkList(context, known, step.retry.on, [...path, 'retry', 'on']);
      (step.catch ?? []).forEach((clause, index) => checkList(context, known, clause.errors, [...path, 'catch', index, 'errors']));
    }
  },
};

function checkList(context: RuleContext, known: Set<string>, names: readonly string[] | undefined, path: Array<string | number>): void {
  (names ?? []).forEach((name, index) => {
    if (known.has(name)) return;
    const guess = closest(name, known);
    context.report({
      code: 'unknown-error-name',
      message: `no step raises an error named \`${name}\`${guess ? `; did you mean \`${guess}\`?` : ''}`,
      hint: `known error names: ${[...known].join(', ')}`,
      path: [...path, index],
    });
  });
}
