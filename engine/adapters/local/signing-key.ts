/**
 * The embedded runtime's signing key (plan/trust.ts): `SLUICE_SIGNING_KEY` when set, else a random key
 * made once per data directory and kept there, readable by its user only, so runs parked across a
 * restart still verify and nobody else on the machine can sign a definition.
 */
import { randomBytes } from 'node:crypto';
import { chmodSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readSigningKeys, type SettingsEnv } from '../../settings';

/** The file in the data directory that holds the key. */
export const SIGNING_KEY_FILE = 'signing-key';

/** The keys the embedded app signs and verifies run inputs with. */
export function localSigningKeys(dataDir: string, env: SettingsEnv = process.env): string[] {
  const configured = readSigningKeys(env);
  if (configured) return configured;
  const file = join(dataDir, SIGNING_KEY_FILE);
  try {
    // `wx`: two runtimes starting on one data directory agree on the key that was written first.
    writeFileSync(file, randomBytes(32).toString('base64url'), { flag: 'wx', mode: 0o600 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  chmodSync(file, 0o600);
  return [readFileSync(file, 'utf8').trim()];
}
