/** `sluice test` on the scenarios the issue names: retries, catch, 1,000 items, sub-workflows, a 24 h approval, ai fail-open. */
import { describe, expect, it } from 'vitest';
import { describeFailure } from '../../engine/testing/expectations';
import { approvalFlow, runFile } from './project';

const failures = (result: Awaited<ReturnType<typeof runFile>>) => result.cases.map((c) => c.failures.flatMap(describeFailure).join('\n'));

describe('sluice test scenarios', () => {
  it('answers successive attempts from a list, with the retry interval in virtual time', async () => {
    const result = await runFile({ 'approval.yaml': approvalFlow }, `workflow: approval
cases:
  - name: third time lucky
    input: { amount: 5 }
    mocks:
      price:
        - error: { name: HttpError, message: "503" }
        - error: { name: HttpError, message: "502" }
        - output: 40
      save: { output: null }
    expect:
      output: { price: 40 }
      calls: { price: 3 }
      record: { endedAt: "2026-01-01T00:01:30.000Z" } # 30 s, then 60 s (backoff 2)
  - name: retries spent
    input: { amount: 5 }
    mocks:
      price: { error: { name: HttpError, message: "503" } }
    expect:
      status: Failed
      error: HttpError
      calls: { price: 3 }
      steps: { price: Failed, save: NotRun }
`);
    expect(failures(result)).toEqual(['', '']);
  });

  it('takes a catch path', async () => {
    const result = await runFile({ 'approval.yaml': approvalFlow }, `workflow: approval
cases:
  - name: cosmos down
    input: { amount: 5 }
    mocks:
      price: { output: 1 }
      save: { error: { name: CosmosError, message: "unavailable", retryable: false } }
      park: { output: { messageId: m } }
    expect:
      status: Completed
      steps:
        save: Caught
        save.catch[0].park: Completed
      inputs: { park: { message: { error: unavailable } } }
`);
    expect(failures(result)).toEqual(['']);
  });

  it('a 24 h approval timeout finishes at once in wall time, and an event raised after 3 h wins', async () => {
    const result = await runFile({ 'approval.yaml': approvalFlow }, `workflow: approval
mocks:
  price: { output: 1 }
  ask: { output: { messageId: m } }
  save: { output: null }
cases:
  - name: nobody answers
    input: { amount: 500 }
    expect:
      status: Failed
      error: { name: Timeout, step: route.decision }
      record: { endedAt: "2026-01-02T00:00:00.000Z" }
  - name: approved after 3 hours
    input: { amount: 500 }
    events:
      - { name: approved, after: 3h, payload: { by: ana } }
    expect:
      output: { decision: { by: ana } }
      record: { endedAt: "2026-01-01T03:00:00.000Z" }
`);
    expect(failures(result)).toEqual(['', '']);
  });

  it('runs a forEach of 1,000 items, each answered by a [*] mock', async () => {
    const items = JSON.stringify(Array.from({ length: 1000 }, (_, i) => i));
    const result = await runFile(
      { 'many.yaml': 'name: many\nsteps:\n  - id: each\n    forEach:\n      items: ${{ input.items }}\n      concurrency: 50\n      steps:\n        - id: call\n          activity: work\n          input: ${{ item }}\noutput: ${{ steps.each.output|length }}\n' },
      `workflow: many
cases:
  - name: a thousand
    input: { items: ${items} }
    mocks:
      each[*].call: { output: done }
      each[999].call: { output: last }
    expect:
      outputEquals: 1000
      calls: { "each[*].call": 1000 }
      inputs: { "each[999].call": { input: 999 } }
`,
    );
    expect(failures(result)).toEqual(['']);
  }, 60_000);

  it('mocks a sub-workflow by its step id, or runs the real one with its steps mocked', async () => {
    const parent = 'name: parent\nsteps:\n  - id: child\n    workflow: child\n    input: { n: 2 }\noutput: ${{ steps.child.output }}\n';
    const child = 'name: child\nsteps:\n  - id: lookup\n    http: { url: "https://x.example.com/${{ input.n }}" }\n  - id: double\n    set: ${{ steps.lookup.output * 2 }}\noutput: ${{ steps.double.output }}\n';
    const result = await runFile({ 'parent.yaml': parent, 'child.yaml': child }, `workflow: parent
cases:
  - name: mocked
    mocks:
      child: { output: 99 }
    expect:
      outputEquals: 99
      calls: { child: 1, child.lookup: 0 }
      inputs: { child: { n: 2 } }
  - name: real
    mocks:
      child.lookup: { output: 21 }
    expect:
      outputEquals: 42
      calls: { child: 1, child.lookup: 1 }
      steps: { child.double: Completed }
      inputs: { child.lookup: { url: "https://x.example.com/2" } }
  - name: mocked failure
    mocks:
      child: { error: { name: Boom, message: "child broke" } }
    expect:
      status: Failed
      error: { name: Boom, step: child }
`);
    expect(failures(result)).toEqual(['', '', '']);
  });

  it('tests ai fail-open: a failure mode takes the fallback and marks the step Degraded', async () => {
    const flow = `name: classify
steps:
  - id: label
    ai:
      prompt: Classify \${{ input.text }}
      output: { type: object, required: [label], properties: { label: { enum: [good, bad, unknown] } } }
      fallback: { label: unknown }
    retry: { maxAttempts: 2, interval: 1m }
output: \${{ steps.label.output }}
`;
    const result = await runFile({ 'classify.yaml': flow }, `workflow: classify
cases:
  - name: answers
    input: { text: hi }
    mocks: { label: { answer: '{"label": "good"}' } }
    expect: { outputEquals: { label: good }, steps: { label: Completed } }
  - name: timeout falls back after the retry
    input: { text: hi }
    mocks: { label: { failure: timeout } }
    expect: { outputEquals: { label: unknown }, steps: { label: Degraded }, calls: { label: 2 } }
  - name: invalid JSON falls back at once
    input: { text: hi }
    mocks: { label: { failure: invalidJson } }
    expect: { output: { label: unknown }, steps: { label: Degraded }, calls: { label: 1 } }
  - name: a transient failure, then an answer
    input: { text: hi }
    mocks: { label: [{ failure: serverError }, { answer: { label: bad } }] }
    expect: { output: { label: bad }, steps: { label: Completed }, calls: { label: 2 } }
`);
    expect(failures(result)).toEqual(['', '', '', '']);
  });

  it('fails a case whose I/O step has no mock, naming the step, even when the run recovers', async () => {
    const result = await runFile({ 'approval.yaml': approvalFlow }, `workflow: approval
cases:
  - name: forgot save
    input: { amount: 5 }
    mocks:
      price: { output: 1 }
      park: { output: null }
`);
    expect(result.cases[0].status).toBe('failed');
    expect(failures(result)[0]).toMatch(/step `save` \(cosmos\) has no mock in this case/);
  });

  it('a mock delay passes in virtual time and loses to the step timeout', async () => {
    const flow = 'name: slow\nsteps:\n  - id: call\n    http: { url: "https://slow.example.com" }\n    timeout: 30s\n';
    const result = await runFile({ 'slow.yaml': flow }, `workflow: slow
cases:
  - name: too slow
    mocks: { call: { output: 1, delay: 1m } }
    expect: { status: Failed, error: Timeout }
  - name: in time
    mocks: { call: { output: 1, delay: 10s } }
    expect: { status: Completed, record: { endedAt: "2026-01-01T00:00:10.000Z" } }
`);
    expect(failures(result)).toEqual(['', '']);
  });

  it('a run that waits for an event no case raises is reported as Running', async () => {
    const flow = 'name: forever\nsteps:\n  - id: w\n    waitForEvent: { name: go }\n';
    const result = await runFile({ 'forever.yaml': flow }, `workflow: forever
cases:
  - name: waits
    expect: { status: Running }
  - name: expected to complete
`);
    expect(result.cases[0].status).toBe('passed');
    expect(failures(result)[1]).toMatch(/is an event missing from `events`\?/);
  });
});
