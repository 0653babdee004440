/**
 * CI runs the example workflows' tests through the real CLI (`bin/sluice.js test workflows/`): `npm test`
 * covers `sluice test`, and a change that breaks an example's behaviour fails the build.
 */
import { execFile } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.join(__dirname, '..', '..');

function sluice(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, ['--v8-pool-size=0', path.join(root, 'bin', 'sluice.js'), ...args], { cwd: root, env: { ...process.env, NO_COLOR: '1' } }, (error, stdout, stderr) =>
      resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });
}

describe('sluice test workflows/', () => {
  it('passes every case of every example workflow, one line per case', async () => {
    const { code, stdout, stderr } = await sluice(['test', 'workflows/']);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    for (const example of ['batch-scoring', 'content-moderation', 'customer-sync', 'order-intake', 'order-quote', 'refund-approval']) {
      expect(stdout).toContain(`✓ workflows/${example}.test.yaml › `);
    }
    expect(stdout).not.toContain('✗');
    expect(stdout).toMatch(/\d+ passed, 0 failed \(6 files, \d+ ms\)/);
  }, 120_000);

  it('prints JUnit XML with --format junit, and its help with --help', async () => {
    const junit = await sluice(['test', 'workflows/refund-approval.test.yaml', '--format', 'junit']);
    expect(junit.code).toBe(0);
    expect(junit.stdout).toMatch(/^<\?xml[\s\S]*<testsuite name="workflows\/refund-approval.test.yaml" tests="4" failures="0"/);
    const help = await sluice(['test', '--help']);
    expect(help.stdout).toMatch(/usage: sluice test[\s\S]*--format text\|junit[\s\S]*--coverage[\s\S]*--watch/);
  }, 120_000);
});
