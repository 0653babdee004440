/**
 * The engine as it ships, built into a folder outside the work tree: compiled with `tsc` (cold start and
 * lint time a cold process on this JavaScript) or bundled with esbuild (replay runs in such a bundle, as
 * the Azure app does). The other items run in the suite's process on sources loaded through tsx, whose
 * per-module export getters can only make their figures lower.
 */
import { execFileSync } from 'node:child_process';
import { buildSync } from 'esbuild';
import { existsSync, symlinkSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';

const ROOT = resolve(__dirname, '..');

/** Compiles engine/ and activities/ into `outDir` (laid out like dist/); throws when the engine is missing. */
export function compileEngine(outDir: string): void {
  try {
    execFileSync(process.execPath, [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', join(ROOT, 'tsconfig.build.json'), '--outDir', outDir], { stdio: 'pipe' });
  } catch (error) {
    // tsc exits non-zero on type errors but still emits; only a missing entry is fatal.
    if (!existsSync(join(outDir, 'engine/adapters/azure/app.js'))) throw error;
  }
}

/**
 * Bundles a bench script with the engine it imports into `outDir/<name>.js` (esbuild, with a source map
 * for profiles), as `npm run package` bundles the Azure entry: one scope, no per-module export getters
 * (tsx gives every module those, so each call into another module goes through one). Packages stay
 * external, resolved through a `node_modules` link. Returns the bundle's path.
 */
export function bundleScript(script: string, outDir: string): string {
  const outfile = join(outDir, `${basename(script).replace(/\.ts$/, '')}.js`);
  buildSync({ entryPoints: [join(ROOT, script)], outfile, bundle: true, platform: 'node', format: 'cjs', target: 'node20', packages: 'external', sourcemap: true, logLevel: 'warning' });
  if (!existsSync(join(outDir, 'node_modules'))) symlinkSync(join(ROOT, 'node_modules'), join(outDir, 'node_modules'), 'dir');
  return outfile;
}
