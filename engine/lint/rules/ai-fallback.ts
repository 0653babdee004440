/**
 * Fail-open `ai` steps (the default, unless the step or `defaults.failOpen` turns it off) need a
 * `fallback`, and the fallback must satisfy the step's `output` schema: it is used in its place.
 */
import { satisfiesWithoutAsking } from '../../definition/user-schema-check';
import { compileUserSchema } from '../../definition/user-schemas';
import type { Rule } from '../rule';

export const aiFallback: Rule = {
  name: 'ai-fallback',
  check({ definition, sites, report }) {
    const failOpenDefault = definition.defaults?.failOpen ?? true;
    for (const { step, path, id } of sites) {
      const ai = step.ai;
      if (!ai) continue;
      const failOpen = ai.failOpen ?? failOpenDefault;
      if (failOpen && ai.fallback === undefined) {
        report({
          code: 'ai-missing-fallback',
          message: `ai step \`${id}\` is fail-open but has no \`fallback\``,
          hint: 'add `fallback:` (the output used when the call fails), or `failOpen: false` to fail the step instead',
          path: [...path, 'ai'],
          target: 'key',
        });
        continue;
      }
      // A fallback computed by expressions only has its shape at run time.
      if (ai.fallback === undefined || ai.output === undefined || JSON.stringify(ai.fallback).includes('${{')) continue;
      if (satisfiesWithoutAsking(ai.output, ai.fallback)) continue;
      const compiled = compileUserSchema(ai.output);
      if (!compiled.ok || compiled.validate(ai.fallback)) continue;
      const first = compiled.validate.errors?.[0];
      const where = first?.instancePath ? `\`${first.instancePath}\` ` : '';
      report({
        code: 'ai-fallback-mismatch',
        message: `the fallback of ai step \`${id}\` does not satisfy its \`output\` schema: ${where}${first?.message ?? 'invalid'}`,
        hint: 'the fallback is used as the step output, so it must have the same shape',
        path: [...path, 'ai', 'fallback'],
        target: 'key',
      });
    }
  },
};
