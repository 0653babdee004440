/**
 * The workflow bundle: the linted definitions, written when the app is packaged, so the Functions host
 * starts without parsing YAML or compiling JSON Schemas (a cold start pays only for reading a JSON file and
 * hashing the definitions). Each entry carries the hash of its file's text: if any workflow file was added,
 * removed or edited after packaging, the bundle is ignored and the files are linted as usual.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { isWorkflowFileName } from '../definition/file-names';
import type { WorkflowDefinition } from '../definition/workflow.generated';
import { loadProject, projectOf, type Project, type ProjectOptions } from './project';

/** The bundle's file name, next to the compiled engine (`dist/`). */
export const BUNDLE_FILE = 'workflows.bundle.json';

/** What the bundle holds. */
interface Bundle {
  version: 1;
  workflows: Array<{ file: string; textSha256: string; definition: WorkflowDefinition }>;
}

const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

/** Lints the project (throwing ProjectLoadError when it has errors) and writes its bundle to `outFile`. */
export function writeBundle(options: ProjectOptions, outFile: string): Project {
  const project = loadProject(options);
  const bundle: Bundle = {
    version: 1,
    workflows: project.workflows.map((workflow) => ({
      file: workflow.file,
      textSha256: sha256(readFileSync(resolve(options.root, workflow.file), 'utf8')),
      definition: workflow.definition,
    })),
  };
  writeFileSync(outFile, JSON.stringify(bundle));
  return project;
}

/** The project from a bundle whose files all match the workflows folder; undefined when there is none or it is stale. */
export function projectFromBundle(options: ProjectOptions, bundleFile: string): Project | undefined {
  let bundle: Bundle;
  try {
    bundle = JSON.parse(readFileSync(bundleFile, 'utf8')) as Bundle;
  } catch {
    return undefined;
  }
  if (bundle.version !== 1) return undefined;
  const dir = resolve(options.root, options.workflowsDir ?? 'workflows');
  const files = readdirSync(dir).filter(isWorkflowFileName).map((name) => relative(options.root, join(dir, name)) || name).sort();
  const bundled = bundle.workflows.map((workflow) => workflow.file).sort();
  if (files.length !== bundled.length || files.some((file, i) => file !== bundled[i])) return undefined;
  for (const workflow of bundle.workflows) {
    if (sha256(readFileSync(resolve(options.root, workflow.file), 'utf8')) !== workflow.textSha256) return undefined;
  }
  return projectOf(options.root, bundle.workflows.map((workflow) => ({ file: workflow.file, definition: workflow.definition })));
}
