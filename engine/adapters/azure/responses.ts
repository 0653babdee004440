/**
 * HTTP answers about a run: 202 with where to follow it, or — for `respond: sync` — the run's output once
 * it finishes, polling its status until the deadline. Every URL names the origin the request came to.
 */
import type { HttpRequest, HttpResponseInit } from '@azure/functions';
import type { DurableClient } from 'durable-functions';
import { isFinished, runErrorOf } from '../run-status';

/**
 * 202 Accepted: the run id, the Durable management URLs and the run-history URL; `Location` polls status.
 * The URLs name the scheme, host and port of the request, as the SDK's `createCheckStatusResponse` does:
 * `createHttpManagementPayload` alone keeps the binding's origin, which the SDK rewrites to
 * `localhost:7071` whenever `WEBSITE_HOSTNAME` is unset (every local host), whatever port served the call.
 * In Azure the request's origin is the app's public one, the same as the extension's.
 */
export function acceptedResponse(client: DurableClient, request: HttpRequest, runId: string): HttpResponseInit {
  const base = new URL(request.url);
  const links = Object.fromEntries(
    Object.entries(client.createHttpManagementPayload(runId) as unknown as Record<string, string>).map(([key, value]) => [key, onOrigin(value, base.origin)]),
  );
  const runUri = `${base.origin}/api/runs/${encodeURIComponent(runId)}`;
  return {
    status: 202,
    headers: { location: links.statusQueryGetUri, 'retry-after': '1' },
    jsonBody: { runId, runUri, ...links },
  };
}

/**
 * Waits up to `timeoutMs` for the run: 200 with its output; 422 with `{ runId, status, error }` when it ended
 * otherwise (a `fail` step is the workflow refusing the request, not a server fault: the error is
 * `{ name, message, step }`; a terminated run has the reason as its message); 202 when still running.
 */
export async function waitForRun(client: DurableClient, request: HttpRequest, runId: string, timeoutMs: number): Promise<HttpResponseInit> {
  const deadline = Date.now() + timeoutMs;
  let pause = 25;
  for (;;) {
    const status = await client.getStatus(runId, { showInput: false });
    const runtimeStatus = String(status.runtimeStatus);
    if (isFinished(runtimeStatus)) {
      if (runtimeStatus === 'Completed') return { status: 200, headers: { 'x-sluice-run-id': runId }, jsonBody: status.output ?? null };
      const error = runtimeStatus === 'Failed' ? runErrorOf(status.output) : { name: runtimeStatus, message: String(status.output ?? `the run was ${runtimeStatus.toLowerCase()}`), step: null };
      return { status: 422, headers: { 'x-sluice-run-id': runId }, jsonBody: { runId, status: runtimeStatus, error } };
    }
    const left = deadline - Date.now();
    if (left <= 0) return acceptedResponse(client, request, runId);
    await new Promise((resolve) => setTimeout(resolve, Math.min(pause, left)));
    pause = Math.min(pause * 2, 1000);
  }
}

/** `url` with its origin replaced; values that are not absolute URLs (the instance id) are kept. */
function onOrigin(url: string, origin: string): string {
  return /^https?:\/\//.test(url) ? origin + url.slice(new URL(url).origin.length) : url;
}
