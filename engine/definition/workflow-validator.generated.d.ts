/* eslint-disable */
/**
 * DO NOT EDIT: generated from schemas/workflow.schema.json by codegen/generate.ts.
 * Regenerate with `npm run codegen`; CI runs `npm run codegen:check`.
 */
import type { ErrorObject } from 'ajv';

/** A generated validator: ajv's shape, with the errors of the last call on the function. */
export interface GeneratedValidator {
  (data: unknown): boolean;
  errors?: ErrorObject[] | null;
}

/** Builds the language validator (every error, with its schema). */
export function createValidator(): GeneratedValidator;

/** Builds the language schema's quick check (the verdict only). */
export function createQuickCheck(): GeneratedValidator;
