/**
 * The project: every workflow definition under the workflows folder, linted together (schema, rules,
 * cross-file facts) and ready to run. The Azure app refuses to start with an invalid definition
 * (`loadProject` throws its diagnostics); the embedded runtime reads the project tolerantly
 * (`readProject`): it serves the valid workflows and refuses runs of the invalid ones with their diagnostics.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { isWorkflowFileName } from '../definition/file-names';
import type { WorkflowDefinition } from '../definition/workflow.generated';
import type { Diagnostic } from '../diagnostics/diagnostic';
import { lintFiles } from '../lint/lint';
import { definitionHash } from '../plan/hash';
import type { DefinitionTrust } from '../plan/trust';

/** One deployable workflow. */
export interface ProjectWorkflow {
  name: string;
  /** The file it was read from, relative to the project root. */
  file: string;
  definition: WorkflowDefinition;
  hash: string;
}

/**
 * A definition that cannot run: its own errors, or (for a workflow that calls an invalid one, directly or
 * through others) the errors of the workflow it calls, since its runs could not start that sub-workflow.
 */
export interface InvalidWorkflow {
  /** The `name` the file declares, when it declares one. */
  name?: string;
  /** The file, relative to the project root. */
  file: string;
  /** The HTTP route it declares (`triggers.http.route`), so requests to it are refused rather than 404. */
  route?: string;
  /** Why: the workflow's calls to invalid workflows, when that is the reason. */
  calls?: string[];
  diagnostics: Diagnostic[];
}

/** Every workflow of the app. */
export interface Project {
  root: string;
  workflows: ProjectWorkflow[];
  /** A workflow by name. */
  named(name: string): ProjectWorkflow | undefined;
  /** Definitions that are not served (only a tolerant `readProject` keeps them; otherwise empty). */
  invalid: InvalidWorkflow[];
  /** Set once the app is registered (azure/register.ts): signs the definitions of the runs it starts. */
  trust?: DefinitionTrust;
}

/** A project that cannot be served, with the diagnostics that say why. */
export class ProjectLoadError extends Error {
  constructor(readonly diagnostics: Diagnostic[]) {
    super(`the workflow definitions have errors:\n${diagnostics.map(formatDiagnostic).join('\n')}`);
    this.name = 'ProjectLoadError';
  }
}

/** Where to find the workflows, and what the linter should know. */
export interface ProjectOptions {
  root: string;
  /** The workflows folder, relative to root; default `workflows`. */
  workflowsDir?: string;
  /** Registered custom activity names, to check `activity` steps against. */
  activities?: readonly string[];
}

/** The workflows folder is missing or unreadable: a start-up problem the CLI reports as a message. */
export class WorkflowsFolderError extends Error {
  constructor(readonly dir: string) {
    super(`no workflows folder at ${dir} (set SLUICE_WORKFLOWS_DIR, or run from the project root)`);
    this.name = 'WorkflowsFolderError';
  }
}

/** Reads, lints and indexes every `*.yaml`/`*.yml` file of the workflows folder (not `*.test.yaml`); throws ProjectLoadError. */
export function loadProject(options: ProjectOptions): Project {
  return projectFrom(options.root, readSources(options), options.activities);
}

/** Like `loadProject`, but keeps the invalid definitions in `invalid` instead of throwing (the embedded runtime). */
export function readProject(options: ProjectOptions): Project {
  return lintProject(options.root, readSources(options), options.activities);
}

/** Builds a project from definition texts (tests, tools); throws ProjectLoadError. */
export function projectFrom(root: string, sources: ReadonlyArray<{ file: string; text: string }>, activities?: readonly string[]): Project {
  const project = lintProject(root, sources, activities);
  if (project.invalid.length > 0) throw new ProjectLoadError(project.invalid.flatMap((workflow) => (workflow.calls ? [] : workflow.diagnostics)));
  return project;
}

/** Indexes definitions that are known to be valid (linted here, or bundled after linting). */
export function projectOf(root: string, definitions: ReadonlyArray<{ file: string; definition: WorkflowDefinition }>, invalid: InvalidWorkflow[] = []): Project {
  const workflows = definitions.map(({ file, definition }): ProjectWorkflow => ({ name: definition.name, file, definition, hash: definitionHash(definition) }));
  const byName = new Map(workflows.map((workflow) => [workflow.name, workflow]));
  return { root, workflows, named: (name) => byName.get(name), invalid };
}

function readSources(options: ProjectOptions): Array<{ file: string; text: string }> {
  const dir = resolve(options.root, options.workflowsDir ?? 'workflows');
  if (!existsSync(dir)) throw new WorkflowsFolderError(dir);
  const names = readdirSync(dir).filter(isWorkflowFileName).sort();
  return names.map((name) => {
    const path = join(dir, name);
    return { file: relative(options.root, path) || path, text: readFileSync(path, 'utf8') };
  });
}

/**
 * Lints the files together and splits them: a file with an error is invalid (a duplicate name, queue or
 * route is reported on the later file, so the first stays valid), and so is every workflow whose
 * `workflow` steps reach an invalid one, until no more change.
 */
function lintProject(root: string, sources: ReadonlyArray<{ file: string; text: string }>, activities?: readonly string[]): Project {
  const linted = lintFiles(sources, activities ? { activities } : {});
  const errorsByFile = new Map<string, Diagnostic[]>();
  for (const diagnostic of linted.diagnostics) {
    if (diagnostic.severity !== 'error') continue;
    errorsByFile.set(diagnostic.file, [...(errorsByFile.get(diagnostic.file) ?? []), diagnostic]);
  }
  const invalid: InvalidWorkflow[] = [];
  let valid: typeof linted.files = [];
  for (const file of linted.files) {
    const errors = errorsByFile.get(file.loaded.file);
    if (!errors && file.definition) valid.push(file);
    else invalid.push({ ...declared(file.loaded.value), file: file.loaded.file, diagnostics: errors ?? [] });
  }
  for (let changed = true; changed; ) {
    changed = false;
    // A later duplicate of a served name is invalid, but calls to that name reach the served one.
    const served = new Set(valid.map((file) => file.definition!.name));
    const broken = new Map(invalid.filter((workflow) => workflow.name !== undefined && !served.has(workflow.name)).map((workflow) => [workflow.name!, workflow]));
    valid = valid.filter((file) => {
      const calls = [...new Set((file.sites ?? []).map((site) => site.step.workflow).filter((name): name is string => name !== undefined && broken.has(name)))];
      if (calls.length === 0) return true;
      changed = true;
      const diagnostics = calls.flatMap((name) => broken.get(name)!.diagnostics);
      invalid.push({ ...declared(file.loaded.value), file: file.loaded.file, calls, diagnostics });
      return false;
    });
  }
  return projectOf(root, valid.map((file) => ({ file: file.loaded.file, definition: file.definition! })), invalid);
}

/** The name and HTTP route a definition declares, read from its raw value (it may not be schema-valid). */
function declared(value: unknown): { name?: string; route?: string } {
  const raw = value as { name?: unknown; triggers?: { http?: { route?: unknown } | null } | null } | null | undefined;
  const name = typeof raw?.name === 'string' ? raw.name : undefined;
  const http = raw?.triggers?.http;
  const route = typeof http?.route === 'string' ? http.route : http && name ? `workflows/${name}` : undefined;
  return { ...(name ? { name } : {}), ...(route ? { route } : {}) };
}

function formatDiagnostic(d: Diagnostic): string {
  return `${d.file}:${d.line}:${d.column}: ${d.severity} ${d.message} [${d.code}]`;
}
