/**
 * The workflow JSON Schema's validators, compiled ahead of time by codegen (ajv standalone code in
 * workflow-validator.generated.js, kept in step by `npm run codegen:check`): linting compiles no schema,
 * and the validators are built on first use, not at import. The quick check (codegen/quick-check.ts)
 * answers first; only a definition it rejects goes through the full validator, for its errors.
 *
 * The generated module (half the packaged app's code) is required on first use too: the packaged app
 * keeps it out of its start-up bundle (scripts/package/bundle.ts) and starts from linted definitions.
 */
import type Ajv2020 from 'ajv/dist/2020';
import type { ErrorObject } from 'ajv/dist/2020';
import type { GeneratedValidator } from './workflow-validator.generated';
import { newJsonSchemaValidator } from './json-schema-lib';
import workflowSchema from '../../schemas/workflow.schema.json';

let userSchemas: Ajv2020 | undefined;
let validateWorkflow: GeneratedValidator | undefined;
let quickCheck: GeneratedValidator | undefined;

type GeneratedModule = typeof import('./workflow-validator.generated');
let generated: GeneratedModule | undefined;

// eslint-disable-next-line @typescript-eslint/no-require-imports
const generatedModule = (): GeneratedModule => (generated ??= require('./workflow-validator.generated') as GeneratedModule);

/** The language's schema as data. */
export function languageSchema(): Record<string, unknown> {
  return workflowSchema as Record<string, unknown>;
}

/** Validates a definition value against the language schema; returns ajv's raw errors (empty when valid). */
export function validateAgainstSchema(value: unknown): ErrorObject[] {
  if ((quickCheck ??= generatedModule().createQuickCheck())(value)) return [];
  const validate = (validateWorkflow ??= generatedModule().createValidator());
  return validate(value) ? [] : [...(validate.errors ?? [])];
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
