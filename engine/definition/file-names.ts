/**
 * Which files of a workflows folder are what. Workflow tests (`*.test.yaml`, run by `sluice test`, see
 * engine/testing/) live beside the workflows they test, so every reader of the folder must skip them.
 */

/** A workflow test file: `*.test.yaml` or `*.test.yml`. */
export function isTestFileName(name: string): boolean {
  return /\.test\.ya?ml$/i.test(name);
}

/** A workflow definition file: `*.yaml` or `*.yml` that is not a test file. */
export function isWorkflowFileName(name: string): boolean {
  return /\.ya?ml$/i.test(name) && !isTestFileName(name);
}
