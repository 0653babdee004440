/**
 * The ahead-of-time validator (ajv standalone code generated from the language schema) answers exactly
 * as the schema compiled now would: same verdict and same errors, on every linter case and corpus file.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { workflowText } from '../../bench/corpus';
import { languageSchemaOptions, newJsonSchemaValidator } from '../../engine/definition/json-schema-lib';
import { loadDefinition } from '../../engine/definition/load';
import { languageSchema, validateAgainstSchema } from '../../engine/definition/schema';

const lintCases = ['ok', 'err'].flatMap((folder) => {
  const dir = path.join(__dirname, '..', 'lint', folder);
  return readdirSync(dir).filter((name) => name.endsWith('.yaml')).map((name) => readFileSync(path.join(dir, name), 'utf8'));
});

describe('generated language validator', () => {
  it('gives the errors a fresh compilation of the schema gives', () => {
    const compiled = newJsonSchemaValidator(languageSchemaOptions).compile(languageSchema());
    const values = [...lintCases, ...Array.from({ length: 20 }, (_, n) => workflowText(n))].map((text) => loadDefinition('f.yaml', text).value).filter((value) => value !== undefined);
    let invalid = 0;
    for (const value of values) {
      const expected = compiled(value) ? [] : compiled.errors ?? [];
      expect(validateAgainstSchema(value)).toEqual(expected);
      if (expected.length > 0) invalid++;
    }
    expect(invalid).toBeGreaterThan(10);
  });
});
