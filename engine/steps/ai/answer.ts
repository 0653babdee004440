/**
 * Reading a Gemini answer: blocked prompts and candidates, empty answers, JSON parsing and the
 * check against the step's `output` schema. No I/O: it works on the response as data.
 */
import type Ajv2020 from 'ajv/dist/2020';
import type { ValidateFunction } from 'ajv/dist/2020';
import { newJsonSchemaValidator } from '../../definition/json-schema-lib';
import type { StepActivityResult } from '../../activities/contract';
import { fail, succeed } from '../../activities/outcome';

/** The parts of a `generateContent` response the ai step reads. */
export interface GeminiAnswer {
  candidates?: Array<{ content?: { parts?: Array<{ text?: string; thought?: boolean }> }; finishReason?: string }>;
  promptFeedback?: { blockReason?: string; blockReasonMessage?: string };
}

// Finish reasons that mean the answer was withheld by a filter rather than cut short.
const BLOCKED = new Set(['SAFETY', 'RECITATION', 'BLOCKLIST', 'PROHIBITED_CONTENT', 'SPII', 'IMAGE_SAFETY', 'IMAGE_PROHIBITED_CONTENT']);

let ajv: Ajv2020 | undefined;
const validators = new Map<string, ValidateFunction>();

/** Compiles (once per process) the validator of an `output` schema; throws for an invalid schema. */
export function outputValidator(schema: object): ValidateFunction {
  const key = JSON.stringify(schema);
  let validate = validators.get(key);
  if (!validate) {
    validate = (ajv ??= newJsonSchemaValidator({ allErrors: true, strict: false }, true)).compile(schema);
    validators.set(key, validate);
  }
  return validate;
}

/**
 * The step result for an answer: the parsed JSON checked against `schema`, or the answer's text
 * when there is no schema; an `AiError` saying why otherwise.
 */
export function readAnswer(answer: GeminiAnswer, schema: object | undefined): StepActivityResult {
  const blocked = answer.promptFeedback?.blockReason;
  if (blocked) {
    const detail = answer.promptFeedback?.blockReasonMessage ? `: ${answer.promptFeedback.blockReasonMessage}` : '';
    return fail('AiError', `the prompt was blocked by Gemini (${blocked})${detail}`, false);
  }
  const candidate = answer.candidates?.[0];
  if (!candidate) return fail('AiError', 'Gemini returned no candidates', false);
  const reason = candidate.finishReason;
  if (reason && BLOCKED.has(reason)) return fail('AiError', `the answer was blocked by Gemini (finishReason ${reason})`, false);
  const text = (candidate.content?.parts ?? [])
    .filter((part) => typeof part.text === 'string' && part.thought !== true)
    .map((part) => part.text)
    .join('');
  const cut = reason && reason !== 'STOP' ? ` (finishReason ${reason})` : '';
  if (text.trim() === '') return fail('AiError', `Gemini returned an empty answer${cut}`, false);
  if (schema === undefined) return succeed(text);
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    return fail('AiError', `the answer is not valid JSON${cut}: ${(error as Error).message}; it starts with ${quote(text)}`, false);
  }
  const validate = outputValidator(schema);
  if (!validate(parsed)) {
    const errors = ajv!.errorsText(validate.errors, { dataVar: 'answer', separator: '; ' }); // compiled above
    return fail('AiError', `the answer does not match the step's output schema: ${errors}`, false);
  }
  return succeed(parsed);
}

function quote(text: string): string {
  return JSON.stringify(text.length > 120 ? `${text.slice(0, 120)}…` : text);
}
