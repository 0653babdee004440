/** The `input` schema and every `ai.output` schema must compile (strict 2020-12: no unknown keywords). */
import { checkUserSchema } from '../../definition/user-schema-check';
import type { Rule } from '../rule';

export const jsonSchemas: Rule = {
  name: 'json-schemas',
  check({ definition, sites, report }) {
    const checks: Array<{ schema: unknown; path: Array<string | number> }> = [];
    if (definition.input !== undefined) checks.push({ schema: definition.input, path: ['input'] });
    for (const { step, path } of sites) if (step.ai?.output !== undefined) checks.push({ schema: step.ai.output, path: [...path, 'ai', 'output'] });
    for (const { schema, path } of checks) {
      const compiled = checkUserSchema(schema);
      if (compiled.ok) continue;
      report({
        code: 'invalid-json-schema',
        message: `this JSON Schema does not compile: ${compiled.problem}`,
        hint: 'JSON Schema 2020-12, strict: every keyword must be a known one',
        path,
        target: 'key',
      });
    }
  },
};
