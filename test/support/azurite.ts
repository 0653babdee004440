/**
 * Azurite's queue service for tests, in memory on a free port: the embedded runtime's own launcher.
 * Usable from a test file's beforeAll or from a vitest globalSetup.
 */
import { startAzurite as launch, type Azurite } from '../../engine/adapters/local/azurite';

export { DEV_ACCOUNT, DEV_KEY, type Azurite } from '../../engine/adapters/local/azurite';

/** Starts Azurite's queue service in memory; rejects with its output when it does not come up in time. */
export function startAzurite(startTimeoutMs = 30_000): Promise<Azurite> {
  return launch({ startTimeoutMs });
}
