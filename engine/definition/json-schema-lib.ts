/**
 * ajv (JSON Schema 2020-12), loaded on first use: a packaged app that starts from its linted bundle
 * compiles no schema and loads no validator until a run input or an AI answer needs checking.
 */
import type Ajv2020 from 'ajv/dist/2020';
import type { Options } from 'ajv/dist/2020';

/** A new 2020-12 validator instance; `formats` adds ajv-formats (email, date-time, uri, …). */
export function newJsonSchemaValidator(options: Options, formats = false): Ajv2020 {
  /* eslint-disable @typescript-eslint/no-require-imports */
  const Ajv = (require('ajv/dist/2020') as typeof import('ajv/dist/2020')).default;
  const ajv = new Ajv(options);
  if (formats) (require('ajv-formats') as typeof import('ajv-formats')).default(ajv);
  return ajv;
}

/**
 * How the language schema is compiled: every error, each with its parent schema (which lists the allowed
 * keys for "did you mean"). Codegen compiles it ahead of time with these (workflow-validator.generated.js).
 */
export const languageSchemaOptions: Options = { allErrors: true, verbose: true, strict: false };
