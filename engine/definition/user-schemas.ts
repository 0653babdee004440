/**
 * JSON Schemas users write inside a definition (`input`, `ai.output`), compiled with a strict ajv so that
 * unknown keywords and broken `$ref`s are errors. Compiling is the expensive part of linting, so results
 * are cached by the schema's text: the same schema in a thousand files compiles once.
 */
import type { ValidateFunction } from 'ajv';
import { userSchemaCompiler } from './schema';

/** A compiled user schema, or why it does not compile. */
export type CompiledUserSchema = { ok: true; validate: ValidateFunction } | { ok: false; problem: string };

const cache = new Map<string, CompiledUserSchema>();
const CACHE_LIMIT = 2000;

/** Compiles a user's JSON Schema; never throws. */
export function compileUserSchema(schema: unknown): CompiledUserSchema {
  const key = JSON.stringify(schema);
  const cached = cache.get(key);
  if (cached) return cached;
  const result = compile(schema);
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(key, result);
  return result;
}

function compile(schema: unknown): CompiledUserSchema {
  const ajv = userSchemaCompiler();
  if (typeof schema !== 'object' || schema === null) return { ok: false, problem: 'a JSON Schema is a mapping' };
  if (!ajv.validateSchema(schema as object)) {
    const first = ajv.errors?.[0];
    const where = first?.instancePath ? ` at \`${first.instancePath}\`` : '';
    return { ok: false, problem: `${first?.message ?? 'it is not a valid JSON Schema'}${where}` };
  }
  try {
    return { ok: true, validate: ajv.compile(schema as object) };
  } catch (error) {
    return { ok: false, problem: (error as Error).message.split('\n')[0] };
  }
}
