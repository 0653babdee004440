/** Each expectation kind of a workflow test, passing and failing, with the diff pointing at the test file's line. */
import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { describeFailure } from '../../engine/testing/expectations';
import { runTestFiles } from '../../engine/testing/runner';
import { approvalFlow, projectWith, runFile } from './project';

const mocks = `    mocks:
      price: { output: 12 }
      save: { output: { id: x } }
`;

/** A one-case test file of the approval flow with an `expect` block (indented 6). */
const oneCase = (expectBlock: string, extra = '') => `workflow: approval
cases:
  - name: small
    input: { amount: 5 }
${mocks}${extra}    expect:
${expectBlock}`;

const cases: Array<{ kind: string; passing: string; failing: string; line: number; diff: RegExp }> = [
  { kind: 'status', passing: '      status: Completed\n', failing: '      status: Failed\n', line: 9, diff: /expected "Failed"[\s\S]*actual   "Completed"/ },
  { kind: 'output (subset)', passing: '      output: { decision: { approved: true } }\n', failing: '      output: { decision: { approved: false } }\n', line: 9, diff: /at decision\.approved:[\s\S]*expected false[\s\S]*actual   true/ },
  { kind: 'outputEquals (exact)', passing: '      outputEquals: { price: 12, decision: { approved: true } }\n', failing: '      outputEquals: { price: 12 }\n', line: 9, diff: /at decision:[\s\S]*expected \(absent\)/ },
  { kind: 'steps', passing: '      steps: { route.auto: Completed, route.ask: NotRun, save: Completed }\n', failing: '      steps:\n        route.ask: Completed\n', line: 10, diff: /the step did not run[\s\S]*expected "Completed"[\s\S]*actual   "NotRun"/ },
  { kind: 'calls', passing: '      calls: { price: 1, save: 1 }\n', failing: '      calls:\n        price: 2\n', line: 10, diff: /attempts made[\s\S]*expected 2[\s\S]*actual   1/ },
  { kind: 'inputs', passing: '      inputs: { price: { url: "https://prices.example.com/5" }, save: { upsert: { price: 12 } } }\n', failing: '      inputs:\n        price: { url: "https://elsewhere" }\n', line: 10, diff: /at url:[\s\S]*expected "https:\/\/elsewhere"/ },
  { kind: 'record', passing: '      record: { status: Completed, workflow: approval, startedAt: "2026-01-01T00:00:00.000Z" }\n', failing: '      record: { status: Failed }\n', line: 9, diff: /at status:/ },
];

describe('expectations', () => {
  for (const { kind, passing, failing, line, diff } of cases) {
    it(`${kind}: passes when it holds`, async () => {
      const result = await runFile({ 'approval.yaml': approvalFlow }, oneCase(passing));
      expect(result.problems).toEqual([]);
      expect(result.cases[0].failures.flatMap(describeFailure)).toEqual([]);
      expect(result.cases[0].status).toBe('passed');
    });
    it(`${kind}: fails with a diff at the expectation's line`, async () => {
      const result = await runFile({ 'approval.yaml': approvalFlow }, oneCase(failing));
      expect(result.cases[0].status).toBe('failed');
      const text = result.cases[0].failures.flatMap(describeFailure).join('\n');
      expect(text).toMatch(diff);
      expect(text).toContain(`workflows/under.test.yaml:${line}:`);
    });
  }

  it('error: the failing error name, message part and step', async () => {
    const failing = `workflow: approval
cases:
  - name: prices down
    input: { amount: 5 }
    mocks:
      price: { error: { name: HttpError, message: "503 from prices", retryable: false } }
    expect:
      status: Failed
      error: { name: HttpError, message: "503", step: price }
  - name: wrong name
    input: { amount: 5 }
    mocks:
      price: { error: { name: HttpError, message: "503 from prices", retryable: false } }
    expect:
      status: Failed
      error: Timeout
`;
    const result = await runFile({ 'approval.yaml': approvalFlow }, failing);
    expect(result.cases.map((c) => c.status)).toEqual(['passed', 'failed']);
    expect(result.cases[1].failures.flatMap(describeFailure).join('\n')).toMatch(/expect\.error.*under\.test\.yaml:16:14[\s\S]*at name:[\s\S]*expected "Timeout"[\s\S]*actual   "HttpError"/);
  });

  it('snapshot: written on the first run, compared on the next, rewritten on request', async () => {
    const project = projectWith({ 'approval.yaml': approvalFlow, 'under.test.yaml': oneCase('      snapshot: true\n') });
    try {
      const run = () => runTestFiles(['workflows/under.test.yaml'], { root: project.root, cwd: project.root });
      const first = await run();
      expect(first[0].cases[0].notes[0]).toMatch(/snapshot written/);
      const file = `${project.root}/workflows/__snapshots__/under.test.yaml.snap.json`;
      expect(JSON.parse(readFileSync(file, 'utf8')).small).toMatchObject({ status: 'Completed', output: { price: 12 } });
      expect((await run())[0].cases[0].status).toBe('passed');
      writeFileSync(file, readFileSync(file, 'utf8').replace('"price": 12', '"price": 13'));
      const changed = await run();
      expect(changed[0].cases[0].status).toBe('failed');
      expect(changed[0].cases[0].failures.flatMap(describeFailure).join('\n')).toMatch(/expect\.snapshot[\s\S]*output\.price[\s\S]*expected 13[\s\S]*actual   12/);
      const updated = await runTestFiles(['workflows/under.test.yaml'], { root: project.root, cwd: project.root, updateSnapshots: true });
      expect(updated[0].cases[0].status).toBe('passed');
      expect((await run())[0].cases[0].status).toBe('passed');
    } finally {
      project.remove();
    }
  });
});
