/**
 * The run inspector in a real browser (Debian's chromium driven by playwright-core) against the real
 * `sluice serve`: a completed, a failed-and-caught, a degraded, a waiting and a dead-lettered run, each
 * checked on the runs page and on its run page (graph colours, timeline, step detail, dead letter); the
 * waiting run's event is raised from the page and the page sees it complete; an invalid definition shows
 * its diagnostics on the workflows page. Screenshots go to test-results/.
 */
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, runRecord, until } from './api';
import { useServeStack } from './stack';

const COMPLETES = `
name: inspect-completes
steps:
  - id: greet
    set: { greeting: "hello \${{ input.who }}" }
  - id: shout
    set: { loud: "\${{ steps.greet.output.greeting }}!" }
output: \${{ steps.shout.output }}
`;
const CATCHES = `
name: inspect-catches
steps:
  - id: risky
    fail: { error: Boom, message: "it broke on purpose" }
    catch:
      - errors: [Boom]
        steps:
          - id: recover
            wait: 1s
  - id: after
    set: { recovered: true }
`;
const DEGRADES = `
name: inspect-degrades
steps:
  - id: classify
    ai:
      model: gemini-2.5-flash
      prompt: "Classify \${{ input.text }}"
      output: { type: object, required: [verdict], properties: { verdict: { type: string } } }
      fallback: { verdict: review }
    retry: { maxAttempts: 1 }
  - id: answer
    set: { verdict: "\${{ steps.classify.output.verdict }}" }
`;
const WAITS = `
name: inspect-waits
steps:
  - id: approval
    waitForEvent: { name: approval-decision, timeout: 1h }
  - id: decided
    set: { approved: "\${{ steps.approval.output.approved }}" }
`;
const DEAD_LETTERS = `
name: inspect-dead-letters
deadLetter: { queue: inspect-dlq }
steps:
  - id: boom
    fail: { error: Broken, message: "this run always fails" }
`;
const FANS_OUT = `
name: inspect-fans-out
steps:
  - id: each
    forEach:
      items: \${{ input.items }}
      as: item
      concurrency: 20
      steps:
        - id: score
          set: { n: "\${{ item }}" }
`;
const BROKEN = `
name: inspect-broken
steps:
  - id: nothing
    sett: { a: 1 }
`;

const stack = useServeStack({
  extraWorkflows: {
    'inspect-completes.yaml': COMPLETES,
    'inspect-catches.yaml': CATCHES,
    'inspect-degrades.yaml': DEGRADES,
    'inspect-waits.yaml': WAITS,
    'inspect-dead-letters.yaml': DEAD_LETTERS,
    'inspect-fans-out.yaml': FANS_OUT,
    'inspect-broken.yaml': BROKEN,
  },
});

/** How long a page check waits for a refresh (the run page refreshes every 1.5 s). */
const WAIT = { timeout: 10_000 };
const SHOTS = resolve(__dirname, '..', '..', 'test-results');
let browser: Browser;
let page: Page;
/** Requests the page made to anything but the server: the page must need no network. */
const foreign: string[] = [];
const pageErrors: string[] = [];

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
  page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  page.on('request', (request) => {
    if (!request.url().startsWith(stack.serve.url)) foreign.push(request.url());
  });
  page.on('pageerror', (error) => pageErrors.push(error.message));
  page.on('console', (message) => {
    // The page asks for GET /api/definitions/{hash} and falls back when this server answers 404.
    if (message.type() === 'error' && !/status of 404/.test(message.text())) pageErrors.push(message.text());
  });
}, 60_000);

afterAll(async () => {
  await browser?.close();
});

const start = async (workflow: string, runId: string, input: unknown = {}) => {
  const answer = await call(`${stack.serve.url}/api/workflows/${workflow}/runs?runId=${runId}`, 'POST', input);
  expect(answer.status, JSON.stringify(answer.body)).toBe(202);
};
const nodeStatus = (step: string) => page.locator(`svg.graph [data-step="${step}"]`).getAttribute('data-status');
const openRun = async (id: string) => {
  await page.goto(`${stack.serve.url}/runs/${id}`);
  await page.locator('.run-head h1').filter({ hasText: id }).waitFor();
  await page.locator('svg.graph').waitFor();
};

describe('the run inspector', () => {
  beforeAll(async () => {
    stack.parts.gemini.setDefault({ kind: 'status', status: 503, message: 'overloaded' });
    await start('inspect-completes', 'ui-completed', { who: 'ada' });
    await start('inspect-catches', 'ui-caught');
    await start('inspect-degrades', 'ui-degraded', { text: 'is this fine?' });
    await start('inspect-waits', 'ui-waiting');
    await start('inspect-dead-letters', 'ui-dead');
    await Promise.all(['ui-completed', 'ui-caught', 'ui-degraded', 'ui-dead'].map((id) => runRecord(stack.serve.url, id, 60_000)));
    // The orchestrator's custom status names the step it is on (history records a step when it ends).
    await until(async () => (await call(`${stack.serve.url}/api/runs/ui-waiting/status`)).body, (status) => status?.customStatus?.step === 'approval', 'the run to wait');
  }, 120_000);

  it('lists the runs with workflow, status and trigger, and filters them by status', async () => {
    await page.goto(`${stack.serve.url}/`);
    const row = (id: string) => page.locator(`tr[data-run="${id}"]`);
    await row('ui-dead').waitFor();
    expect(await row('ui-completed').getAttribute('data-status')).toBe('Completed');
    expect(await row('ui-caught').getAttribute('data-status')).toBe('Completed');
    expect(await row('ui-degraded').getAttribute('data-status')).toBe('Completed');
    expect(await row('ui-waiting').getAttribute('data-status')).toBe('Running');
    expect(await row('ui-dead').getAttribute('data-status')).toBe('DeadLettered');
    await expect.poll(() => row('ui-dead').locator('td').nth(1).textContent(), WAIT).toBe('inspect-dead-letters');
    expect(await row('ui-completed').locator('td').nth(3).textContent()).toContain('api');
    await page.screenshot({ path: join(SHOTS, 'inspector-runs.png'), fullPage: true });

    await page.locator('label.chip', { hasText: 'DeadLettered' }).locator('input').check();
    await page.locator('form.filters button[type=submit]').click();
    await expect.poll(() => page.locator('tr[data-run]').count(), WAIT).toBe(1);
    expect(page.url()).toContain('status=DeadLettered');
    await page.locator('tr[data-run="ui-dead"] a').click();
    await page.locator('.run-head h1').filter({ hasText: 'ui-dead' }).waitFor();
  }, 60_000);

  it('shows a completed run: every step completed in the graph and the timeline, a step in full on click', async () => {
    await openRun('ui-completed');
    expect(await page.locator('[data-run-status]').textContent()).toBe('Completed');
    await expect.poll(() => nodeStatus('greet'), WAIT).toBe('completed');
    await expect.poll(() => nodeStatus('shout'), WAIT).toBe('completed');
    expect(await page.locator('.timeline-row').count()).toBe(2);
    await page.locator('svg.graph [data-step="shout"]').click();
    await page.locator('.step-detail[data-path="shout"]').waitFor();
    expect(await page.locator('.values').textContent()).toContain('hello ada!');
  }, 60_000);

  it('shows a failed-and-caught step as caught, its handler and the run completed', async () => {
    await openRun('ui-caught');
    expect(await page.locator('[data-run-status]').textContent()).toBe('Completed');
    await expect.poll(() => nodeStatus('risky'), WAIT).toBe('caught');
    await expect.poll(() => nodeStatus('recover'), WAIT).toBe('completed');
    await page.locator('svg.graph [data-step="risky"]').click();
    const detail = page.locator('.step-detail[data-path="risky"]');
    await detail.waitFor();
    expect(await detail.textContent()).toMatch(/caught[\s\S]*Boom: it broke on purpose/);
  }, 60_000);

  it('shows a degraded step with its reason', async () => {
    await openRun('ui-degraded');
    await expect.poll(() => nodeStatus('classify'), WAIT).toBe('degraded');
    await page.locator('svg.graph [data-step="classify"]').click();
    expect(await page.locator('.step-detail[data-path="classify"]').textContent()).toMatch(/degraded/);
  }, 60_000);

  it('shows a dead-lettered run: the failed step, the error and the letter it sent', async () => {
    await openRun('ui-dead');
    expect(await page.locator('[data-run-status]').textContent()).toBe('DeadLettered');
    await expect.poll(() => nodeStatus('boom'), WAIT).toBe('failed');
    expect(await page.locator('.run-error').textContent()).toContain('this run always fails');
    const letter = page.locator('.dead-letter');
    expect(await letter.textContent()).toContain('inspect-dlq');
    await letter.locator('details summary').click();
    await expect.poll(() => letter.locator('pre').textContent(), WAIT).toContain('"runId": "ui-dead"');
    expect(await page.locator('button.redrive').isEnabled()).toBe(true);
    expect(await page.locator('button.raise').isEnabled()).toBe(false);
  }, 60_000);

  it('shows a waiting run, suspends and resumes it, raises its event from the page and sees it complete', async () => {
    await openRun('ui-waiting');
    expect(await page.locator('[data-run-status]').textContent()).toBe('Running');
    await expect.poll(() => nodeStatus('approval'), WAIT).toBe('waiting');
    await expect.poll(() => page.locator('input[name=event]').inputValue(), WAIT).toBe('approval-decision');
    // Suspend and resume it from the page first: the embedded Durable host and run history both follow.
    await page.locator('button.suspend').click();
    await expect.poll(() => page.locator('[data-run-status]').textContent(), { timeout: 30_000 }).toBe('Suspended');
    await page.locator('button.resume').click();
    await expect.poll(() => page.locator('[data-run-status]').textContent(), { timeout: 30_000 }).toBe('Running');
    await page.locator('textarea[name=payload]').fill('{ "approved": true }');
    await page.locator('button.raise').click();
    await expect.poll(() => page.locator('.action-result').textContent(), WAIT).toContain('accepted');
    await expect.poll(() => page.locator('[data-run-status]').textContent(), { timeout: 30_000 }).toBe('Completed');
    await expect.poll(() => nodeStatus('decided'), WAIT).toBe('completed');
    expect(await page.locator('.values').textContent()).toContain('approved');
    await page.locator('svg.graph [data-step="approval"]').click();
    await page.locator('.step-detail[data-path="approval"]').waitFor();
    await page.screenshot({ path: join(SHOTS, 'inspector-run.png'), fullPage: true });
  }, 60_000);

  it('lists the workflows with their graphs and last runs, and a broken definition with its diagnostics', async () => {
    await page.goto(`${stack.serve.url}/workflows`);
    const broken = page.locator('article.workflow.invalid', { hasText: 'inspect-broken' });
    await broken.waitFor();
    expect(await broken.locator('.diagnostics li').count()).toBeGreaterThan(0);
    expect(await broken.textContent()).toContain('inspect-broken.yaml');
    const waits = page.locator('article[data-workflow="inspect-waits"]');
    await waits.locator('svg.graph').waitFor();
    await expect.poll(() => waits.locator('a', { hasText: 'ui-waiting' }).count(), WAIT).toBe(1);
    await page.screenshot({ path: join(SHOTS, 'inspector-workflows.png'), fullPage: true });
  }, 60_000);

  it('draws a run of 1,000 forEach items quickly, rendering only the timeline rows on screen', async () => {
    // A recorded run of that size, answered in place of the server's (running one takes minutes here).
    const t0 = Date.parse('2025-05-01T10:00:00Z');
    const at = (ms: number) => new Date(t0 + ms).toISOString();
    const items = Array.from({ length: 1000 }, (_, i) => ({
      path: `each[${i}].score`, kind: 'set', status: i === 500 ? 'Failed' : 'Completed', degraded: null, startedAt: at(i * 5), endedAt: at(i * 5 + 40), durationMs: 40,
      attempts: [{ attempt: 1, startedAt: at(i * 5), endedAt: at(i * 5 + 40), durationMs: 40, ...(i === 500 ? { error: { name: 'Boom', message: 'item 500' } } : {}) }],
      output: { n: i },
    }));
    const run = {
      id: 'ui-big', workflow: 'inspect-fans-out', definitionHash: 'sha256:none', trigger: { kind: 'api' }, status: 'Failed', createdAt: at(0), startedAt: at(0), endedAt: at(5100), durationMs: 5100,
      lineage: { childRunIds: [] }, error: { name: 'Boom', message: 'item 500', step: 'each[500].score' },
      steps: [{ path: 'each', kind: 'forEach', status: 'Failed', degraded: null, startedAt: at(0), endedAt: at(5100), durationMs: 5100, attempts: [] }, ...items],
    };
    await page.route(`${stack.serve.url}/api/runs/ui-big`, (route) => route.fulfill({ json: run }));
    await page.route(`${stack.serve.url}/api/runs/ui-big/status`, (route) => route.fulfill({ json: { runtimeStatus: 'Failed' } }));
    const started = Date.now();
    await openRun('ui-big');
    await expect.poll(() => nodeStatus('score'), WAIT).toBe('failed');
    const took = Date.now() - started;
    expect(await page.locator('svg.graph [data-step="score"] .count').textContent()).toBe('999/1000');
    expect(await page.locator('.timeline-scale').textContent()).toContain('1001 step records');
    expect(await page.locator('.timeline-row').count()).toBeLessThan(60);
    await page.locator('svg.graph [data-step="score"]').click();
    await page.locator('.step-detail[data-path="each[500].score"]').waitFor();
    expect(took).toBeLessThan(5000);
  }, 60_000);

  it('needed nothing but its own server and raised no script errors', () => {
    expect(foreign).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
