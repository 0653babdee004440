/**
 * Mocked `ai` answers, read as the real `sluice.ai` activity reads Gemini's: a raw answer goes through the
 * same answer reader (JSON parsing, the step's `output` schema), and a failure mode produces the result
 * the activity would (same error names, messages and retryability), so fail-open is tested for real.
 */
import type { StepActivityResult } from '../activities/contract';
import { fail } from '../activities/outcome';
import { DEFAULT_MODEL, type AiStepConfig } from '../steps/ai/activity';
import { readAnswer, type GeminiAnswer } from '../steps/ai/answer';
import type { AiFailure } from './format';

const textAnswer = (text: string, finishReason = 'STOP'): GeminiAnswer => ({ candidates: [{ content: { parts: [{ text }] }, finishReason }] });

/** The result of a mocked answer: text as Gemini would send it, or a value sent as JSON text. */
export function aiAnswer(config: AiStepConfig, answer: unknown): StepActivityResult {
  const text = typeof answer === 'string' ? answer : JSON.stringify(answer);
  return readAnswer(textAnswer(text), config.output);
}

/** The result of a failure mode. */
export function aiFailure(config: AiStepConfig, failure: AiFailure): StepActivityResult {
  const model = config.model ?? DEFAULT_MODEL;
  switch (failure) {
    case 'timeout':
      return fail('Timeout', `Gemini ${model} did not answer before the step's deadline`, true);
    case 'safety':
      return readAnswer({ candidates: [{ finishReason: 'SAFETY' }] }, config.output);
    case 'blockedPrompt':
      return readAnswer({ promptFeedback: { blockReason: 'SAFETY' } }, config.output);
    case 'invalidJson':
      // Parsed as JSON even for a step without an `output` schema, so the mode always fails.
      return readAnswer(textAnswer('Sure! Here is the JSON: {"label": '), config.output ?? {});
    case 'schemaMismatch': {
      const result = readAnswer(textAnswer('{"unexpected": true}'), config.output ?? { type: 'string' });
      return result.ok ? fail('AiError', "the answer does not match the step's output schema (mocked)", false) : result;
    }
    case 'empty':
      return readAnswer(textAnswer('', 'MAX_TOKENS'), config.output);
    case 'rateLimited':
      return fail('AiError', 'Gemini is rate limiting this key (429)', true, 429);
    case 'serverError':
      return fail('AiError', 'Gemini failed to answer (503)', true, 503);
  }
}
