import { afterEach, describe, expect, it } from 'vitest';
import { createCustomActivityRunner, type ActivityStepConfig } from '../../engine/steps/activity/activity';
import { activityNames, defineActivities, registerActivity, unregisterActivity } from '../../engine/activities/registry';
import { stepActivities } from '../../engine/activities';
import type { StepActivityInput } from '../../engine/activities/contract';
import { stepCall } from '../support/step-call';
import '../../activities';

function input(config: ActivityStepConfig, timeoutMs?: number): StepActivityInput<ActivityStepConfig> {
  return { run: { id: 'run-7', workflow: 'order-intake', definitionHash: 'h' }, stepPath: 'perLine[2].check', attempt: 3, ...stepCall(config), timeoutMs };
}

const throwaway: string[] = [];
function register(name: string, fn: Parameters<typeof registerActivity>[1]): void {
  registerActivity(name, fn);
  throwaway.push(name);
}
afterEach(() => throwaway.splice(0).forEach(unregisterActivity));

const runner = createCustomActivityRunner({ env: { PARTNER_KEY: 'pk-secret-42', SLUICE_SECRETS: 'PARTNER_KEY' } });

describe('custom activities', () => {
  it('calls the named activity with its input and the step context', async () => {
    register('echoContext', (value, ctx) => ({ value, run: ctx.run.id, step: ctx.stepPath, attempt: ctx.attempt, aborted: ctx.signal.aborted }));
    expect(await runner(input({ name: 'echoContext', input: { a: 1 } }))).toEqual({
      ok: true,
      output: { value: { a: 1 }, run: 'run-7', step: 'perLine[2].check', attempt: 3, aborted: false },
    });
  });

  it('turns a throw into a retryable ActivityError, or a final one when the error says retryable: false', async () => {
    register('flaky', () => {
      throw new Error('stock service unavailable');
    });
    register('invalid', () => {
      throw Object.assign(new TypeError('sku missing'), { retryable: false });
    });
    expect(await runner(input({ name: 'flaky' }))).toEqual({
      ok: false,
      error: { name: 'ActivityError', message: 'activity flaky failed: stock service unavailable', retryable: true },
    });
    expect(await runner(input({ name: 'invalid' }))).toMatchObject({
      ok: false,
      error: { name: 'ActivityError', message: 'activity invalid failed: TypeError: sku missing', retryable: false },
    });
  });

  it('resolves secrets in the input and redacts them from what comes back', async () => {
    register('leaky', (value: { key: string }) => {
      throw new Error(`partner refused key ${value.key}`);
    });
    register('reflect', (value: { key: string }) => ({ used: value.key }));
    const failed = await runner(input({ name: 'leaky', input: { key: '${{ secrets.PARTNER_KEY }}' } }));
    expect(failed).toMatchObject({ ok: false, error: { message: 'activity leaky failed: partner refused key ***' } });
    expect(await runner(input({ name: 'reflect', input: { key: '${{ secrets.PARTNER_KEY }}' } }))).toEqual({ ok: true, output: { used: '***' } });
  });

  it('names an unknown activity and lists the registered ones', async () => {
    const result = await runner(input({ name: 'nope' }));
    expect(result).toMatchObject({ ok: false, error: { name: 'ActivityError', retryable: false } });
    if (!result.ok) expect(result.error.message).toContain('registered: checkLine, reserveStock');
  });

  it('gives up at the step deadline and aborts the signal', async () => {
    let seen: AbortSignal | undefined;
    register('slow', (_v, ctx) => {
      seen = ctx.signal;
      return new Promise(() => undefined);
    });
    expect(await runner(input({ name: 'slow' }, 200))).toMatchObject({ ok: false, error: { name: 'Timeout', retryable: true } });
    expect(seen?.aborted).toBe(true);
  });

  it('refuses outputs JSON cannot carry, and maps undefined to null', async () => {
    register('bigint', () => 10n);
    register('nothing', () => undefined);
    expect(await runner(input({ name: 'bigint' }))).toMatchObject({ ok: false, error: { name: 'ActivityError', retryable: false } });
    expect(await runner(input({ name: 'nothing' }))).toEqual({ ok: true, output: null });
  });

  it('refuses a second function under a taken name', () => {
    register('once', () => 1);
    expect(() => defineActivities({ once: () => 2 })).toThrow(/already registered/);
    expect(() => registerActivity('bad name', () => 1)).toThrow(/must match/);
  });
});

describe('example activities', () => {
  it('are registered', () => {
    expect(activityNames()).toEqual(expect.arrayContaining(['checkLine', 'reserveStock']));
  });

  it('reserveStock gives the same reservation for the same order', async () => {
    const first = await runner(input({ name: 'reserveStock', input: { orderId: 'o-1' } }));
    const again = await runner(input({ name: 'reserveStock', input: { orderId: 'o-1' } }));
    const other = await runner(input({ name: 'reserveStock', input: { orderId: 'o-2' } }));
    expect(first).toMatchObject({ ok: true, output: { orderId: 'o-1', reserved: true, reservationId: expect.stringMatching(/^res-[0-9a-f]{16}$/) } });
    expect(again).toEqual(first);
    expect(other).not.toEqual(first);
    expect(await runner(input({ name: 'reserveStock', input: {} }))).toMatchObject({ ok: false, error: { retryable: false } });
  });

  it.each([
    [{ sku: 'PEAR-1', qty: 3, unitPrice: 1.1 }, { ok: true, problems: [], total: 3.3 }],
    [{ sku: 'PEAR-1', qty: 0 }, { ok: false, problems: ['qty must be between 1 and 1000'] }],
    [{ sku: '', qty: 2.5 }, { ok: false, problems: ['sku must be 1 to 40 letters, digits or hyphens', 'qty must be a whole number'] }],
    [{ sku: 'A', qty: 1, unitPrice: -1 }, { ok: false, problems: ['unitPrice must be a non-negative number'], total: null }],
  ])('checkLine(%j)', async (line, expected) => {
    expect(await runner(input({ name: 'checkLine', input: line }))).toMatchObject({ ok: true, output: expected });
  });
});

describe('the built-in step activity list', () => {
  it('names every I/O step kind once', () => {
    expect(Object.keys(stepActivities).sort()).toEqual(['sluice.activity', 'sluice.ai', 'sluice.cosmos', 'sluice.http', 'sluice.queue']);
    for (const fn of Object.values(stepActivities)) expect(typeof fn).toBe('function');
  });
});
