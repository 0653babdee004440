/**
 * Reads a `*.test.yaml` file: parses it with positions (a `LineCounter`), checks every key, and returns
 * the test file as data (format.ts) with each mock and expectation's line, or the problems, each at its
 * file:line:col. Problems are collected, not thrown; an unknown key gets a "did you mean" hint.
 */
import { LineCounter, isMap, isScalar, isSeq, parseDocument, type Node } from 'yaml';
import { parseDuration } from '../definition/duration';
import { closest } from '../diagnostics/suggest';
import {
  AI_FAILURES,
  STEP_STATUSES,
  type AiFailure,
  type CaseEvent,
  type ExpectedError,
  type ExpectedStepStatus,
  type Expectations,
  type Mock,
  type MockAnswer,
  type MockError,
  type SourcePosition,
  type TestCase,
  type TestFile,
  type TestFileProblem,
} from './format';

/** Run statuses a case may expect (`Running`: the run still waits when nothing more can happen). */
export const RUN_STATUSES = ['Completed', 'Failed', 'DeadLettered', 'Terminated', 'Running'] as const;

const FILE_KEYS = ['workflow', 'cases', 'mocks'];
const CASE_KEYS = ['name', 'input', 'mocks', 'events', 'expect', 'skip', 'only'];
const ANSWER_KEYS = ['output', 'error', 'answer', 'failure', 'delay', 'degraded'];
const ERROR_KEYS = ['name', 'message', 'retryable', 'status'];
const EVENT_KEYS = ['name', 'after', 'payload'];
const EXPECT_KEYS = ['status', 'output', 'outputEquals', 'error', 'steps', 'calls', 'inputs', 'record', 'snapshot'];
const EXPECTED_ERROR_KEYS = ['name', 'message', 'step'];

/** What reading a test file gives: the file, or why it cannot be run. */
export type ReadResult = { ok: true; testFile: TestFile } | { ok: false; problems: TestFileProblem[] };

/** Reads and checks a test file's text. */
export function readTestFile(file: string, text: string): ReadResult {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false });
  const problems: TestFileProblem[] = [];
  const at = (node: Node | null | undefined): SourcePosition => {
    const offset = node?.range?.[0] ?? 0;
    const { line, col } = lineCounter.linePos(offset);
    return { file, line, column: col };
  };
  const problem = (node: Node | null | undefined, message: string): void => {
    problems.push({ ...at(node), message });
  };
  // One YAML error per line: the parser's follow-up errors on the same line only repeat the first.
  const lines = new Set<number>();
  for (const error of document.errors) {
    const { line, col } = lineCounter.linePos(error.pos[0]);
    if (lines.has(line)) continue;
    lines.add(line);
    const alias = /Alias|flow|Unexpected/.test(error.message) && /\w\[(\d+|\*)\]/.test(text.split('\n')[line - 1] ?? '') ? ' (inside `{ … }`, quote a run path with brackets: "perLine[*].check")' : '';
    problems.push({ file, line, column: col, message: error.message.split('\n')[0] + alias });
  }
  if (problems.length > 0) return { ok: false, problems };

  const reader = new NodeReader(problem);
  const root = document.contents as Node | null;
  if (!isMap(root)) {
    problem(root, 'a test file is a mapping with `workflow` and `cases`');
    return { ok: false, problems };
  }
  const fields = reader.fields(root, FILE_KEYS, 'test file');
  const workflow = reader.string(fields.get('workflow'), root, '`workflow` (the name of the workflow under test)');
  const shared = fields.has('mocks') ? readMocks(reader, fields.get('mocks')!, at) : [];
  const casesNode = fields.get('cases');
  const cases: TestCase[] = [];
  if (!casesNode) problem(root, 'missing `cases`: a list of cases, each with a `name`');
  else if (!isSeq(casesNode) || casesNode.items.length === 0) problem(casesNode, '`cases` must be a non-empty list');
  else {
    const names = new Map<string, Node>();
    for (const item of casesNode.items as Node[]) {
      const testCase = readCase(reader, item, shared, at);
      if (!testCase) continue;
      if (names.has(testCase.name)) problem(item, `a second case named "${testCase.name}"; case names must be unique within a file`);
      names.set(testCase.name, item);
      cases.push(testCase);
    }
  }
  if (problems.length > 0) return { ok: false, problems: problems.sort((a, b) => a.line - b.line || a.column - b.column) };
  return { ok: true, testFile: { file, workflow: workflow!, cases } };
}

type At = (node: Node | null | undefined) => SourcePosition;

function readCase(reader: NodeReader, node: Node, shared: Mock[], at: At): TestCase | undefined {
  if (!isMap(node)) {
    reader.problem(node, 'a case is a mapping with a `name`');
    return undefined;
  }
  const fields = reader.fields(node, CASE_KEYS, 'case');
  const name = reader.string(fields.get('name'), node, 'a case `name`');
  const own = fields.has('mocks') ? readMocks(reader, fields.get('mocks')!, at) : [];
  const ownPaths = new Set(own.map((mock) => mock.path));
  const eventsNode = fields.get('events');
  const events: CaseEvent[] = [];
  if (eventsNode && !isSeq(eventsNode)) reader.problem(eventsNode, '`events` must be a list of `{ name, after, payload }`');
  else if (eventsNode) for (const item of eventsNode.items as Node[]) {
    const event = readEvent(reader, item, at);
    if (event) events.push(event);
  }
  const expectNode = fields.get('expect');
  if (expectNode && !isMap(expectNode)) reader.problem(expectNode, '`expect` must be a mapping');
  return {
    name: name ?? '',
    input: fields.has('input') ? reader.value(fields.get('input')!) : {},
    // A case's own mock of a path replaces the file's.
    mocks: [...own, ...shared.filter((mock) => !ownPaths.has(mock.path))],
    events,
    expect: readExpect(reader, isMap(expectNode) ? expectNode : undefined, at),
    skip: reader.boolean(fields.get('skip')) ?? false,
    only: reader.boolean(fields.get('only')) ?? false,
    at: at(node),
  };
}

function readMocks(reader: NodeReader, node: Node, at: At): Mock[] {
  if (!isMap(node)) {
    reader.problem(node, '`mocks` must be a mapping from a step id or run path to an answer or a list of answers');
    return [];
  }
  const mocks: Mock[] = [];
  for (const pair of node.items) {
    const key = pair.key as Node;
    const path = isScalar(key) ? String(key.value) : '';
    if (!isRunPathPattern(path)) {
      reader.problem(key, `\`${path}\` is not a step id or run path (such as \`price\`, \`perLine[*].check\` or \`perLine[2].check\`)`);
      continue;
    }
    const value = pair.value as Node | null;
    const answers: MockAnswer[] = [];
    if (isSeq(value)) {
      if (value.items.length === 0) reader.problem(value, `the mock of \`${path}\` lists no answers`);
      for (const item of value.items as Node[]) {
        const answer = readAnswer(reader, item, path, at);
        if (answer) answers.push(answer);
      }
    } else {
      const answer = readAnswer(reader, value, path, at);
      if (answer) answers.push(answer);
    }
    mocks.push({ path, answers, at: at(key) });
  }
  return mocks;
}

function readAnswer(reader: NodeReader, node: Node | null, path: string, at: At): MockAnswer | undefined {
  if (!isMap(node)) {
    reader.problem(node, `the mock of \`${path}\` must be \`{ output }\`, \`{ error: { name, message } }\`, an ai \`{ answer }\` or \`{ failure }\`, or a list of them`);
    return undefined;
  }
  const fields = reader.fields(node, ANSWER_KEYS, 'mock answer');
  const kinds = ['output', 'error', 'answer', 'failure'].filter((key) => fields.has(key));
  if (kinds.length > 1) reader.problem(node, `a mock answer has one of \`output\`, \`error\`, \`answer\` or \`failure\`, not ${kinds.map((k) => `\`${k}\``).join(' and ')}`);
  const answer: MockAnswer = { at: at(node) };
  if (fields.has('output')) answer.output = reader.value(fields.get('output')!);
  if (kinds.length === 0) answer.output = null;
  if (fields.has('error')) answer.error = readMockError(reader, fields.get('error')!);
  if (fields.has('answer')) answer.answer = reader.value(fields.get('answer')!);
  if (fields.has('failure')) {
    const failure = reader.string(fields.get('failure'), node, '`failure`');
    if (failure !== undefined && !(AI_FAILURES as readonly string[]).includes(failure)) {
      reader.problem(fields.get('failure'), `unknown ai failure "${failure}"; use one of ${AI_FAILURES.join(', ')}${hint(failure, AI_FAILURES)}`);
    } else if (failure !== undefined) answer.failure = failure as AiFailure;
  }
  if (fields.has('delay')) answer.delayMs = reader.duration(fields.get('delay')!, '`delay`');
  if (fields.has('degraded')) answer.degraded = reader.string(fields.get('degraded'), node, '`degraded` (a reason)');
  return answer;
}

function readMockError(reader: NodeReader, node: Node): MockError | undefined {
  if (isScalar(node) && typeof node.value === 'string') return { name: node.value, message: `${node.value} (mocked)`, retryable: true };
  if (!isMap(node)) {
    reader.problem(node, '`error` must be `{ name, message }` (or just the error name)');
    return undefined;
  }
  const fields = reader.fields(node, ERROR_KEYS, 'mock error');
  const name = reader.string(fields.get('name'), node, 'the error `name`');
  const message = fields.has('message') ? reader.string(fields.get('message'), node, 'the error `message`') : undefined;
  const retryable = reader.boolean(fields.get('retryable'));
  const status = fields.has('status') ? reader.number(fields.get('status')!, 'the error `status`') : undefined;
  return {
    name: name ?? 'Error',
    message: message ?? `${name} (mocked)`,
    retryable: retryable ?? true,
    ...(status !== undefined ? { status } : {}),
  };
}

function readEvent(reader: NodeReader, node: Node, at: At): CaseEvent | undefined {
  if (!isMap(node)) {
    reader.problem(node, 'an event is `{ name, after, payload }`');
    return undefined;
  }
  const fields = reader.fields(node, EVENT_KEYS, 'event');
  const name = reader.string(fields.get('name'), node, 'the event `name`');
  const afterMs = fields.has('after') ? reader.duration(fields.get('after')!, '`after`') : 0;
  if (name === undefined) return undefined;
  return { name, afterMs: afterMs ?? 0, payload: fields.has('payload') ? reader.value(fields.get('payload')!) : null, at: at(node) };
}

function readExpect(reader: NodeReader, node: Node | undefined, at: At): Expectations {
  const expect: Expectations = { steps: [], calls: [], inputs: [] };
  if (!node || !isMap(node)) return expect;
  const fields = reader.fields(node, EXPECT_KEYS, 'expectation');
  const status = fields.get('status');
  if (status) {
    const value = reader.string(status, node, '`status`');
    if (value !== undefined && !(RUN_STATUSES as readonly string[]).includes(value)) {
      reader.problem(status, `unknown run status "${value}"; use one of ${RUN_STATUSES.join(', ')}${hint(value, RUN_STATUSES)}`);
    } else if (value !== undefined) expect.status = { value, at: at(status) };
  }
  for (const key of ['output', 'outputEquals', 'record'] as const) {
    const value = fields.get(key);
    if (value) expect[key] = { value: reader.value(value), at: at(value) };
  }
  const error = fields.get('error');
  if (error) {
    const value = readExpectedError(reader, error);
    if (value) expect.error = { value, at: at(error) };
  }
  const snapshot = fields.get('snapshot');
  if (snapshot) {
    const value = reader.boolean(snapshot);
    if (value !== undefined) expect.snapshot = { value, at: at(snapshot) };
  }
  for (const [key, list] of [['steps', expect.steps], ['calls', expect.calls], ['inputs', expect.inputs]] as const) {
    const mapping = fields.get(key);
    if (!mapping) continue;
    if (!isMap(mapping)) {
      reader.problem(mapping, `\`${key}\` must be a mapping from a run path to ${key === 'steps' ? 'a status' : key === 'calls' ? 'a count' : 'a subset of the step input'}`);
      continue;
    }
    for (const pair of mapping.items) {
      const keyNode = pair.key as Node;
      const path = isScalar(keyNode) ? String(keyNode.value) : '';
      const valueNode = pair.value as Node;
      if (!isRunPathPattern(path)) {
        reader.problem(keyNode, `\`${path}\` is not a run path (such as \`price\` or \`perLine[*].check\`)`);
        continue;
      }
      if (key === 'steps') {
        const value = reader.string(valueNode, keyNode, 'a step status');
        if (value !== undefined && !(STEP_STATUSES as readonly string[]).includes(value)) {
          reader.problem(valueNode, `unknown step status "${value}"; use one of ${STEP_STATUSES.join(', ')}${hint(value, STEP_STATUSES)}`);
        } else if (value !== undefined) expect.steps.push({ path, value: value as ExpectedStepStatus, at: at(keyNode) });
      } else if (key === 'calls') {
        const value = reader.number(valueNode, `the call count of \`${path}\``);
        if (value !== undefined) expect.calls.push({ path, value, at: at(keyNode) });
      } else {
        expect.inputs.push({ path, value: reader.value(valueNode), at: at(keyNode) });
      }
    }
  }
  return expect;
}

function readExpectedError(reader: NodeReader, node: Node): ExpectedError | undefined {
  if (isScalar(node) && typeof node.value === 'string') return { name: node.value };
  if (!isMap(node)) {
    reader.problem(node, '`error` is the failing error\'s name, or `{ name, message, step }`');
    return undefined;
  }
  const fields = reader.fields(node, EXPECTED_ERROR_KEYS, 'expected error');
  const expected: ExpectedError = {};
  for (const key of EXPECTED_ERROR_KEYS as Array<keyof ExpectedError>) {
    if (fields.has(key)) {
      const value = reader.string(fields.get(key), node, `\`error.${key}\``);
      if (value !== undefined) expected[key] = value;
    }
  }
  return expected;
}

/** `price`, `perLine[*].check`, `perLine[2].check`, `risky.catch[0].notify`, `$deadLetter`. */
export function isRunPathPattern(path: string): boolean {
  return /^(\$deadLetter|[A-Za-z_][\w-]*(\[(\d+|\*)\])*(\.[A-Za-z_][\w-]*(\[(\d+|\*)\])*)*)$/.test(path);
}

function hint(word: string, candidates: readonly string[]): string {
  const near = closest(word, candidates);
  return near ? `; did you mean "${near}"?` : '';
}

/** Reads scalars and mappings, reporting problems at the node (or the mapping when a key is missing). */
class NodeReader {
  constructor(readonly problem: (node: Node | null | undefined, message: string) => void) {}

  /** The fields of a mapping by key; unknown keys are reported with a hint. */
  fields(node: Node, known: readonly string[], what: string): Map<string, Node> {
    const fields = new Map<string, Node>();
    if (!isMap(node)) return fields;
    for (const pair of node.items) {
      const key = pair.key as Node;
      const name = isScalar(key) ? String(key.value) : '';
      if (!known.includes(name)) {
        this.problem(key, `unknown ${what} key \`${name}\`; known keys: ${known.join(', ')}${hint(name, known)}`);
        continue;
      }
      fields.set(name, (pair.value as Node | null) ?? (key as Node));
      if (pair.value === null) fields.set(name, { range: key.range } as unknown as Node);
    }
    return fields;
  }

  value(node: Node): unknown {
    return isScalar(node) || isMap(node) || isSeq(node) ? node.toJSON() : null;
  }

  string(node: Node | undefined, parent: Node, what: string): string | undefined {
    if (!node) {
      this.problem(parent, `missing ${what}`);
      return undefined;
    }
    if (isScalar(node) && typeof node.value === 'string' && node.value !== '') return node.value;
    this.problem(node, `${what} must be a non-empty string`);
    return undefined;
  }

  boolean(node: Node | undefined): boolean | undefined {
    if (!node) return undefined;
    if (isScalar(node) && typeof node.value === 'boolean') return node.value;
    this.problem(node, 'expected `true` or `false`');
    return undefined;
  }

  number(node: Node, what: string): number | undefined {
    if (isScalar(node) && typeof node.value === 'number' && Number.isInteger(node.value) && node.value >= 0) return node.value;
    this.problem(node, `${what} must be a whole number`);
    return undefined;
  }

  duration(node: Node, what: string): number | undefined {
    const text = isScalar(node) ? String(node.value) : '';
    const ms = parseDuration(text);
    if (ms === undefined) this.problem(node, `${what} must be a duration such as 500ms, 30s, 5m, 2h or 1d; got "${text}"`);
    return ms;
  }
}
