/**
 * Acceptance (#19): a run with an http step that is retried and a sub-workflow, started over HTTP with
 * a caller's `traceparent`, exports one trace to a local OTLP/HTTP receiver: the run's span under the
 * caller's, step spans under the run, attempt spans under their step, the child run under its
 * `workflow` step, and the called service saw each attempt's span as its parent.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SluiceRuntime } from '../../engine/adapters/local/runtime';
import { configureLog } from '../../engine/telemetry/log';
import { shutdownTelemetry } from '../../engine/telemetry/otel';
import { startHttpServer, sendJson, type LocalHttpServer } from '../support/local-http';
import { startOtlpReceiver, type OtlpReceiver, type ReceivedSpan } from './otlp-receiver';

const CALLER_TRACE = '4bf92f3577b34da6a3ce929d0e0e4736';
const CALLER_SPAN = '00f067aa0ba902b7';

describe('traces over OTLP', () => {
  let receiver: OtlpReceiver;
  let service: LocalHttpServer;
  let runtime: SluiceRuntime;
  let root: string;
  const saved = { ...process.env };

  beforeAll(async () => {
    receiver = await startOtlpReceiver();
    let flaky = 0;
    service = await startHttpServer((request, response) => {
      if (request.url.startsWith('/flaky') && flaky++ === 0) return sendJson(response, 503, { error: 'try again' });
      sendJson(response, 200, { ok: true, path: request.url });
    });
    root = mkdtempSync(join(tmpdir(), 'sluice-otlp-'));
    mkdirSync(join(root, 'workflows'));
    writeFileSync(join(root, 'package.json'), '{"name":"otlp-fixture"}');
    writeFileSync(
      join(root, 'workflows', 'traced.yaml'),
      [
        'name: traced',
        'triggers:',
        '  http: { route: traced, respond: sync }',
        'steps:',
        '  - id: call',
        `    http: { url: "${service.url}/flaky", method: GET }`,
        '    retry: { maxAttempts: 3, interval: 100ms }',
        '  - id: child',
        '    workflow: traced-child',
        '    input: {}',
        'output: ${{ steps.child.output }}',
        '',
      ].join('\n'),
    );
    writeFileSync(
      join(root, 'workflows', 'traced-child.yaml'),
      ['name: traced-child', 'steps:', '  - id: ping', `    http: { url: "${service.url}/ping", method: GET }`, 'output: ${{ steps.ping.output.body }}', ''].join('\n'),
    );
    Object.assign(process.env, {
      OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url,
      OTEL_BSP_SCHEDULE_DELAY: '100',
      OTEL_METRIC_EXPORT_INTERVAL: '300',
      OTEL_SERVICE_NAME: 'sluice-test',
      SLUICE_HTTP_ALLOW: '127.0.0.1',
    });
    configureLog({ level: 'silent' });
    await shutdownTelemetry(); // a pipeline from an earlier test in this worker would keep its settings
    runtime = await new SluiceRuntime({ root, port: 0, dataDir: join(root, '.sluice'), durableFile: ':memory:', log: () => undefined }).start();
  }, 120_000);

  afterAll(async () => {
    await runtime?.stop();
    await shutdownTelemetry();
    await service?.stop();
    await receiver?.stop();
    process.env = saved;
    configureLog({ level: undefined });
    if (root) rmSync(root, { recursive: true, force: true });
  });

  it('exports one trace under the caller, parented across attempts and the sub-workflow', async () => {
    const response = await fetch(`${runtime.url}/api/traced`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', traceparent: `00-${CALLER_TRACE}-${CALLER_SPAN}-01` },
      body: '{}',
    });
    expect(response.status, await response.clone().text()).toBe(200);

    const find = (name: string) => receiver.spans.find((span) => span.name === name);
    const wanted = ['run traced', 'run traced-child', 'http call', 'http call #1', 'http call #2', 'workflow child', 'http ping', 'http ping #1'];
    for (let i = 0; i < 200 && wanted.some((name) => !find(name)); i++) await new Promise((done) => setTimeout(done, 100));
    const [run, childRun, call, first, second, child, ping, pingAttempt] = wanted.map((name) => {
      const span = find(name);
      expect(span, `span "${name}" in ${JSON.stringify(receiver.spans.map((s) => s.name))}`).toBeDefined();
      return span as ReceivedSpan;
    });

    // One trace: the caller's.
    for (const span of [run, childRun, call, first, second, child, ping, pingAttempt]) expect(span.traceId).toBe(CALLER_TRACE);
    expect(run.parentSpanId).toBe(CALLER_SPAN);
    expect(run.attributes).toMatchObject({ 'sluice.workflow': 'traced', 'sluice.run.status': 'Completed', 'sluice.trigger': 'http' });
    expect(run.kind).toBe(2); // SPAN_KIND_SERVER in OTLP's numbering

    // Steps under the run, attempts under their step.
    expect(call.parentSpanId).toBe(run.spanId);
    expect(call.attributes).toMatchObject({ 'sluice.step.kind': 'http', 'sluice.step.status': 'Completed', 'sluice.step.attempts': 2 });
    expect(first.parentSpanId).toBe(call.spanId);
    expect(second.parentSpanId).toBe(call.spanId);
    expect(first.attributes).toMatchObject({ 'sluice.attempt': 1, 'sluice.attempt.status': 'Failed', 'error.type': 'HttpError' });
    expect(first.status?.code).toBe(2);
    expect(second.attributes).toMatchObject({ 'sluice.attempt': 2, 'sluice.attempt.status': 'Completed' });

    // The sub-workflow's run hangs under the parent's `workflow` step.
    expect(child.parentSpanId).toBe(run.spanId);
    expect(childRun.parentSpanId).toBe(child.spanId);
    expect(ping.parentSpanId).toBe(childRun.spanId);
    expect(pingAttempt.parentSpanId).toBe(ping.spanId);

    // What the called service saw: each attempt's span as its parent, in the caller's trace.
    const seen = service.requests.map((request) => ({ path: request.url, traceparent: request.headers.traceparent }));
    expect(seen).toEqual([
      { path: '/flaky', traceparent: `00-${CALLER_TRACE}-${first.spanId}-01` },
      { path: '/flaky', traceparent: `00-${CALLER_TRACE}-${second.spanId}-01` },
      { path: '/ping', traceparent: `00-${CALLER_TRACE}-${pingAttempt.spanId}-01` },
    ]);

    // Each span once (replays emit nothing).
    const names = receiver.spans.map((span) => span.name);
    expect(names.length).toBe(new Set(names).size);

    // And the metrics reach the receiver too.
    for (let i = 0; i < 100 && !receiver.metricNames.has('sluice.runs'); i++) await new Promise((done) => setTimeout(done, 100));
    expect([...receiver.metricNames]).toEqual(expect.arrayContaining(['sluice.runs', 'sluice.step.duration', 'sluice.step.retries']));
  }, 120_000);
});
