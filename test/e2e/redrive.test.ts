/**
 * Dead letters and redrive through the real `sluice serve` and CLI: `sluice dlq redrive` re-submits each
 * letter that was in the queue when it started exactly once (a redriven run that fails again leaves a new
 * letter for the next redrive), redrive ids stay `<original>-r<try>`, the lineage says which try of which
 * run it is, `POST /api/runs/{id}/redrive` refuses unknown (404) and unfailed (409) runs, and
 * `sluice dlq list --url` reads the letters through the serve's API.
 */
import { QueueClient } from '@azure/storage-queue';
import { describe, expect, it } from 'vitest';
import { call, peekQueue, runEnded, runRecord, until } from './api';
import { sluice } from './serve-process';
import { useServeStack } from './stack';

const ALWAYS_FAILS = `
name: always-fails
input: { type: object, required: [key], properties: { key: { type: string } } }
deadLetter: { queue: failing-dlq }
steps:
  - id: boom
    fail: { error: Broken, message: "run \${{ input.key }} fails" }
`;
const PASSES = `
name: always-passes
steps:
  - id: done
    set: { ok: true }
`;

const stack = useServeStack({ extraWorkflows: { 'always-fails.yaml': ALWAYS_FAILS, 'always-passes.yaml': PASSES } });
const RUNS = ['af-1', 'af-2', 'af-3', 'af-4', 'af-5', 'af-6'];

const lettersOf = async (runIds: readonly string[]) =>
  until(() => peekQueue(stack.serve.storage, 'failing-dlq'), (messages) => runIds.every((id) => messages.some((m) => m.value?.runId === id)), `the letters of ${runIds.join(', ')}`);
const redrove = (stdout: string) => [...stdout.matchAll(/redrove run (\S+) of always-fails as (\S+)/g)].map((match) => [match[1], match[2]]);

describe('sluice dlq redrive', () => {
  it('re-submits each letter present at its start once, as <original>-r2, then <original>-r3 on the next redrive', async () => {
    for (const id of RUNS) {
      expect((await call(`${stack.serve.url}/api/workflows/always-fails/runs?runId=${id}`, 'POST', { key: id })).status).toBe(202);
    }
    await lettersOf(RUNS);
    // Not a Sluice dead letter: kept, and visible again for the next command once this one ends.
    await new QueueClient(stack.serve.storage, 'failing-dlq').sendMessage('not a dead letter');

    const first = await sluice(['dlq', 'redrive', 'failing-dlq'], stack.project.root, stack.env);
    expect(first.code, first.stderr).toBe(1); // one message kept
    expect(redrove(first.stdout).sort()).toEqual(RUNS.map((id) => [id, `${id}-r2`]));
    expect(first.stdout).toMatch(/6 redriven, 1 kept in failing-dlq/);

    // Each redriven run failed again and left its own letter, which this command did not pick up.
    await lettersOf(RUNS.map((id) => `${id}-r2`));
    const waiting = await peekQueue(stack.serve.storage, 'failing-dlq');
    expect(waiting.map((m) => m.text)).toContain('not a dead letter');
    const letter = waiting.find((m) => m.value?.runId === 'af-1-r2')!.value;
    expect(letter).toMatchObject({ workflow: 'always-fails', originalRunId: 'af-1', runAttempt: 2, input: { key: 'af-1' } });

    const second = await sluice(['dlq', 'redrive', 'failing-dlq'], stack.project.root, stack.env);
    expect(redrove(second.stdout).sort()).toEqual(RUNS.map((id) => [`${id}-r2`, `${id}-r3`]));
    await runEnded(stack.serve.url, 'af-1-r3');
    const record = await runRecord(stack.serve.url, 'af-1-r3');
    expect(record).toMatchObject({ status: 'DeadLettered', trigger: { kind: 'redrive', source: 'af-1-r2' }, lineage: { redriveOf: 'af-1-r2', originalRunId: 'af-1', runAttempt: 3 } });
    expect((await runRecord(stack.serve.url, 'af-1-r2')).lineage).toMatchObject({ redriveOf: 'af-1', redrivenAs: 'af-1-r3', originalRunId: 'af-1', runAttempt: 2 });
  }, 180_000);
});

describe('POST /api/runs/{id}/redrive', () => {
  it('answers 404 for a run that does not exist and starts nothing', async () => {
    const answer = await call(`${stack.serve.url}/api/runs/no-such-run/redrive`, 'POST', { runId: 'no-such-run', workflow: 'always-fails', input: { key: 'x' } });
    expect(answer.status).toBe(404);
    expect(answer.body.error).toBe('RunNotFound');
    expect((await call(`${stack.serve.url}/api/runs/no-such-run-r2/status`)).status).toBe(404);
  });

  it('answers 409 for a run that did not fail and starts nothing', async () => {
    expect((await call(`${stack.serve.url}/api/workflows/always-passes/runs?runId=ap-1`, 'POST', {})).status).toBe(202);
    expect((await runEnded(stack.serve.url, 'ap-1')).runtimeStatus).toBe('Completed');
    const answer = await call(`${stack.serve.url}/api/runs/ap-1/redrive`, 'POST', { runId: 'ap-1', workflow: 'always-passes', input: {} });
    expect(answer.status).toBe(409);
    expect(answer.body.error).toBe('RunNotFailed');
    expect((await call(`${stack.serve.url}/api/runs/ap-1-r2/status`)).status).toBe(404);
  });
});

describe('sluice dlq list --url', () => {
  it('lists the letters through the running serve, without a storage connection', async () => {
    const env = { ...stack.env };
    delete env.AzureWebJobsStorage;
    const listed = await sluice(['dlq', 'list', 'failing-dlq', '--url', stack.serve.url, '--json'], stack.project.root, env);
    expect(listed.code, listed.stderr).toBe(0);
    const body = JSON.parse(listed.stdout);
    expect(body.queue).toBe('failing-dlq');
    expect(body.messages.map((m: { letter?: { runId: string } }) => m.letter?.runId)).toEqual(expect.arrayContaining(['af-1-r3']));

    const text = await sluice(['dlq', 'list', 'failing-dlq', '--url', stack.serve.url], stack.project.root, env);
    expect(text.code, text.stderr).toBe(0);
    expect(text.stdout).toMatch(/always-fails {2}run af-1-r3 {2}step boom {2}Broken: run af-1 fails/);

    const unknown = await sluice(['dlq', 'list', 'orders-in', '--url', stack.serve.url], stack.project.root, env);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/not a dead-letter queue/);
  }, 60_000);
});
