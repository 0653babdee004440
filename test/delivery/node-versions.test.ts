/**
 * Pins must run on both Node lines Sluice meets: 20 (these machines, CI) and 22 (Azure). A dependency that
 * declares it needs a newer Node (as @azure/monitor-opentelemetry 1.19+ does) fails here, not in Azure.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import semver from 'semver';
import { expect, it } from 'vitest';

const lock = JSON.parse(readFileSync(join(__dirname, '..', '..', 'package-lock.json'), 'utf8')) as { packages: Record<string, { engines?: { node?: string } }> };

it('every locked package accepts Node 20 and Node 22', () => {
  const refusing: string[] = [];
  for (const [path, pkg] of Object.entries(lock.packages)) {
    const range = pkg.engines?.node;
    if (!path || !range) continue;
    for (const node of ['20.20.2', '22.20.0']) {
      if (semver.validRange(range) && !semver.satisfies(node, range)) refusing.push(`${path} (node ${range}) refuses ${node}`);
    }
  }
  expect(refusing).toEqual([]);
});
