/**
 * HTTP answers about a run: 202 with where to follow it, or — for `respond: sync` — the run's output once
 * it finishes, polling its status until the deadline.
 */
import type { HttpRequest, HttpResponseInit } from '@azure/functions';
import type { DurableClient } from 'durable-functions';
import { isFinished } from '../run-status';

/** 202 Accepted: the run id, the Durable management URLs and the run-history URL; `Location` polls status. */
export function acceptedResponse(client: DurableClient, request: HttpRequest, runId: string): HttpResponseInit {
  const links = client.createHttpManagementPayload(runId) as unknown as Record<string, string>;
  const base = new URL(request.url);
  const runUri = `${base.protocol}//${base.host}/api/runs/${encodeURIComponent(runId)}`;
  return {
    status: 202,
    headers: { location: links.statusQueryGetUri, 'retry-after': '1' },
    jsonBody: { runId, runUri, ...links },
  };
}

/** Waits up to `timeoutMs` for the run: 200 with its output, 500 with its error, or 202 when still running. */
export async function waitForRun(client: DurableClient, request: HttpRequest, runId: string, timeoutMs: number): Promise<HttpResponseInit> {
  const deadline = Date.now() + timeoutMs;
  let pause = 25;
  for (;;) {
    const status = await client.getStatus(runId, { showInput: false });
    const runtimeStatus = String(status.runtimeStatus);
    if (isFinished(runtimeStatus)) {
      if (runtimeStatus === 'Completed') return { status: 200, headers: { 'x-sluice-run-id': runId }, jsonBody: status.output ?? null };
      return { status: 500, headers: { 'x-sluice-run-id': runId }, jsonBody: { runId, status: runtimeStatus, error: status.output ?? null } };
    }
    const left = deadline - Date.now();
    if (left <= 0) return acceptedResponse(client, request, runId);
    await new Promise((resolve) => setTimeout(resolve, Math.min(pause, left)));
    pause = Math.min(pause * 2, 1000);
  }
}
