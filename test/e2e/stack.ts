/**
 * What an end-to-end test file works against: the local stand-ins (Gemini, Cosmos, HTTP services), a test
 * project (a copy of the examples pointed at them) and the real `sluice serve` running it.
 */
import { afterAll, beforeAll } from 'vitest';
import { startLocalParts, type LocalParts } from './parts';
import { createTestProject, type TestProject, type TestProjectOptions } from './project';
import { startServe, type ServeProcess, type ServeStartOptions } from './serve-process';

/** The running stack; its fields are set once the file's `beforeAll` has run. */
export interface ServeStack {
  parts: LocalParts;
  project: TestProject;
  serve: ServeProcess;
  /** The environment `serve` runs with, for one-off `sluice` commands. */
  env: NodeJS.ProcessEnv;
}

/** The test project, extra settings for `serve` (e.g. `SLUICE_ALLOWED_HOSTS`) and how to start it. */
export interface ServeStackOptions extends Omit<TestProjectOptions, 'servicesUrl'>, ServeStartOptions {
  env?: NodeJS.ProcessEnv;
}

/** Starts the stack before the file's tests and stops it after them. */
export function useServeStack(options: ServeStackOptions = {}): ServeStack {
  const stack = {} as ServeStack;
  beforeAll(async () => {
    const { env, umask, ...projectOptions } = options;
    stack.parts = await startLocalParts();
    stack.project = createTestProject({ ...projectOptions, servicesUrl: stack.parts.services.url });
    stack.env = stack.parts.env({ ...env, SLUICE_WORKFLOWS_DIR: stack.project.workflowsDir });
    stack.serve = await startServe(stack.project.root, stack.project.dataDir, stack.env, undefined, { umask });
  }, 120_000);
  afterAll(async () => {
    await stack.serve?.stop();
    await stack.parts?.stop();
    stack.project?.remove();
  }, 60_000);
  return stack;
}
