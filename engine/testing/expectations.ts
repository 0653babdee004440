/**
 * Checks a case's run against its expectations. Each failed expectation is one finding with the
 * position of the expectation in the test file and its differences, expected against actual.
 */
import { differences, show, type Difference } from './compare';
import type { Expectations, SourcePosition, TestCase } from './format';
import { observedSteps } from './observe';
import { matchesRunPath } from './paths';
import type { CaseRun } from './run-case';

/** One failed expectation (or a problem running the case). */
export interface CaseFailure {
  /** Which expectation: `expect.output`, `expect.steps.approval.signOff`, `mocks`, … */
  what: string;
  at: SourcePosition;
  message?: string;
  differences: Difference[];
}

/** Checks every expectation of a case; the snapshot is checked by the runner (it owns the files). */
export function checkCase(testCase: TestCase, run: CaseRun): CaseFailure[] {
  const failures: CaseFailure[] = [];
  const expect = testCase.expect;
  for (const problem of run.problems) failures.push({ what: 'case', at: testCase.at, message: problem, differences: [] });
  for (const message of run.log.unmocked.values()) failures.push({ what: 'mocks', at: testCase.at, message, differences: [] });
  if (run.end === 'notStarted') return failures;
  checkRun(expect, run, failures, testCase.at);
  checkSteps(expect, run, failures);
  return failures;
}

function checkRun(expect: Expectations, run: CaseRun, failures: CaseFailure[], caseAt: SourcePosition): void {
  // Without a status expectation a case still expects its run to complete, unless it names an error.
  const status = expect.status?.value ?? (expect.error ? undefined : 'Completed');
  if (status !== undefined && status !== run.status) {
    const why = run.status === 'Running' ? ' (it waits and nothing more happens in this case: is an event missing from `events`?)' : '';
    const error = run.error ? `; the run failed with ${run.error.name}: ${run.error.message}${run.error.step ? ` (step \`${run.error.step}\`)` : ''}` : '';
    failures.push({ what: 'expect.status', at: expect.status?.at ?? caseAt, message: `status${why}${error}`, differences: [{ path: '', expected: status, actual: run.status }] });
  }
  if (expect.output) {
    const found = differences(expect.output.value, run.output, 'subset');
    if (found.length > 0) failures.push({ what: 'expect.output', at: expect.output.at, differences: found });
  }
  if (expect.outputEquals) {
    const found = differences(expect.outputEquals.value, run.output, 'exact');
    if (found.length > 0) failures.push({ what: 'expect.outputEquals', at: expect.outputEquals.at, differences: found });
  }
  if (expect.error) {
    const wanted = expect.error.value;
    const actual = run.error;
    const found: Difference[] = [];
    if (!actual) found.push({ path: '', expected: wanted, actual: null });
    else {
      if (wanted.name !== undefined && wanted.name !== actual.name) found.push({ path: 'name', expected: wanted.name, actual: actual.name });
      if (wanted.message !== undefined && !actual.message.includes(wanted.message)) found.push({ path: 'message (contains)', expected: wanted.message, actual: actual.message });
      if (wanted.step !== undefined && wanted.step !== actual.step) found.push({ path: 'step', expected: wanted.step, actual: actual.step ?? null });
    }
    if (found.length > 0) failures.push({ what: 'expect.error', at: expect.error.at, differences: found });
  }
  if (expect.record) {
    const found = differences(expect.record.value, run.record ?? null, 'subset');
    if (found.length > 0) failures.push({ what: 'expect.record', at: expect.record.at, differences: found });
  }
}

function checkSteps(expect: Expectations, run: CaseRun, failures: CaseFailure[]): void {
  const observed = [...observedSteps(run).values()];
  for (const { path, value, at } of expect.steps) {
    const matching = observed.filter((step) => matchesRunPath(path, step.path));
    if (matching.length === 0) {
      if (value !== 'NotRun') failures.push({ what: `expect.steps.${path}`, at, message: 'the step did not run', differences: [{ path: '', expected: value, actual: 'NotRun' }] });
      continue;
    }
    const wrong = matching.filter((step) => step.status !== value);
    if (wrong.length > 0) failures.push({ what: `expect.steps.${path}`, at, differences: wrong.slice(0, 10).map((step) => ({ path: step.path, expected: value, actual: step.status })) });
  }
  for (const { path, value, at } of expect.calls) {
    const count = run.log.calls.filter((call) => matchesRunPath(path, call.path)).length;
    if (count !== value) failures.push({ what: `expect.calls.${path}`, at, message: 'attempts made', differences: [{ path: '', expected: value, actual: count }] });
  }
  for (const { path, value, at } of expect.inputs) {
    const configs = run.log.calls.filter((call) => matchesRunPath(path, call.path)).map((call) => call.config);
    if (configs.length === 0) {
      failures.push({ what: `expect.inputs.${path}`, at, message: 'the step was never called', differences: [{ path: '', expected: value, actual: undefined }] });
      continue;
    }
    // A list expects one input per call, in order; a mapping is what every call received.
    const found = Array.isArray(value)
      ? differences(value, configs, 'subset')
      : configs.flatMap((config, i) => differences(value, config, 'subset').map((d) => ({ ...d, path: configs.length > 1 ? `[call ${i + 1}]${d.path ? `.${d.path}` : ''}` : d.path })));
    if (found.length > 0) failures.push({ what: `expect.inputs.${path}`, at, differences: found.slice(0, 10) });
  }
}

/** A failure as text lines (the diff the reporters print). */
export function describeFailure(failure: CaseFailure): string[] {
  const where = `${failure.at.file}:${failure.at.line}:${failure.at.column}`;
  const lines = [`${failure.what}${failure.message ? `: ${failure.message}` : ''}  (${where})`];
  for (const d of failure.differences) {
    if (d.path) lines.push(`  at ${d.path}:`);
    lines.push(`    - expected ${show(d.expected)}`, `    + actual   ${show(d.actual)}`);
  }
  return lines;
}
