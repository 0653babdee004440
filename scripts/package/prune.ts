/**
 * What to leave out of an installed package: files Node never loads at run time. Keeping this
 * list short and generic matters more than the last megabyte: a wrong guess breaks production.
 */
import path from 'node:path';

// Type declarations, TypeScript sources, source maps and prose: never required at run time.
const SKIPPED_FILE = /\.(?:map|ts|mts|cts|tsx|md|markdown)$/i;
// Licences are kept even though they are prose: redistributing a package requires them.
const KEPT_FILE = /^(?:licen[cs]e|notice|copying)(?:\..*)?$/i;
// Packages' own test files (fast-uri ships test/*.test.js): never loaded by their runtime code.
const TEST_FILE = /\.(?:test|spec)\.[cm]?js$/;
const SKIPPED_DIR = new Set(['.github', '.vscode', '__tests__', '.nyc_output', 'coverage']);

/**
 * Native packages built from source on the agent leave compiler output and C sources behind;
 * only the addon is loaded (better-sqlite3 finds it through `bindings` in build/Release).
 */
const NATIVE_KEEP: Record<string, (relative: string) => boolean> = {
  'better-sqlite3': (relative) =>
    !relative.startsWith('deps/') && !relative.startsWith('src/') &&
    (!relative.startsWith('build/') || relative === 'build/Release/better_sqlite3.node'),
};

/** Whether a directory inside an installed package is worth walking into. */
export function keepDirectory(name: string): boolean {
  return name !== 'node_modules' && !SKIPPED_DIR.has(name);
}

/** Whether `relative` (a path inside the package `packageName`, `/`-separated) belongs in the zip. */
export function keepPackageFile(packageName: string, relative: string): boolean {
  const base = path.posix.basename(relative);
  if (SKIPPED_FILE.test(base) && !KEPT_FILE.test(base)) return false;
  if (TEST_FILE.test(base)) return false;
  const native = NATIVE_KEEP[packageName];
  return native ? native(relative) : true;
}

/** The package name a lock key ends with (`node_modules/a/node_modules/@s/b` → `@s/b`). */
export function packageNameOf(lockKey: string): string {
  return lockKey.slice(lockKey.lastIndexOf('node_modules/') + 'node_modules/'.length);
}
