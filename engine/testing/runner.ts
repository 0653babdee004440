/**
 * Runs test files: reads each, finds the workflow it tests (in the test file's folder, else the
 * project's workflows folder), runs its cases one after the other and checks them, snapshots included.
 * The reporters (reporters/) turn the results into text or JUnit; coverage.ts adds up what ran.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { readProject, type Project } from '../adapters/project';
import { compilePlan } from '../plan/compile';
import { differences } from './compare';
import { CoverageCollector } from './coverage';
import { checkCase, type CaseFailure } from './expectations';
import type { TestCase, TestFile, TestFileProblem } from './format';
import { readTestFile } from './read';
import { runCase, type CaseRun, type RunRecord } from './run-case';

/** The result of one case. */
export interface CaseResult {
  name: string;
  status: 'passed' | 'failed' | 'skipped';
  failures: CaseFailure[];
  /** Wall time, ms. */
  durationMs: number;
  /** Notes that do not fail the case (a snapshot written). */
  notes: string[];
  run?: CaseRun;
}

/** The result of one test file. */
export interface FileResult {
  file: string;
  workflow?: string;
  /** Problems that kept the file from running (its format, a missing or invalid workflow). */
  problems: TestFileProblem[];
  cases: CaseResult[];
  durationMs: number;
}

/** How to run. */
export interface RunOptions {
  /** The project root (holds package.json); file names are shown relative to `cwd`. */
  root: string;
  cwd: string;
  /** The project's workflows folder, relative to root (default `workflows`). */
  workflowsDir?: string;
  /** Rewrite snapshots instead of comparing them. */
  updateSnapshots?: boolean;
  coverage?: CoverageCollector;
  /** Called as each case finishes (live output). */
  onCase?: (file: string, result: CaseResult) => void;
}

/** Runs test files (paths relative to `cwd`). */
export async function runTestFiles(files: readonly string[], options: RunOptions): Promise<FileResult[]> {
  const projects = new Map<string, Project>();
  const projectOf = (dir: string): Project => {
    let project = projects.get(dir);
    if (!project) projects.set(dir, (project = readProject({ root: options.root, workflowsDir: relative(options.root, dir) || '.' })));
    return project;
  };
  const mainDir = resolve(options.root, options.workflowsDir ?? 'workflows');
  if (options.coverage && existsSync(mainDir)) for (const workflow of projectOf(mainDir).workflows) options.coverage.declare(compilePlan(workflow.definition), workflow.file);
  const results: FileResult[] = [];
  for (const file of files) results.push(await runFile(file, options, projectOf, mainDir));
  return results;
}

async function runFile(file: string, options: RunOptions, projectOf: (dir: string) => Project, mainDir: string): Promise<FileResult> {
  const started = performance.now();
  const result: FileResult = { file, problems: [], cases: [], durationMs: 0 };
  const absolute = resolve(options.cwd, file);
  let text: string;
  try {
    text = readFileSync(absolute, 'utf8');
  } catch (error) {
    result.problems.push({ file, line: 1, column: 1, message: `cannot read the file: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}` });
    return result;
  }
  const read = readTestFile(file, text);
  if (!read.ok) {
    result.problems.push(...read.problems);
    return result;
  }
  const testFile = read.testFile;
  result.workflow = testFile.workflow;
  const dirs = [...new Set([dirname(absolute), ...(existsSync(mainDir) ? [mainDir] : [])])];
  const project = dirs.map(projectOf).find((candidate) => candidate.named(testFile.workflow) || candidate.invalid.some((w) => w.name === testFile.workflow));
  const invalid = project?.invalid.find((w) => w.name === testFile.workflow);
  const workflow = project?.named(testFile.workflow);
  if (!project || (!workflow && !invalid)) {
    result.problems.push({ file, line: 1, column: 1, message: `no workflow named \`${testFile.workflow}\` in ${dirs.map((dir) => relative(options.cwd, dir) || '.').join(' or ')}` });
    return result;
  }
  if (!workflow) {
    const first = invalid!.diagnostics[0];
    result.problems.push({ file, line: 1, column: 1, message: `workflow \`${testFile.workflow}\` (${invalid!.file}) is not valid${first ? `: ${first.file}:${first.line}:${first.column}: ${first.message}` : ''}; run \`sluice lint\`` });
    return result;
  }
  options.coverage?.declare(compilePlan(workflow.definition), workflow.file);
  const named = (name: string) => project.named(name)?.definition ?? projectOf(mainDir).named(name)?.definition;
  const focused = testFile.cases.some((testCase) => testCase.only);
  const snapshots = new Snapshots(absolute, options.updateSnapshots ?? false);
  for (const [index, testCase] of testFile.cases.entries()) {
    const skipped = testCase.skip || (focused && !testCase.only);
    const caseResult = skipped
      ? { name: testCase.name, status: 'skipped' as const, failures: [], durationMs: 0, notes: [] }
      : await runOne(testFile, testCase, index, { definition: workflow.definition, named }, snapshots, options);
    result.cases.push(caseResult);
    options.onCase?.(file, caseResult);
  }
  snapshots.save();
  result.durationMs = performance.now() - started;
  return result;
}

async function runOne(testFile: TestFile, testCase: TestCase, index: number, workflows: Parameters<typeof runCase>[1], snapshots: Snapshots, options: RunOptions): Promise<CaseResult> {
  const run = await runCase(testCase, workflows, index);
  const failures = checkCase(testCase, run);
  const notes: string[] = [];
  if (testCase.expect.snapshot?.value && run.record) {
    const outcome = snapshots.check(testCase.name, snapshotOf(run.record));
    if (outcome.written) notes.push(`snapshot ${outcome.written} in ${relative(options.cwd, snapshots.file)}`);
    if (outcome.differences.length > 0) {
      failures.push({ what: 'expect.snapshot', at: testCase.expect.snapshot.at, message: `the run record differs from ${relative(options.cwd, snapshots.file)} (update it with --update-snapshots)`, differences: outcome.differences.slice(0, 20) });
    }
  }
  options.coverage?.add(run);
  return { name: testCase.name, status: failures.length > 0 ? 'failed' : 'passed', failures, durationMs: run.wallMs, notes, run };
}

// The definition hash changes with every edit of the workflow; a snapshot is about what the run did.
function snapshotOf(record: RunRecord): unknown {
  const { definitionHash: _hash, ...rest } = record;
  return JSON.parse(JSON.stringify(rest));
}

/** The snapshots of one test file: `__snapshots__/<file>.snap.json` beside it, one entry per case name. */
class Snapshots {
  readonly file: string;
  private entries: Record<string, unknown> | undefined;
  private changed = false;

  constructor(testFile: string, private readonly update: boolean) {
    this.file = join(dirname(testFile), '__snapshots__', `${basename(testFile)}.snap.json`);
  }

  check(name: string, actual: unknown): { written?: 'written' | 'updated'; differences: ReturnType<typeof differences> } {
    const entries = this.load();
    if (!(name in entries) || this.update) {
      const written = name in entries ? 'updated' : 'written';
      if (!(name in entries) || differences(entries[name], actual, 'exact').length > 0) {
        entries[name] = actual;
        this.changed = true;
        return { written, differences: [] };
      }
      return { differences: [] };
    }
    return { differences: differences(entries[name], actual, 'exact') };
  }

  save(): void {
    if (!this.changed) return;
    mkdirSync(dirname(this.file), { recursive: true });
    writeFileSync(this.file, JSON.stringify(this.entries, null, 2) + '\n');
  }

  private load(): Record<string, unknown> {
    if (!this.entries) this.entries = existsSync(this.file) ? (JSON.parse(readFileSync(this.file, 'utf8')) as Record<string, unknown>) : {};
    return this.entries;
  }
}
