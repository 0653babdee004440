import { beforeAll, describe, expect, it } from 'vitest';
import { captureRegistrationsAsync, type CapturedRegistrations } from '../../engine/adapters/local/durable/registrations';

// `@azure/functions` runs in test mode outside the host: the Azure entry is loaded with its registrars
// captured, and what it registered is compared with the example workflows.
let captured: CapturedRegistrations;
beforeAll(async () => {
  // The app refuses to start without a key to sign run inputs with (docs/security.md).
  process.env.SLUICE_SIGNING_KEY = 'registration-test-signing-key-0123456789';
  captured = await captureRegistrationsAsync(() => import('../../engine/adapters/azure/app.js'));
});

const byName = <T extends { name: string }>(list: T[]) => new Map(list.map((fn) => [fn.name, fn]));

describe('the Azure Functions entry', () => {
  it('registers the one generic orchestrator and every activity', () => {
    expect([...captured.orchestrations.keys()]).toEqual(['sluice']);
    expect([...captured.activities.keys()].sort()).toEqual(
      ['sluice.activity', 'sluice.ai', 'sluice.cosmos', 'sluice.http', 'sluice.queue', 'sluice.run.finished', 'sluice.run.started'].sort(),
    );
  });

  it('registers an HTTP starter per HTTP trigger with its route, methods and function-level auth', () => {
    const http = byName(captured.http);
    expect(http.get('start-content-moderation')?.options).toMatchObject({ route: 'moderation/posts', methods: ['POST'], authLevel: 'function' });
    expect(http.get('start-refund-approval')?.options).toMatchObject({ route: 'refunds', methods: ['POST'], authLevel: 'function' });
    expect(http.get('start-batch-scoring')?.options).toMatchObject({ route: 'batches', authLevel: 'function' });
    expect(http.has('start-order-intake')).toBe(false);
  });

  it('gives every HTTP function a durable client input binding', () => {
    for (const fn of captured.http) {
      const inputs = (fn.options.extraInputs as Array<{ type: string }> | undefined) ?? [];
      expect(inputs.map((input) => input.type), fn.name).toContain('durableClient');
    }
  });

  it('registers the management and run-history endpoints, all with function-level auth', () => {
    const routes = captured.http.filter((fn) => fn.name.startsWith('sluice-')).map((fn) => `${(fn.options.methods as string[]).join(',')} ${fn.options.route} ${fn.options.authLevel}`);
    expect(routes.sort()).toEqual(
      [
        'POST workflows/{name}/runs function',
        'GET runs/{id}/status function',
        'POST runs/{id}/events/{event} function',
        'POST runs/{id}/terminate function',
        'POST runs/{id}/suspend function',
        'POST runs/{id}/resume function',
        'GET definitions/{hash} function',
        'POST runs/{id}/redrive function',
        'GET runs function',
        'GET runs/{id} function',
        'GET workflows function',
        'GET dead-letters/{queue} function',
        'GET,HEAD inspector/{*path} function',
      ].sort(),
    );
  });

  it('registers a queue trigger on the declared queue and connection', () => {
    expect(captured.queues.map((fn) => [fn.name, fn.options.queueName, fn.options.connection])).toEqual([
      ['queue-order-intake', 'orders-in', 'AzureWebJobsStorage'],
    ]);
  });

  it('registers a timer trigger per schedule with its NCRONTAB expression', () => {
    expect(captured.timers.map((fn) => [fn.name, fn.options.schedule]).sort()).toEqual([
      ['schedule-batch-scoring-0', '0 0 2 * * *'],
      ['schedule-customer-sync-0', '0 */15 * * * *'],
    ]);
  });
});
