/**
 * Starts and event raises per second over HTTP on the embedded runtime (SluiceRuntime: the HTTP
 * trigger and `POST /api/runs/{id}/events/{name}`), as fast as autocannon's connections get answers:
 * each 202 is sent only after the start or the event is committed to SQLite (the local Durable host's
 * `startNew` and `raiseEvent` resolve after their round's transaction). Then every accepted run must
 * complete with the decision it was sent.
 */
import autocannon from 'autocannon';
import { withRuntimeProject } from './runtime-project';
import { figure, type Figure } from './figure';
import type { Sizes } from './sizes';

const WORKFLOW = `name: bench-approval
triggers:
  http:
    route: bench/approvals
    authLevel: anonymous
steps:
  - id: decision
    waitForEvent: { name: decided, timeout: 24h }
output: \${{ steps.decision.output }}
`;

/** Measures starts/s, then raises/s for the runs started, against a fresh runtime in a temp project. */
export async function measureHttpEvents(sizes: Sizes['httpEvents']): Promise<Figure[]> {
  return withRuntimeProject('bench-approval', WORKFLOW, async (runtime) => {
    const started: string[] = [];
    const starts = await autocannon({
      url: `${runtime.url}/api/bench/approvals`,
      connections: sizes.connections,
      duration: sizes.seconds,
      requests: [{
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{"order":1}',
        onResponse: (status, body) => {
          if (status === 202) started.push((JSON.parse(body) as { runId: string }).runId);
        },
      }],
    });
    // Every start is committed; the runs park on their event (their first episodes) before raising.
    while (!runtime.host.quiet || !runtime.host.runner.idle) await new Promise((resolve) => setTimeout(resolve, 20));
    let next = 0;
    let raised = 0;
    const raising = performance.now();
    const raises = await autocannon({
      url: runtime.url,
      connections: sizes.connections,
      amount: started.length,
      requests: [{
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        setupRequest: (request) => {
          const index = next++ % Math.max(1, started.length);
          return { ...request, path: `/api/runs/${started[index]}/events/decided`, body: JSON.stringify({ index }) };
        },
        onResponse: (status) => {
          if (status === 202) raised++;
        },
      }],
    });
    const raiseSeconds = (performance.now() - raising) / 1000;
    const ends = await Promise.all(started.map((id) => runtime.host.waitForCompletion(id, 300_000)));
    const completed = ends.filter((status, index) => status?.runtimeStatus === 'Completed' && (status.output as { index?: number } | null)?.index === index).length;
    const detail = { connections: sizes.connections, seconds: sizes.seconds, starts: { requests: starts.requests.total, accepted: started.length, non2xx: starts.non2xx, errors: starts.errors, p50: starts.latency.p50, p99: starts.latency.p99 }, raises: { requests: raises.requests.total, accepted: raised, non2xx: raises.non2xx, errors: raises.errors, p50: raises.latency.p50, p99: raises.latency.p99 }, completedWithTheirEvent: completed };
    return [
      figure(10, `HTTP starts of a waitForEvent workflow, ${sizes.connections} connections`, started.length / sizes.seconds, 'starts/s', {
        goal: { op: '>=', target: 1000 },
        detail,
        limit: 'one Node thread: the HTTP trigger, its Durable client call over loopback HTTP to the host API, the run input built and signed per start; one SQLite transaction per round of commands',
      }),
      figure(10, 'HTTP event raises to those runs', raised / raiseSeconds, 'raises/s', {
        goal: { op: '>=', target: 1000 },
        limit: 'the same thread also runs the episodes the events wake (replay of each run through the SDK)',
      }),
      figure(10, 'HTTP starts and raises: runs completed with their own event', started.length === 0 ? 0 : completed / started.length, 'fraction', { goal: { op: '>=', target: 1 } }),
    ];
  });
}
