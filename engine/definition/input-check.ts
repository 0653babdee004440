/**
 * Checking a run's input against its workflow's `input` JSON Schema before the run starts. Validators are
 * compiled on first use per workflow hash, never at import: start-up stays cheap.
 */
import type Ajv2020 from 'ajv/dist/2020';
import type { ErrorObject, ValidateFunction } from 'ajv/dist/2020';
import { newJsonSchemaValidator } from './json-schema-lib';

/** One problem with a run input: a JSON pointer into the input and what is wrong there. */
export interface InputProblem {
  path: string;
  message: string;
}

let ajv: Ajv2020 | undefined;
const validators = new Map<string, ValidateFunction>();

function compiler(): Ajv2020 {
  if (!ajv) {
    ajv = newJsonSchemaValidator({ allErrors: true, strict: false, allowUnionTypes: true }, true);
  }
  return ajv;
}

/** Problems of `input` against `schema` (none when the workflow declares no schema). `key` caches the validator. */
export function checkInput(key: string, schema: object | undefined, input: unknown): InputProblem[] {
  if (!schema) return [];
  let validate = validators.get(key);
  if (!validate) {
    validate = compiler().compile(schema);
    validators.set(key, validate);
  }
  if (validate(input)) return [];
  return (validate.errors ?? []).map(describeProblem);
}

function describeProblem(error: ErrorObject): InputProblem {
  const params = error.params as Record<string, unknown>;
  if (error.keyword === 'required') {
    return { path: `${error.instancePath}/${String(params.missingProperty)}`, message: 'is required' };
  }
  if (error.keyword === 'additionalProperties') {
    return { path: `${error.instancePath}/${String(params.additionalProperty)}`, message: 'is not allowed' };
  }
  return { path: error.instancePath || '/', message: error.message ?? error.keyword };
}

/** A request body (text) → input value, or the problem that makes it unusable. */
export function parseJsonInput(body: string): { ok: true; input: unknown } | { ok: false; problem: InputProblem } {
  if (body.trim() === '') return { ok: true, input: {} };
  try {
    return { ok: true, input: JSON.parse(body) };
  } catch (error) {
    return { ok: false, problem: { path: '/', message: `the body is not valid JSON: ${(error as Error).message}` } };
  }
}
