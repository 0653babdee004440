/** Test files that cannot run: every problem at its file:line:col, with a hint. */
import { describe, expect, it } from 'vitest';
import { readTestFile } from '../../engine/testing/read';

const problems = (text: string) => {
  const read = readTestFile('t.test.yaml', text);
  return read.ok ? [] : read.problems.map((p) => `${p.line}:${p.column} ${p.message}`);
};

describe('reading test files', () => {
  it('points at unknown keys with a suggestion, and at bad values', () => {
    expect(problems(`workflow: w
cases:
  - name: a
    expcet: { status: Completed }
    mocks:
      price: { outptu: 1 }
      "bad path!": { output: 1 }
    events:
      - { name: e, after: soon }
  - name: a
    expect:
      status: Complete
      steps: { x: Done }
`)).toEqual([
      '4:5 unknown case key `expcet`; known keys: name, input, mocks, events, expect, skip, only; did you mean "expect"?',
      '6:16 unknown mock answer key `outptu`; known keys: output, error, answer, failure, delay, degraded; did you mean "output"?',
      '7:7 `bad path!` is not a step id or run path (such as `price`, `perLine[*].check` or `perLine[2].check`)',
      '9:27 `after` must be a duration such as 500ms, 30s, 5m, 2h or 1d; got "soon"',
      '10:5 a second case named "a"; case names must be unique within a file',
      '12:15 unknown run status "Complete"; use one of Completed, Failed, DeadLettered, Terminated, Running; did you mean "Completed"?',
      '13:19 unknown step status "Done"; use one of Completed, Failed, Degraded, Skipped, Caught, NotRun',
    ]);
  });

  it('requires workflow and cases, and hints at quoting [*] in flow mappings', () => {
    expect(problems('cases: []\n')).toEqual(['1:1 missing `workflow` (the name of the workflow under test)', '1:8 `cases` must be a non-empty list']);
    expect(problems('workflow: w\ncases:\n  - name: a\n    expect: { calls: { each[*].x: 1 } }\n')[0]).toMatch(/^4:.*quote a run path with brackets/);
  });

  it('reads a valid file into cases with positions', () => {
    const read = readTestFile('t.test.yaml', 'workflow: w\nmocks:\n  a: { output: 1 }\ncases:\n  - name: one\n    mocks:\n      b: [{ error: Boom }, { output: 2, delay: 2h }]\n    expect:\n      output: { x: 1 }\n');
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    const [testCase] = read.testFile.cases;
    expect(testCase.mocks.map((m) => m.path)).toEqual(['b', 'a']);
    expect(testCase.mocks[0].answers.map((a) => [a.error?.name, a.output, a.delayMs])).toEqual([['Boom', undefined, undefined], [undefined, 2, 7_200_000]]);
    expect(testCase.expect.output?.at).toEqual({ file: 't.test.yaml', line: 9, column: 15 });
  });
});
