/**
 * One file for the Functions host to load: the compiled entry and every engine module it reaches, bundled
 * with esbuild (packages stay external, in node_modules). A cold start then reads one file instead of
 * resolving and loading about 130 small modules, which was most of what the entry cost over a bare app.
 */
import path from 'node:path';
import { buildSync } from 'esbuild';
import { runningNodeMajor } from './native-abi';

/** Where the bundle goes, relative to the app root. */
export const BUNDLED_MAIN = 'dist/app.js';

/**
 * Modules required on first use that stay out of the bundle, loaded from their compiled file beside it
 * (esbuild writes their path relative to the bundle): the language validators (ajv standalone code, half
 * the app's code) serve only linting, and the packaged app starts from linted definitions.
 */
const LOADED_ON_FIRST_USE = ['engine/definition/workflow-validator.generated.js'];

/** Bundles `<root>/<entry>` (compiled JavaScript) into `<root>/dist/app.js` for Node `nodeMajor`; returns its root-relative path. */
export function bundleEntry(root: string, entry: string, nodeMajor = runningNodeMajor()): string {
  buildSync({
    entryPoints: [path.join(root, entry)],
    outfile: path.join(root, BUNDLED_MAIN),
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: `node${nodeMajor}`,
    packages: 'external',
    external: LOADED_ON_FIRST_USE.map((file) => path.join(root, 'dist', file)),
    logLevel: 'warning',
  });
  return BUNDLED_MAIN;
}
