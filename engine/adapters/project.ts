/**
 * The project: every workflow definition under the workflows folder, linted together (schema, rules,
 * cross-file facts) and ready to run. An invalid definition stops the app with its diagnostics rather
 * than serving a workflow that would fail at run time.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
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

/** Every workflow of the app. */
export interface Project {
  root: string;
  workflows: ProjectWorkflow[];
  /** A workflow by name. */
  named(name: string): ProjectWorkflow | undefined;
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

/** Reads, lints and indexes every `*.yaml`/`*.yml` file of the workflows folder; throws ProjectLoadError. */
export function loadProject(options: ProjectOptions): Project {
  const dir = resolve(options.root, options.workflowsDir ?? 'workflows');
  const names = readdirSync(dir).filter((name) => /\.ya?ml$/.test(name)).sort();
  const sources = names.map((name) => {
    const path = join(dir, name);
    return { file: relative(options.root, path) || path, text: readFileSync(path, 'utf8') };
  });
  return projectFrom(options.root, sources, options.activities);
}

/** Builds a project from definition texts (tests, tools); throws ProjectLoadError. */
export function projectFrom(root: string, sources: ReadonlyArray<{ file: string; text: string }>, activities?: readonly string[]): Project {
  const linted = lintFiles(sources, activities ? { activities } : {});
  const errors = linted.diagnostics.filter((diagnostic) => diagnostic.severity === 'error');
  if (errors.length > 0) throw new ProjectLoadError(errors);
  return projectOf(root, linted.files.map((file) => ({ file: file.loaded.file, definition: file.definition! })));
}

/** Indexes definitions that are known to be valid (linted here, or bundled after linting). */
export function projectOf(root: string, definitions: ReadonlyArray<{ file: string; definition: WorkflowDefinition }>): Project {
  const workflows = definitions.map(({ file, definition }): ProjectWorkflow => ({ name: definition.name, file, definition, hash: definitionHash(definition) }));
  const byName = new Map(workflows.map((workflow) => [workflow.name, workflow]));
  return { root, workflows, named: (name) => byName.get(name) };
}

function formatDiagnostic(d: Diagnostic): string {
  return `${d.file}:${d.line}:${d.column}: ${d.severity} ${d.message} [${d.code}]`;
}
