/** The signing key of test apps: what registerSluice derives from settings in a real one. */
import { definitionTrust, type DefinitionTrust } from '../../engine/plan/trust';
import { definitionHash } from '../../engine/plan/hash';
import type { WorkflowDefinition } from '../../engine/definition/workflow.generated';

export const TEST_SIGNING_KEY = 'sluice-tests-signing-key-0123456789abcdef';

/** Trust that signs with the test key and deploys nothing else. */
export const testTrust: DefinitionTrust = definitionTrust({ keys: [TEST_SIGNING_KEY] });

/** Trust with the test key that also deploys these definitions now (runs recorded before signatures). */
export function trustDeploying(definitions: readonly WorkflowDefinition[]): DefinitionTrust {
  return definitionTrust({ keys: [TEST_SIGNING_KEY], deployed: definitions.map((definition) => definitionHash(definition)) });
}
