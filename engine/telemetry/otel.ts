/**
 * The OpenTelemetry pipeline, started only when something would receive what it sends:
 * - `OTEL_EXPORTER_OTLP_ENDPOINT` (or `OTEL_EXPORTER_OTLP_TRACES_ENDPOINT` / `..._METRICS_ENDPOINT`):
 *   spans and metrics over OTLP/HTTP (JSON), the exporters reading the standard `OTEL_*` settings;
 * - `APPLICATIONINSIGHTS_CONNECTION_STRING`: Azure Monitor's distro (`useAzureMonitor`) for metrics,
 *   and its trace exporter for Sluice's spans.
 * With neither (or `OTEL_SDK_DISABLED=true`) no SDK is loaded and every call here is a check of a
 * variable. The SDK packages load on the first span or metric, never at import (cold start).
 *
 * Sluice's spans are not made through a Tracer: their ids are derived (ids.ts) so that activities on
 * different hosts parent one another, and their times are the attempt's or the orchestration's, so they
 * are built as finished spans and handed to the batch processor.
 */
import type { Attributes, Counter, Histogram, Meter } from '@opentelemetry/api';
import type { ReadableSpan, SpanProcessor } from '@opentelemetry/sdk-trace-base';

/** A finished span as Sluice describes it. */
export interface SpanRecord {
  name: string;
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  /** Set when the parent is the caller's span (an incoming `traceparent`). */
  parentIsRemote?: boolean;
  /** Epoch milliseconds. */
  startMs: number;
  endMs: number;
  /** `server` for a run started by a request, `client` for an outgoing call, else internal. */
  kind?: 'internal' | 'server' | 'client' | 'producer';
  error?: string;
  attributes: Attributes;
}

/** The instruments Sluice records. */
export interface SluiceMetrics {
  runs: Counter;
  stepDuration: Histogram;
  retries: Counter;
  degraded: Counter;
  deadLetters: Counter;
  aiTokens: Counter;
}

interface Pipeline {
  spans?: SpanProcessor;
  resource: import('@opentelemetry/resources').Resource;
  metrics?: SluiceMetrics;
  shutdown(): Promise<void>;
}

let pipeline: Pipeline | null | undefined;

/** Whether telemetry is configured in `env` (cheap: no package is loaded). */
export function telemetryConfigured(env: NodeJS.ProcessEnv = process.env): boolean {
  if ((env.OTEL_SDK_DISABLED ?? '').toLowerCase() === 'true') return false;
  return Boolean(otlpTraces(env) || otlpMetrics(env) || env.APPLICATIONINSIGHTS_CONNECTION_STRING);
}

function otlpTraces(env: NodeJS.ProcessEnv): boolean {
  return Boolean(env.OTEL_EXPORTER_OTLP_ENDPOINT || env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT) && env.OTEL_TRACES_EXPORTER !== 'none';
}

function otlpMetrics(env: NodeJS.ProcessEnv): boolean {
  return Boolean(env.OTEL_EXPORTER_OTLP_ENDPOINT || env.OTEL_EXPORTER_OTLP_METRICS_ENDPOINT) && env.OTEL_METRICS_EXPORTER !== 'none';
}

function started(): Pipeline | null {
  if (pipeline !== undefined) return pipeline;
  pipeline = telemetryConfigured() ? start(process.env) : null;
  return pipeline;
}

/* eslint-disable @typescript-eslint/no-require-imports */
function start(env: NodeJS.ProcessEnv): Pipeline {
  const { resourceFromAttributes, defaultResource, detectResources, envDetector } = require('@opentelemetry/resources') as typeof import('@opentelemetry/resources');
  const { BatchSpanProcessor } = require('@opentelemetry/sdk-trace-base') as typeof import('@opentelemetry/sdk-trace-base');
  const resource = defaultResource()
    .merge(resourceFromAttributes({ 'service.name': 'sluice' }))
    .merge(detectResources({ detectors: [envDetector] }));
  const closers: Array<() => Promise<void>> = [];
  let spans: SpanProcessor | undefined;
  let meter: Meter | undefined;
  const insights = env.APPLICATIONINSIGHTS_CONNECTION_STRING;
  if (insights && !otlpTraces(env)) {
    const distro = require('@azure/monitor-opentelemetry') as typeof import('@azure/monitor-opentelemetry');
    distro.useAzureMonitor({ azureMonitorExporterOptions: { connectionString: insights }, resource });
    closers.push(() => distro.shutdownAzureMonitor());
    // The distro's own exporter package, resolved where the distro resolves it.
    const { createRequire } = require('node:module') as typeof import('node:module');
    const fromDistro = createRequire(require.resolve('@azure/monitor-opentelemetry'));
    const { AzureMonitorTraceExporter } = fromDistro('@azure/monitor-opentelemetry-exporter');
    spans = new BatchSpanProcessor(new AzureMonitorTraceExporter({ connectionString: insights }));
    meter = (require('@opentelemetry/api') as typeof import('@opentelemetry/api')).metrics.getMeter('sluice');
  }
  if (otlpTraces(env)) {
    const { OTLPTraceExporter } = require('@opentelemetry/exporter-trace-otlp-http') as typeof import('@opentelemetry/exporter-trace-otlp-http');
    spans = new BatchSpanProcessor(new OTLPTraceExporter());
  }
  if (otlpMetrics(env)) {
    const { MeterProvider, PeriodicExportingMetricReader } = require('@opentelemetry/sdk-metrics') as typeof import('@opentelemetry/sdk-metrics');
    const { OTLPMetricExporter } = require('@opentelemetry/exporter-metrics-otlp-http') as typeof import('@opentelemetry/exporter-metrics-otlp-http');
    const interval = Number(env.OTEL_METRIC_EXPORT_INTERVAL) || 60_000;
    const provider = new MeterProvider({ resource, readers: [new PeriodicExportingMetricReader({ exporter: new OTLPMetricExporter(), exportIntervalMillis: interval })] });
    closers.push(() => provider.shutdown());
    meter = provider.getMeter('sluice');
  }
  if (spans) closers.unshift(() => spans!.shutdown());
  return {
    spans,
    resource,
    metrics: meter ? instruments(meter) : undefined,
    shutdown: async () => {
      await Promise.all(closers.map((close) => close().catch(() => undefined)));
    },
  };
}
/* eslint-enable @typescript-eslint/no-require-imports */

function instruments(meter: Meter): SluiceMetrics {
  return {
    runs: meter.createCounter('sluice.runs', { description: 'Finished runs, by workflow and status' }),
    stepDuration: meter.createHistogram('sluice.step.duration', { unit: 'ms', description: 'Step duration, by workflow, kind and status' }),
    retries: meter.createCounter('sluice.step.retries', { description: 'Step attempts after the first, by workflow and kind' }),
    degraded: meter.createCounter('sluice.step.degraded', { description: 'Steps that went on degraded, by workflow, kind and reason' }),
    deadLetters: meter.createCounter('sluice.dead_letters', { description: 'Dead letters sent, by workflow and queue' }),
    aiTokens: meter.createCounter('sluice.ai.tokens', { unit: '{token}', description: 'Gemini tokens, by workflow, model and type (prompt, output, total)' }),
  };
}

/** The metric instruments, or undefined when no metrics are exported. */
export function sluiceMetrics(): SluiceMetrics | undefined {
  return started()?.metrics;
}

/** Hands finished spans to the exporter; does nothing when no traces are exported. */
export function emitSpans(records: readonly SpanRecord[]): void {
  const current = started();
  if (!current?.spans || records.length === 0) return;
  for (const record of records) current.spans.onEnd(readableSpan(record, current.resource));
}

/** Exports what is buffered and stops the pipeline (the runtime's stop, the tests). The next span starts it anew. */
export async function shutdownTelemetry(): Promise<void> {
  const current = pipeline;
  pipeline = undefined;
  await current?.shutdown();
}

/** Exports what is buffered now. */
export async function flushTelemetry(): Promise<void> {
  await pipeline?.spans?.forceFlush();
}

const KINDS = { internal: 0, server: 1, client: 2, producer: 3 } as const;

function hrTime(ms: number): [number, number] {
  const seconds = Math.floor(ms / 1000);
  return [seconds, Math.round((ms - seconds * 1000) * 1e6)];
}

function readableSpan(record: SpanRecord, resource: Pipeline['resource']): ReadableSpan {
  const endMs = Math.max(record.endMs, record.startMs);
  const context = { traceId: record.traceId, spanId: record.spanId, traceFlags: 1 };
  return {
    name: record.name,
    kind: KINDS[record.kind ?? 'internal'],
    spanContext: () => context,
    ...(record.parentSpanId
      ? { parentSpanContext: { traceId: record.traceId, spanId: record.parentSpanId, traceFlags: 1, isRemote: record.parentIsRemote ?? false } }
      : {}),
    startTime: hrTime(record.startMs),
    endTime: hrTime(endMs),
    duration: hrTime(endMs - record.startMs),
    // SpanStatusCode: 1 OK, 2 ERROR.
    status: record.error === undefined ? { code: 1 } : { code: 2, message: record.error },
    attributes: record.attributes,
    links: [],
    events: [],
    ended: true,
    resource,
    instrumentationScope: { name: 'sluice' },
    droppedAttributesCount: 0,
    droppedEventsCount: 0,
    droppedLinksCount: 0,
  };
}
