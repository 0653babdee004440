/**
 * A throwaway Sluice project for end-to-end tests: package.json, host.json and a copy of the example
 * workflows whose `https://<name>.example.com` services are rewritten to a local server
 * (`<local>/<name>/…`), so every outgoing HTTP call of a run can be observed.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { isWorkflowFileName } from '../../engine/definition/file-names';

const REPO = resolve(__dirname, '..', '..');

/** A test project on disk. */
export interface TestProject {
  root: string;
  workflowsDir: string;
  dataDir: string;
  remove(): void;
}

/** What to put in the project. */
export interface TestProjectOptions {
  /** Base URL of the local server that stands in for every `*.example.com` service. */
  servicesUrl: string;
  /** Changes to host.json `extensions.queues` (the poison test shortens the retry delay). */
  queues?: Record<string, unknown>;
  /** Extra workflow files (name → YAML text), e.g. a short-timeout copy of an example. */
  extraWorkflows?: Record<string, string>;
}

/** Rewrites `https://<service>.example.com/…` to `<servicesUrl>/<service>/…`. */
export function rewriteServices(yamlText: string, servicesUrl: string): string {
  return yamlText.replace(/https:\/\/([a-z0-9-]+)\.example\.com/g, (_match, service: string) => `${servicesUrl}/${service}`);
}

/** Creates the project under a fresh temp folder. */
export function createTestProject(options: TestProjectOptions): TestProject {
  const root = mkdtempSync(join(tmpdir(), 'sluice-e2e-'));
  const workflowsDir = join(root, 'workflows');
  mkdirSync(workflowsDir);
  for (const name of readdirSync(join(REPO, 'workflows')).filter(isWorkflowFileName)) {
    writeFileSync(join(workflowsDir, name), rewriteServices(readFileSync(join(REPO, 'workflows', name), 'utf8'), options.servicesUrl));
  }
  for (const [name, text] of Object.entries(options.extraWorkflows ?? {})) {
    writeFileSync(join(workflowsDir, name), rewriteServices(text, options.servicesUrl));
  }
  const host = JSON.parse(readFileSync(join(REPO, 'host.json'), 'utf8'));
  host.extensions.queues = { ...host.extensions.queues, ...options.queues };
  writeFileSync(join(root, 'host.json'), JSON.stringify(host, null, 2));
  writeFileSync(join(root, 'package.json'), JSON.stringify({ name: 'sluice-e2e-project', private: true }));
  return { root, workflowsDir, dataDir: join(root, '.sluice'), remove: () => rmSync(root, { recursive: true, force: true }) };
}

/** An example workflow's YAML text, for tests that derive a variant of it. */
export function exampleWorkflow(file: string): string {
  return readFileSync(join(REPO, 'workflows', file), 'utf8');
}
