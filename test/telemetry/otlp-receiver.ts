/**
 * A tiny OTLP/HTTP receiver for tests: accepts `POST /v1/traces` and `/v1/metrics` in the JSON encoding
 * (what `@opentelemetry/exporter-*-otlp-http` send) and keeps the spans flattened.
 */
import { sendJson, startHttpServer } from '../support/local-http';

/** A span as received, attributes as a plain object. */
export interface ReceivedSpan {
  name: string;
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  kind?: number;
  status?: { code?: number; message?: string };
  attributes: Record<string, unknown>;
}

/** A running receiver. */
export interface OtlpReceiver {
  url: string;
  spans: ReceivedSpan[];
  metricNames: Set<string>;
  stop(): Promise<void>;
}

interface KeyValue {
  key: string;
  value: Record<string, unknown>;
}

function valueOf(value: Record<string, unknown>): unknown {
  if ('stringValue' in value) return value.stringValue;
  if ('intValue' in value) return Number(value.intValue);
  if ('doubleValue' in value) return value.doubleValue;
  if ('boolValue' in value) return value.boolValue;
  return value;
}

/** Starts the receiver on 127.0.0.1 and a free port. */
export async function startOtlpReceiver(): Promise<OtlpReceiver> {
  const spans: ReceivedSpan[] = [];
  const metricNames = new Set<string>();
  const server = await startHttpServer((request, response) => {
    const body = JSON.parse(request.body || '{}');
    if (request.url.startsWith('/v1/traces')) {
      for (const resource of body.resourceSpans ?? []) {
        for (const scope of resource.scopeSpans ?? []) {
          for (const span of scope.spans ?? []) {
            spans.push({
              name: span.name,
              traceId: span.traceId,
              spanId: span.spanId,
              ...(span.parentSpanId ? { parentSpanId: span.parentSpanId } : {}),
              kind: span.kind,
              status: span.status,
              attributes: Object.fromEntries((span.attributes ?? []).map((kv: KeyValue) => [kv.key, valueOf(kv.value)])),
            });
          }
        }
      }
    } else if (request.url.startsWith('/v1/metrics')) {
      for (const resource of body.resourceMetrics ?? []) for (const scope of resource.scopeMetrics ?? []) for (const metric of scope.metrics ?? []) metricNames.add(metric.name);
    }
    sendJson(response, 200, {});
  });
  return { url: server.url, spans, metricNames, stop: () => server.stop() };
}
