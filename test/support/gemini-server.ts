/**
 * A local server speaking Gemini's REST API (`POST /v1beta/models/{model}:generateContent`) with
 * scriptable answers, for ai step tests: point `GEMINI_BASE_URL` at `baseUrl`. Queued behaviours
 * answer requests in order; when the queue is empty, the default answers.
 */
import type * as http from 'node:http';
import { sendJson, startHttpServer, type SeenRequest } from './local-http';

/** How the server answers one request. */
export type GeminiBehaviour =
  | { kind: 'json'; value: unknown } // a candidate whose text is this value as JSON
  | { kind: 'text'; text: string; finishReason?: string } // a candidate with raw text (e.g. invalid JSON)
  | { kind: 'status'; status: number; message?: string } // a Google-style error body
  | { kind: 'blockedPrompt'; reason?: string } // promptFeedback.blockReason, no candidates
  | { kind: 'blockedAnswer'; finishReason?: string } // a candidate stopped by a filter, no text
  | { kind: 'noCandidates' }
  | { kind: 'hang' }; // never answers (the client must time out)

/** A `generateContent` call as the server saw it. */
export interface GeminiCall {
  model: string;
  apiKey: string | undefined;
  body: {
    contents?: Array<{ role?: string; parts?: Array<{ text?: string }> }>;
    systemInstruction?: { parts?: Array<{ text?: string }> };
    generationConfig?: Record<string, unknown>;
  };
}

/** A running fake Gemini endpoint. */
export interface GeminiServer {
  baseUrl: string;
  calls: GeminiCall[];
  /** Queues behaviours for the next requests, in order. */
  script(...behaviours: GeminiBehaviour[]): void;
  /** Sets what answers when nothing is queued. */
  setDefault(behaviour: GeminiBehaviour): void;
  stop(): Promise<void>;
}

const STATUS_NAMES: Record<number, string> = {
  400: 'INVALID_ARGUMENT',
  403: 'PERMISSION_DENIED',
  404: 'NOT_FOUND',
  429: 'RESOURCE_EXHAUSTED',
  500: 'INTERNAL',
  503: 'UNAVAILABLE',
};

/** Starts the fake endpoint on 127.0.0.1 and a free port. */
export async function startGeminiServer(): Promise<GeminiServer> {
  const queue: GeminiBehaviour[] = [];
  const calls: GeminiCall[] = [];
  let fallback: GeminiBehaviour = { kind: 'json', value: {} };
  const server = await startHttpServer((request, response) => {
    const match = /^\/v1beta\/models\/([^/:]+):generateContent/.exec(request.url);
    if (request.method !== 'POST' || !match) return sendJson(response, 404, googleError(404, `no route ${request.url}`));
    calls.push({ model: decodeURIComponent(match[1]), apiKey: apiKeyOf(request), body: JSON.parse(request.body || '{}') });
    answer(queue.shift() ?? fallback, response);
  });
  return {
    baseUrl: server.url,
    calls,
    script: (...behaviours) => void queue.push(...behaviours),
    setDefault: (behaviour) => void (fallback = behaviour),
    stop: server.stop,
  };
}

function answer(behaviour: GeminiBehaviour, response: http.ServerResponse): void {
  switch (behaviour.kind) {
    case 'hang':
      return;
    case 'status':
      return sendJson(response, behaviour.status, googleError(behaviour.status, behaviour.message ?? 'scripted failure'));
    case 'json':
      return sendJson(response, 200, candidate(JSON.stringify(behaviour.value), 'STOP'));
    case 'text':
      return sendJson(response, 200, candidate(behaviour.text, behaviour.finishReason ?? 'STOP'));
    case 'blockedPrompt':
      return sendJson(response, 200, { promptFeedback: { blockReason: behaviour.reason ?? 'SAFETY' }, usageMetadata: usage() });
    case 'blockedAnswer':
      return sendJson(response, 200, {
        candidates: [{ content: { role: 'model', parts: [] }, finishReason: behaviour.finishReason ?? 'SAFETY', index: 0 }],
        usageMetadata: usage(),
      });
    case 'noCandidates':
      return sendJson(response, 200, { candidates: [], usageMetadata: usage() });
  }
}

function candidate(text: string, finishReason: string) {
  return {
    candidates: [{ content: { parts: [{ text }], role: 'model' }, finishReason, index: 0 }],
    promptFeedback: {},
    usageMetadata: usage(),
    modelVersion: 'fake-gemini',
  };
}

function usage() {
  return { promptTokenCount: 10, candidatesTokenCount: 5, totalTokenCount: 15 };
}

function googleError(status: number, message: string) {
  return { error: { code: status, message, status: STATUS_NAMES[status] ?? 'UNKNOWN' } };
}

function apiKeyOf(request: SeenRequest): string | undefined {
  const header = request.headers['x-goog-api-key'];
  if (typeof header === 'string') return header;
  return new URL(request.url, 'http://x').searchParams.get('key') ?? undefined;
}
