/**
 * Item 7, HTTP start: the embedded runtime (`sluice serve`'s SluiceRuntime: Azurite, SQLite history,
 * local Durable host) serving one workflow's HTTP trigger, loaded by autocannon on loopback at a fixed
 * request rate. Reports accepted runs per second and latency percentiles, then checks that every
 * accepted run id was persisted by the Durable store and reached the run-history store.
 */
import autocannon from 'autocannon';
import { withRuntimeProject } from './runtime-project';
import { figure, type Figure } from './figure';
import { rounded } from './measure';
import type { Sizes } from './sizes';

const WORKFLOW = `name: bench-http
triggers:
  http:
    route: bench/orders
    authLevel: anonymous
input:
  type: object
  required: [orderId]
  properties:
    orderId: { type: string }
steps:
  - id: total
    set:
      orderId: \${{ input.orderId }}
      doubled: \${{ input.count * 2 }}
output: \${{ steps.total.output }}
`;

/** Measures item 7 against a fresh runtime in a temp project. */
export async function measureHttpStart(sizes: Sizes['httpStart']): Promise<Figure[]> {
  return withRuntimeProject('bench-http', WORKFLOW, async (runtime) => {
    const accepted: string[] = [];
    const result = await autocannon({
      url: `${runtime.url}/api/bench/orders`,
      connections: 10,
      overallRate: sizes.rate,
      duration: sizes.seconds,
      requests: [
        {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ orderId: 'A-1', count: 3 }),
          onResponse: (status: number, body: string) => {
            if (status === 202) accepted.push((JSON.parse(body) as { runId: string }).runId);
          },
        },
      ],
    });
    // Every accepted run must exist in the Durable store and finish; then its record must be in run history.
    const statuses = await Promise.all(accepted.map((id) => runtime.host.waitForCompletion(id, 120_000)));
    const completed = statuses.filter((s) => s?.runtimeStatus === 'Completed').length;
    let recorded = 0;
    for (const id of accepted) if (await runtime.history.getRun(id)) recorded++;
    const seconds = sizes.seconds;
    const detail = {
      targetRate: sizes.rate,
      seconds,
      requests: result.requests.total,
      non2xx: result.non2xx,
      errors: result.errors,
      timeouts: result.timeouts,
      accepted: accepted.length,
      persistedCompleted: completed,
      recordedInHistory: recorded,
    };
    return [
      figure(7, `HTTP start at ${sizes.rate} req/s: accepted runs/s`, accepted.length / seconds, 'runs/s', {
        goal: { op: '>=', target: sizes.rate * 0.95 },
        detail,
        limit: 'the offered rate (autocannon overallRate): the runtime keeps up; latency shows the headroom',
      }),
      figure(7, 'HTTP start: latency p50', result.latency.p50, 'ms'),
      figure(7, 'HTTP start: latency p99', result.latency.p99, 'ms', { detail: { max: result.latency.max, mean: rounded(result.latency.average) } }),
      figure(7, 'HTTP start: accepted runs persisted and recorded', accepted.length === 0 ? 0 : Math.min(completed, recorded) / accepted.length, 'fraction', { goal: { op: '>=', target: 1 } }),
    ];
  });
}
