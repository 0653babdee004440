import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createAiActivity, type AiStepConfig } from '../../engine/steps/ai/activity';
import { applyFailOpen } from '../../engine/steps/ai/fail-open';
import type { StepActivityInput, StepActivityResult } from '../../engine/activities/contract';
import { stepCall } from '../support/step-call';
import { startGeminiServer, type GeminiBehaviour, type GeminiServer } from '../support/gemini-server';

const KEY = 'fake-gemini-key-123';
const schema = {
  type: 'object',
  required: ['category'],
  properties: { category: { enum: ['standard', 'priority', 'fraud'] } },
};
const classify: AiStepConfig = {
  model: 'gemini-2.5-flash',
  prompt: 'Classify this order: two boxes of pears',
  system: 'You classify orders.',
  temperature: 0.2,
  output: schema,
  fallback: { category: 'standard' },
};

let gemini: GeminiServer;
beforeAll(async () => {
  gemini = await startGeminiServer();
});
afterAll(() => gemini.stop());
beforeEach(() => {
  gemini.calls.length = 0;
});

function input(config: AiStepConfig, timeoutMs?: number): StepActivityInput<AiStepConfig> {
  return { run: { id: 'r', workflow: 'wf', definitionHash: 'h' }, stepPath: 'classify', attempt: 1, ...stepCall(config), timeoutMs };
}

const activity = () => createAiActivity({ env: { GEMINI_API_KEY: KEY, GEMINI_BASE_URL: gemini.baseUrl } });

describe('ai activity against a local Gemini endpoint', () => {
  it('asks for JSON constrained by the output schema and returns the parsed answer', async () => {
    gemini.script({ kind: 'json', value: { category: 'priority' } });
    const result = await activity()(input(classify));
    // Gemini's usageMetadata travels in the result (the run's token budget sums it; history records it).
    expect(result).toEqual({ ok: true, output: { category: 'priority' }, usage: { model: 'gemini-2.5-flash', promptTokens: 10, outputTokens: 5, totalTokens: 15 } });
    expect(gemini.calls).toHaveLength(1);
    const call = gemini.calls[0];
    expect(call.model).toBe('gemini-2.5-flash');
    expect(call.apiKey).toBe(KEY);
    expect(call.body.contents?.[0].parts?.[0].text).toBe(classify.prompt);
    expect(call.body.systemInstruction?.parts?.[0].text).toBe('You classify orders.');
    expect(call.body.generationConfig).toMatchObject({ temperature: 0.2, responseMimeType: 'application/json', responseJsonSchema: schema });
  });

  it('returns plain text when the step declares no output schema, on the default model', async () => {
    gemini.script({ kind: 'text', text: 'A short summary.' });
    const result = await activity()(input({ prompt: 'Summarize', maxOutputTokens: 64 }));
    expect(result).toEqual({ ok: true, output: 'A short summary.', usage: { model: 'gemini-2.5-flash', promptTokens: 10, outputTokens: 5, totalTokens: 15 } });
    expect(gemini.calls[0].model).toBe('gemini-2.5-flash');
    expect(gemini.calls[0].body.generationConfig?.responseMimeType).toBeUndefined();
    expect(gemini.calls[0].body.generationConfig?.maxOutputTokens).toBe(64);
  });

  const failures: Array<[string, GeminiBehaviour, { retryable: boolean; status?: number; message: RegExp; name?: string }]> = [
    ['400', { kind: 'status', status: 400, message: 'bad schema' }, { retryable: false, status: 400, message: /rejected the request \(400\): INVALID_ARGUMENT bad schema/ }],
    ['429', { kind: 'status', status: 429, message: 'quota' }, { retryable: true, status: 429, message: /rate limiting/ }],
    ['503', { kind: 'status', status: 503, message: 'overloaded' }, { retryable: true, status: 503, message: /failed to answer \(503\)/ }],
    ['a blocked prompt', { kind: 'blockedPrompt', reason: 'SAFETY' }, { retryable: false, message: /prompt was blocked by Gemini \(SAFETY\)/ }],
    ['a blocked answer', { kind: 'blockedAnswer', finishReason: 'SAFETY' }, { retryable: false, message: /finishReason SAFETY/ }],
    ['no candidates', { kind: 'noCandidates' }, { retryable: false, message: /no candidates/ }],
    ['invalid JSON', { kind: 'text', text: '{"category": standard' }, { retryable: false, message: /not valid JSON.*starts with/ }],
    ['a schema mismatch', { kind: 'json', value: { category: 'urgent' } }, { retryable: false, message: /does not match the step's output schema: answer\/category must be equal to one of the allowed values/ }],
    ['a truncated answer', { kind: 'text', text: '{"category": "sta', finishReason: 'MAX_TOKENS' }, { retryable: false, message: /not valid JSON \(finishReason MAX_TOKENS\)/ }],
  ];

  it.each(failures)('fails with AiError on %s, once, and fails open to the fallback', async (_label, behaviour, expected) => {
    gemini.script(behaviour);
    const result = await activity()(input(classify));
    expect(result).toMatchObject({ ok: false, error: { name: expected.name ?? 'AiError', retryable: expected.retryable } });
    if (result.ok) return;
    expect(result.error.message).toMatch(expected.message);
    expect(result.error.status).toBe(expected.status);
    // The SDK must not retry on its own: the orchestrator owns retries.
    expect(gemini.calls).toHaveLength(1);
    expectFallback(result);
  });

  it('gives up at the step deadline with a retryable Timeout', async () => {
    gemini.script({ kind: 'hang' });
    const result = await activity()(input(classify, 300));
    expect(result).toMatchObject({ ok: false, error: { name: 'Timeout', retryable: true } });
    expectFallback(result);
  });

  it('fails without a key, before any call', async () => {
    const result = await createAiActivity({ env: { GEMINI_BASE_URL: gemini.baseUrl } })(input(classify));
    expect(result).toMatchObject({ ok: false, error: { name: 'AiError', retryable: false, message: expect.stringContaining('GEMINI_API_KEY') } });
    expect(gemini.calls).toHaveLength(0);
    expectFallback(result);
  });

  it('reports a network failure as retryable', async () => {
    const result = await createAiActivity({ env: { GEMINI_API_KEY: KEY, GEMINI_BASE_URL: 'http://127.0.0.1:1' } })(input(classify));
    expect(result).toMatchObject({ ok: false, error: { name: 'AiError', retryable: true } });
  });

  it('refuses an invalid output schema as a ValidationError', async () => {
    const result = await activity()(input({ ...classify, output: { type: 'no-such-type' } }));
    expect(result).toMatchObject({ ok: false, error: { name: 'ValidationError', retryable: false } });
  });

  it('resolves secrets in the prompt and never returns them', async () => {
    gemini.script({ kind: 'text', text: 'the code is hunter2-xyz' });
    const run = createAiActivity({ env: { GEMINI_API_KEY: KEY, GEMINI_BASE_URL: gemini.baseUrl, CODE: 'hunter2-xyz', SLUICE_SECRETS: 'CODE' } });
    const result = await run(input({ model: 'm', prompt: 'Repeat ${{ secrets.CODE }}' }));
    expect(gemini.calls[0].body.contents?.[0].parts?.[0].text).toBe('Repeat hunter2-xyz');
    expect(result).toMatchObject({ ok: true, output: 'the code is ***' });
  });
});

describe('applyFailOpen', () => {
  const failed: StepActivityResult = { ok: false, error: { name: 'AiError', message: 'Gemini failed to answer (503)', retryable: true } };

  it('keeps a success as it is', () => {
    const ok: StepActivityResult = { ok: true, output: { category: 'fraud' } };
    expect(applyFailOpen(classify, ok)).toBe(ok);
  });

  it('keeps the failure when failOpen is false or there is no fallback', () => {
    expect(applyFailOpen({ ...classify, failOpen: false }, failed)).toBe(failed);
    expect(applyFailOpen({ fallback: undefined }, failed)).toBe(failed);
  });

  it('accepts a null fallback', () => {
    expect(applyFailOpen({ fallback: null }, failed)).toEqual({ ok: true, output: null, degraded: { reason: 'AiError: Gemini failed to answer (503)' } });
  });
});

function expectFallback(result: StepActivityResult): void {
  const opened = applyFailOpen(classify, result);
  expect(opened).toMatchObject({ ok: true, output: { category: 'standard' }, degraded: { reason: expect.stringMatching(/^(AiError|Timeout): /) } });
}

describe('fail-open purity', () => {
  it('imports only the contract types, so the orchestrator may call it', () => {
    const source = readFileSync('engine/steps/ai/fail-open.ts', 'utf8');
    expect([...source.matchAll(/^import (type )?.* from '([^']+)';$/gm)].map((m) => `${m[1] ?? ''}${m[2]}`)).toEqual(['type ../../activities/contract']);
  });
});
