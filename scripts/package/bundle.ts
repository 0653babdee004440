/**
 * One file for the Functions host to load: the compiled entry and every engine module it reaches, bundled
 * with esbuild (packages stay external, in node_modules). A cold start then reads one file instead of
 * resolving and loading about 130 small modules, which was most of what the entry cost over a bare app.
 */
import path from 'node:path';
import { buildSync } from 'esbuild';

/** Where the bundle goes, relative to the app root. */
export const BUNDLED_MAIN = 'dist/app.js';

/** Bundles `<root>/<entry>` (compiled JavaScript) into `<root>/dist/app.js`; returns its root-relative path. */
export function bundleEntry(root: string, entry: string): string {
  buildSync({
    entryPoints: [path.join(root, entry)],
    outfile: path.join(root, BUNDLED_MAIN),
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    packages: 'external',
    logLevel: 'warning',
  });
  return BUNDLED_MAIN;
}
