/**
 * The engine compiled with `tsc` into a folder outside the work tree, as the package ships it: the
 * benchmarks that time a cold process (cold start, lint) run this JavaScript, not sources through tsx.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

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
