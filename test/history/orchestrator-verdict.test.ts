/**
 * Issue #16: an `ai` step that timed out and went on with its fallback is Degraded in run history, even
 * when its activity attempt ends (and records itself Failed) after the run has finished.
 */
import { expect, it } from 'vitest';
import { createSqliteHistoryStore } from '../../engine/history/sqlite-store';
import { recordingActivity, runFinishedActivity, runStartedActivity } from '../../engine/history/recording';

it('keeps the orchestrator verdict when a timed-out attempt records itself later', async () => {
  const store = createSqliteHistoryStore({ file: ':memory:' });
  await store.init();
  await runStartedActivity(store)({ id: 'r1', workflow: 'w', definitionHash: 'sha256:x', trigger: { kind: 'api' }, startedAt: '2026-01-01T00:00:00.000Z' });
  await runFinishedActivity(store)({
    id: 'r1',
    status: 'Completed',
    endedAt: '2026-01-01T00:00:30.000Z',
    output: { category: 'standard' },
    steps: [{ path: 'classify', kind: 'ai', status: 'Degraded', degraded: { reason: 'Timeout: step `classify` did not finish within 30000 ms' }, startedAt: '2026-01-01T00:00:00.000Z', endedAt: '2026-01-01T00:00:30.000Z' }],
  });
  // The Gemini call gives up at its own deadline, a little after the orchestrator did.
  const late = recordingActivity(store, 'ai', async () => ({ ok: false, error: { name: 'Timeout', message: 'Gemini did not answer in 30000 ms', retryable: true } }), {
    now: () => new Date('2026-01-01T00:00:31.000Z'),
  });
  await late({ run: { id: 'r1', workflow: 'w' }, stepPath: 'classify', attempt: 1, config: {} } as never);
  const run = await store.getRun('r1');
  const step = run!.steps.find((s) => s.path === 'classify')!;
  expect(step.status).toBe('Degraded');
  expect(step.attempts.map((a) => a.error?.name)).toEqual(['Timeout']);
  await store.close?.();
});
