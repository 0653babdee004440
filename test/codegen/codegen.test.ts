/** `npm run codegen:check` in-process: the committed generated files match the schema and workflows. */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { staleFiles } from '../../codegen/generate';
import { prepareLanguageSchema } from '../../codegen/prepare-schema';
import { languageSchema } from '../../engine/definition/schema';

describe('codegen', () => {
  it('generated files are up to date', async () => {
    expect(await staleFiles(path.join(__dirname, '..', '..'))).toEqual([]);
  }, 60_000);

  it('drops validation-only combinators and types any-values as unknown', () => {
    const prepared = prepareLanguageSchema(languageSchema()) as { $defs: Record<string, Record<string, any>> };
    expect(prepared.$defs.step.oneOf).toBeUndefined();
    expect(prepared.$defs.step.dependentSchemas).toBeUndefined();
    expect(prepared.$defs.step.properties.set.tsType).toBe('unknown');
    expect(prepared.$defs.step.properties.timeout).toEqual({ description: expect.any(String), tsType: 'Duration' });
    // The file itself is untouched: ajv still validates with the combinators.
    expect((languageSchema().$defs as Record<string, Record<string, unknown>>).step.oneOf).toBeDefined();
  });
});
