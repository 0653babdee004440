/**
 * The command line against a running `sluice serve` (found through `.sluice/runtime.json` of the project,
 * as a user's second terminal finds it): `sluice run` (exit code = run status, `--json` = the run record),
 * `sluice event`, and the README's "Using it" commands executed as written (URL and run id filled in).
 */
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { call, peekQueue, runEnded, until } from './api';
import { SECRETS } from './parts';
import { SLUICE_BIN, sluice } from './serve-process';
import { useServeStack } from './stack';

const sh = promisify(execFile);

const stack = useServeStack();

describe('sluice run / sluice event against the running serve', () => {
  it('`sluice run <name> --input … --json` exits 0 and prints the final run record', async () => {
    const input = { refundId: 'r-cli', amount: 25, customerEmail: 'ann@example.org' };
    const result = await sluice(['run', 'refund-approval', '--input', JSON.stringify(input), '--json'], stack.project.root, stack.env);
    expect(result.code, result.stderr).toBe(0);
    const record = JSON.parse(result.stdout);
    expect(record).toMatchObject({ workflow: 'refund-approval', status: 'Completed', output: { refundId: 'r-cli', approved: true }, input });
    expect(record.steps.map((step: { path: string; status: string }) => `${step.path}:${step.status}`)).toEqual(
      expect.arrayContaining(['decide:Completed', 'decide.autoApprove:Completed', 'pay:Completed']),
    );
    // It ran on the serve: the serve knows the run, and the payment went out with the serve's secret.
    expect((await call(`${stack.serve.url}/api/runs/${record.id}`)).body.status).toBe('Completed');
    const payment = stack.parts.requestsTo('payments').find((request) => JSON.parse(request.body).refundId === 'r-cli')!;
    expect(payment.headers.authorization).toBe(`Bearer ${SECRETS.PAYMENTS_TOKEN}`);
  }, 90_000);

  it('exits 1 with the failed record when the run fails (the CRM answers 500)', async () => {
    const result = await sluice(['run', 'customer-sync', '--input', '{"since":"crm-down"}', '--json'], stack.project.root, stack.env);
    expect(result.code).toBe(1);
    const record = JSON.parse(result.stdout);
    expect(record).toMatchObject({ workflow: 'customer-sync', status: 'Failed', error: { name: 'HttpError' } });
    expect(record.steps.find((step: { path: string }) => step.path === 'changes')?.status).toBe('Failed');
  }, 90_000);

  it('exits 2 on a usage error and 1 on an input the workflow refuses', async () => {
    expect((await sluice(['run'], stack.project.root, stack.env)).code).toBe(2);
    const refused = await sluice(['run', 'refund-approval', '--input', '{"refundId":"r-x"}'], stack.project.root, stack.env);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/amount|customerEmail/);
  }, 60_000);

  it('`sluice event` answers a waiting approval', async () => {
    const { body } = await call(`${stack.serve.url}/api/refunds`, 'POST', { refundId: 'r-cli-big', amount: 5000, customerEmail: 'ann@example.org' });
    await until(() => peekQueue(stack.serve.storage, 'approvals-requested'), (messages) => messages.some((m) => m.value?.runId === body.runId), 'the approval request');
    const raised = await sluice(['event', body.runId, 'refundDecision', '{"approved":true,"by":"cli"}'], stack.project.root, stack.env);
    expect(raised.code, raised.stderr).toBe(0);
    expect(await runEnded(stack.serve.url, body.runId)).toMatchObject({ runtimeStatus: 'Completed', output: { refundId: 'r-cli-big', approved: true } });
  }, 60_000);
});

describe('README "Using it": the commands as written', () => {
  const readme = readFileSync(resolve(__dirname, '..', '..', 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('## Using it'));
  /** Shell commands of the section's code blocks, continuation lines joined, comments dropped. */
  const commands = [...section.matchAll(/```sh\n([\s\S]*?)```/g)]
    .flatMap((block) => block[1].replace(/\\\n\s*/g, ' ').split('\n'))
    .map((line) => line.replace(/\s+#.*$/, '').trim())
    .filter((line) => line !== '' && !line.startsWith('#'));
  const fill = (command: string, runId = '') => command.replaceAll('http://localhost:7071', stack.serve.url).replaceAll('<runId>', runId);

  it('the curl that starts a run, the ones that read its status and record, and the `sluice run` equivalent work', async () => {
    const [start, status, record] = commands.filter((command) => command.startsWith('curl '));
    expect(start).toMatch(/^curl -s -X POST http:\/\/localhost:7071\/api\//);
    expect(status).toMatch(/\/api\/runs\/<runId>\/status$/);
    const started = JSON.parse((await sh('sh', ['-c', fill(start)])).stdout);
    expect(started.runId).toEqual(expect.any(String));
    const ended = await until(
      async () => JSON.parse((await sh('sh', ['-c', fill(status, started.runId)])).stdout),
      (value) => ['Completed', 'Failed', 'Terminated'].includes(value.runtimeStatus),
      'the README run to end',
    );
    expect(ended).toMatchObject({ runtimeStatus: 'Completed', output: { approved: true } });
    expect(JSON.parse((await sh('sh', ['-c', fill(record, started.runId)])).stdout)).toMatchObject({ id: started.runId, status: 'Completed' });

    const run = commands.find((command) => command.startsWith('npx sluice run ') && !command.includes('--input @'))!;
    // `npx sluice` is the repository's own bin; the test project runs the same file directly.
    const result = await sh('sh', ['-c', run.replace('npx sluice', `"${process.execPath}" "${SLUICE_BIN}"`)], { cwd: stack.project.root, env: stack.env });
    expect(JSON.parse(result.stdout)).toMatchObject({ approved: true });
    expect(result.stderr).toContain(`on ${stack.serve.url}`);
  }, 90_000);
});

