/**
 * Compiles the engine for the zip. Same configuration as `npm run build` (tsconfig.build.json),
 * but into a private staging folder: the shared `dist/` may hold stale or test output, and
 * `bin/sluice.js` prefers `dist/` when it exists, so writing there would change what everyone
 * else's `npx sluice` runs.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';

/** Runs tsc with tsconfig.build.json into `outDir`; throws when the compiler reports errors. */
export function compileEngine(repoRoot: string, outDir: string): void {
  const tsc = path.join(repoRoot, 'node_modules', 'typescript', 'bin', 'tsc');
  // Source maps point at engine/*.ts, which is not shipped: they would only add weight.
  const args = [tsc, '-p', 'tsconfig.build.json', '--outDir', outDir, '--sourceMap', 'false'];
  const result = spawnSync(process.execPath, args, { cwd: repoRoot, stdio: 'inherit' });
  if (result.error) throw result.error;
  if (result.status !== 0) throw new Error(`the build failed (tsc exited with ${result.status}); the zip was not written`);
}
