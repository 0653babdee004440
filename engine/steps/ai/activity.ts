/**
 * The `sluice.ai` activity: one Gemini `generateContent` call through `@google/genai`, asking for
 * JSON constrained by the step's `output` schema and checking the answer with ajv. It does not
 * apply the fallback: the orchestrator does (`applyFailOpen`) once its retries are spent.
 */
import type * as GenAI from '@google/genai' with { 'resolution-mode': 'import' };
import type { AiUsage, StepActivityInput, StepActivityResult } from '../../activities/contract';
import { describeError, fail, isAbort, withDeadline } from '../../activities/outcome';
import { createRedactor, resolveSecrets, type Redactor } from '../../activities/secrets';
import type { SettingsEnv } from '../../settings';
import { outputValidator, readAnswer, type GeminiAnswer } from './answer';
import type { FailOpenConfig } from './fail-open';

// @google/genai is an ES module package whose types TypeScript only offers to `import`; it ships a
// CommonJS build for `require` too, which is what this CommonJS app loads — on the first ai step, not
// at start-up (a Functions cold start should not pay for an SDK a workflow may never use).
let genai: typeof GenAI | undefined;
// eslint-disable-next-line @typescript-eslint/no-require-imports
const gemini = (): typeof GenAI => (genai ??= require('@google/genai') as typeof GenAI);

/** The `ai` step body, expressions evaluated. */
export interface AiStepConfig extends FailOpenConfig {
  /** Default `gemini-2.5-flash`. */
  model?: string;
  prompt: string;
  system?: string;
  temperature?: number;
  maxOutputTokens?: number;
  /** JSON Schema of the answer; without it the answer is plain text. */
  output?: object;
}

/** The model of an ai step that names none (the language's documented default). */
export const DEFAULT_MODEL = 'gemini-2.5-flash';

/** What the ai activity reads from its environment. */
export interface AiActivityOptions {
  /** `GEMINI_API_KEY`, `GEMINI_BASE_URL` and secrets come from here; default `process.env`. */
  env?: SettingsEnv;
  /** Upper bound of a call when the step has no timeout. */
  defaultTimeoutMs?: number;
}

/** Creates the `sluice.ai` activity. */
export function createAiActivity(options: AiActivityOptions = {}) {
  return async function aiActivity(input: StepActivityInput<AiStepConfig>): Promise<StepActivityResult> {
    const env = options.env ?? process.env;
    const secrets = resolveSecrets(input.config, input.secrets, env);
    if (!secrets.ok) return { ok: false, error: secrets.error };
    const config = { ...secrets.value, model: secrets.value?.model ?? DEFAULT_MODEL };
    const invalid = checkConfig(config);
    if (invalid) return fail('ValidationError', secrets.redact.text(invalid), false);
    const apiKey = env.GEMINI_API_KEY;
    if (!apiKey) return fail('AiError', 'GEMINI_API_KEY is not set: add the Gemini API key as an app setting', false);
    const redact = createRedactor([...secrets.values, apiKey]);
    const timeoutMs = input.timeoutMs ?? options.defaultTimeoutMs ?? 120_000;
    const what = `Gemini ${config.model}`;
    return withDeadline(timeoutMs, what, (signal) => generate(config, apiKey, env.GEMINI_BASE_URL, signal, redact), redact);
  };
}

/** The `sluice.ai` activity reading `process.env`. */
export const aiActivity = createAiActivity();

async function generate(config: AiStepConfig & { model: string }, apiKey: string, baseUrl: string | undefined, signal: AbortSignal, redact: Redactor): Promise<StepActivityResult> {
  const client = new (gemini().GoogleGenAI)({
    apiKey,
    // One attempt: the orchestrator owns retries (with durable timers, its filter and jitter).
    httpOptions: { ...(baseUrl ? { baseUrl } : {}), retryOptions: { attempts: 1 } },
  });
  const request: GenAI.GenerateContentConfig = { abortSignal: signal };
  if (config.system !== undefined) request.systemInstruction = config.system;
  if (config.temperature !== undefined) request.temperature = config.temperature;
  if (config.maxOutputTokens !== undefined) request.maxOutputTokens = config.maxOutputTokens;
  if (config.output !== undefined) {
    request.responseMimeType = 'application/json';
    request.responseJsonSchema = config.output;
  }
  try {
    const response = await client.models.generateContent({ model: config.model, contents: config.prompt, config: request });
    const result = readAnswer(response as GeminiAnswer, config.output);
    const usage = usageOf(config.model, response.usageMetadata);
    return result.ok && usage ? { ...result, usage } : result;
  } catch (error) {
    return callFailure(config.model, error, signal, redact);
  }
}

/** The call's token counts from Gemini's `usageMetadata` (thinking tokens count as output), if it sent any. */
export function usageOf(model: string, metadata: GenAI.GenerateContentResponseUsageMetadata | undefined): AiUsage | undefined {
  if (!metadata) return undefined;
  const count = (value: unknown): number => (typeof value === 'number' && Number.isFinite(value) && value >= 0 ? Math.floor(value) : 0);
  const promptTokens = count(metadata.promptTokenCount);
  const outputTokens = count(metadata.candidatesTokenCount) + count(metadata.thoughtsTokenCount);
  const totalTokens = count(metadata.totalTokenCount) || promptTokens + outputTokens;
  return { model, promptTokens, outputTokens, totalTokens };
}

function checkConfig(config: AiStepConfig): string | undefined {
  if (typeof config.model !== 'string' || config.model === '') return 'ai step `model` must be a model name';
  if (typeof config.prompt !== 'string' || config.prompt === '') return 'ai step needs a `prompt` string';
  if (config.output === undefined) return undefined;
  try {
    outputValidator(config.output);
    return undefined;
  } catch (error) {
    return `ai step output schema is invalid: ${(error as Error).message}`;
  }
}

/** Maps a thrown SDK error to an `AiError` (or `Timeout`), retryable for 429, 5xx and network errors. */
function callFailure(model: string, error: unknown, signal: AbortSignal, redact: Redactor): StepActivityResult {
  if (isAbort(error, signal)) return fail('Timeout', `Gemini ${model} did not answer before the step's deadline`, true);
  const status = (error as { status?: unknown }).status;
  if ((error as Error).name === 'ApiError' && typeof status === 'number') {
    const detail = redact.text(apiErrorDetail((error as Error).message));
    const retryable = status === 429 || status >= 500;
    return fail('AiError', `${statusMeaning(status, model)} (${status})${detail ? `: ${detail}` : ''}`, retryable, status);
  }
  return fail('AiError', `the call to Gemini ${model} failed: ${describeError(error, redact)}`, true);
}

function statusMeaning(status: number, model: string): string {
  if (status === 429) return 'Gemini is rate limiting this key';
  if (status === 401 || status === 403) return 'Gemini refused the API key';
  if (status === 404) return `Gemini has no model "${model}"`;
  if (status >= 500) return 'Gemini failed to answer';
  return 'Gemini rejected the request';
}

// ApiError messages are the JSON error body, `{ error: { message, status } }`.
function apiErrorDetail(message: string): string {
  try {
    const body = JSON.parse(message) as { error?: { message?: string; status?: string } };
    return [body.error?.status, body.error?.message].filter(Boolean).join(' ');
  } catch {
    return message.slice(0, 300);
  }
}
