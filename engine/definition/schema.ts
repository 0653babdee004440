/**
 * The workflow JSON Schema, compiled once and lazily: importing this module costs nothing; the first
 * validation compiles, every later one reuses the compiled function.
 */
import type Ajv2020 from 'ajv/dist/2020';
import type { ErrorObject, ValidateFunction } from 'ajv/dist/2020';
import { newJsonSchemaValidator } from './json-schema-lib';
import workflowSchema from '../../schemas/workflow.schema.json';

let compiled: ValidateFunction | undefined;
let userSchemas: Ajv2020 | undefined;

/** The language's schema as data. */
export function languageSchema(): Record<string, unknown> {
  return workflowSchema as Record<string, unknown>;
}

/** Validates a definition value against the language schema; returns ajv's raw errors (empty when valid). */
export function validateAgainstSchema(value: unknown): ErrorObject[] {
  compiled ??= compileLanguageSchema();
  return compiled(value) ? [] : [...(compiled.errors ?? [])];
}

function compileLanguageSchema(): ValidateFunction {
  // verbose: errors carry their parent schema, which lists the allowed keys for "did you mean".
  const ajv = newJsonSchemaValidator({ allErrors: true, verbose: true, strict: false });
  return ajv.compile(workflowSchema);
}

/**
 * The ajv instance for schemas users write (`input`, `ai.output`): strict, so an unknown keyword or a
 * broken `$ref` is a compile error the linter can report.
 */
export function userSchemaCompiler(): Ajv2020 {
  if (!userSchemas) {
    userSchemas = newJsonSchemaValidator({ allErrors: true, strict: true, strictRequired: false, strictTypes: false, validateSchema: true, addUsedSchema: false }, true);
  }
  return userSchemas;
}
