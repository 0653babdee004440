/** `sluice test` as a command: exit codes, the diff of a failing case, coverage, JUnit to a file. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { approvalFlow, cli, projectWith } from './project';

const test = (status: string) => `workflow: approval
mocks:
  price: { output: 1 }
  save: { output: null }
cases:
  - name: small
    input: { amount: 5 }
    expect:
      status: ${status}
`;

let cleanup: Array<() => void> = [];
afterEach(() => {
  for (const remove of cleanup) remove();
  cleanup = [];
});

describe('sluice test (command)', () => {
  it('exits 0 when every case passes and 1 with a diff naming the line when one fails', async () => {
    const passing = projectWith({ 'approval.yaml': approvalFlow, 'approval.test.yaml': test('Completed') });
    const failing = projectWith({ 'approval.yaml': approvalFlow, 'approval.test.yaml': test('DeadLettered') });
    cleanup.push(passing.remove, failing.remove);
    const ok = await cli(passing.root, []);
    expect(ok.code).toBe(0);
    expect(ok.out).toMatch(/✓ workflows\/approval.test.yaml › small \(\d+ ms\)\n1 passed, 0 failed \(1 file, \d+ ms\)/);
    const bad = await cli(failing.root, ['workflows/']);
    expect(bad.code).toBe(1);
    expect(bad.out).toContain('✗ workflows/approval.test.yaml › small');
    expect(bad.out).toMatch(/expect\.status: status {2}\(workflows\/approval\.test\.yaml:9:15\)\n\s+- expected "DeadLettered"\n\s+\+ actual {3}"Completed"/);
  });

  it('reports uncovered steps and branches with --coverage and writes the JSON report', async () => {
    const project = projectWith({ 'approval.yaml': approvalFlow, 'approval.test.yaml': test('Completed') });
    cleanup.push(project.remove);
    const { code, out } = await cli(project.root, ['--coverage', '--coverage-file', 'cov.json']);
    expect(code).toBe(0);
    expect(out).toContain('approval (workflows/approval.yaml): steps 4/7');
    expect(out).toContain('steps no case ran: route.ask, route.decision, save.catch[0].park');
    expect(out).toContain('branches no case took: route case[0], save catch[0]');
    const report = JSON.parse(readFileSync(join(project.root, 'cov.json'), 'utf8'));
    expect(report.workflows[0]).toMatchObject({ workflow: 'approval', branches: { total: 3, covered: 1 } });
  });

  it('writes JUnit to a file, and refuses usage errors with exit 2', async () => {
    const project = projectWith({ 'approval.yaml': approvalFlow, 'approval.test.yaml': test('Failed') });
    cleanup.push(project.remove);
    const { code } = await cli(project.root, ['--format', 'junit', '--output', 'out/junit.xml']);
    expect(code).toBe(1);
    const xml = readFileSync(join(project.root, 'out', 'junit.xml'), 'utf8');
    expect(xml).toMatch(/<testcase name="small" classname="approval" time="[\d.]+">\n\s+<failure message="expect.status: status">/);
    expect((await cli(project.root, ['--format', 'tap'])).code).toBe(2);
    expect((await cli(project.root, ['nothing-here/'])).code).toBe(2);
  });

  it('reports a test file for a workflow that does not exist, at exit 1', async () => {
    const project = projectWith({ 'approval.yaml': approvalFlow, 'ghost.test.yaml': 'workflow: ghost\ncases:\n  - name: a\n' });
    cleanup.push(project.remove);
    const { code, out } = await cli(project.root, []);
    expect(code).toBe(1);
    expect(out).toContain('✗ workflows/ghost.test.yaml:1:1: no workflow named `ghost` in workflows');
  });
});
