/**
 * The workflow test file (`*.test.yaml`) as data, after reading and checking (read.ts). The key names
 * are a public contract (docs/testing.md, shared dsl-contract "Workflow tests"): add, never rename.
 */

/** A position in a test file, 1-based. */
export interface SourcePosition {
  file: string;
  line: number;
  column: number;
}

/** A step failure a mock answers with. */
export interface MockError {
  name: string;
  message: string;
  /** Whether the orchestrator may retry it; default true (so `retry` policies apply). */
  retryable: boolean;
  status?: number;
}

/** How a mocked `ai` step fails, worded as the real `sluice.ai` activity words it. */
export const AI_FAILURES = ['timeout', 'safety', 'blockedPrompt', 'invalidJson', 'schemaMismatch', 'empty', 'rateLimited', 'serverError'] as const;
/** One of AI_FAILURES. */
export type AiFailure = (typeof AI_FAILURES)[number];

/** One answer of a mock: for one attempt, or for every attempt when it is the only one. */
export interface MockAnswer {
  output?: unknown;
  error?: MockError;
  /** An `ai` step's raw answer (text, or a value sent as JSON text), read by the real answer reader. */
  answer?: unknown;
  /** An `ai` step's failure mode. */
  failure?: AiFailure;
  /** Virtual time the answer takes, in ms. */
  delayMs?: number;
  /** Marks the step Degraded with this reason (as an activity may). */
  degraded?: string;
  at: SourcePosition;
}

/** A mock: answers for successive attempts (the last one repeats). */
export interface Mock {
  /** The run path pattern, e.g. `perLine[*].check`. */
  path: string;
  answers: MockAnswer[];
  at: SourcePosition;
}

/** An external event the case raises. */
export interface CaseEvent {
  name: string;
  /** Virtual time after the run's start, in ms. */
  afterMs: number;
  payload: unknown;
  at: SourcePosition;
}

/** An expectation with where it is written (for the diff). */
export interface Located<T> {
  value: T;
  at: SourcePosition;
}

/** The step statuses an expectation may name. */
export const STEP_STATUSES = ['Completed', 'Failed', 'Degraded', 'Skipped', 'Caught', 'NotRun'] as const;
/** One of STEP_STATUSES. */
export type ExpectedStepStatus = (typeof STEP_STATUSES)[number];

/** A run's expected failure: its name, and optionally part of its message and the failing step. */
export interface ExpectedError {
  name?: string;
  message?: string;
  step?: string;
}

/** What a case expects of its run. */
export interface Expectations {
  status?: Located<string>;
  /** A subset of the run's output. */
  output?: Located<unknown>;
  /** The run's output, exactly. */
  outputEquals?: Located<unknown>;
  error?: Located<ExpectedError>;
  /** Run path (pattern) → status. */
  steps: Array<Located<ExpectedStepStatus> & { path: string }>;
  /** Run path (pattern) → attempts made (summed over the paths a pattern matches). */
  calls: Array<Located<number> & { path: string }>;
  /** Run path (pattern) → a subset of the config the step received (a list: per call, in order). */
  inputs: Array<Located<unknown> & { path: string }>;
  /** A subset of the run record. */
  record?: Located<unknown>;
  /** Compare the run record with the stored snapshot (written when there is none). */
  snapshot?: Located<boolean>;
}

/** One case. */
export interface TestCase {
  name: string;
  input: unknown;
  mocks: Mock[];
  events: CaseEvent[];
  expect: Expectations;
  skip: boolean;
  only: boolean;
  at: SourcePosition;
}

/** A test file. */
export interface TestFile {
  file: string;
  /** The workflow under test, by name. */
  workflow: string;
  cases: TestCase[];
}

/** A problem with a test file, at its position. */
export interface TestFileProblem extends SourcePosition {
  message: string;
}
