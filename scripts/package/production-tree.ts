/**
 * The production dependency tree, read from npm's hidden lockfile (`node_modules/.package-lock.json`,
 * which describes exactly what `npm ci` installed) instead of running `npm ci --omit=dev` again:
 * copying the installed tree is offline, takes a second, and keeps the native build of
 * better-sqlite3 the CI agent produced for the same OS and Node ABI as the Functions host.
 */
import fs from 'node:fs';
import path from 'node:path';

interface LockEntry {
  dependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  dev?: boolean;
  link?: boolean;
}

interface Lockfile {
  packages: Record<string, LockEntry>;
}

/** Reads the lockfile that matches `node_modules` (hidden lockfile first, then package-lock.json). */
export function readInstalledLock(repoRoot: string): Lockfile {
  for (const name of ['node_modules/.package-lock.json', 'package-lock.json']) {
    const file = path.join(repoRoot, name);
    if (fs.existsSync(file)) return JSON.parse(fs.readFileSync(file, 'utf8')) as Lockfile;
  }
  throw new Error(`no lockfile in ${repoRoot}: run \`npm ci\` first`);
}

/** Node's lookup: from the package at `from`, walk up through node_modules folders to find `name`. */
function resolveInLock(lock: Lockfile, from: string, name: string): string | undefined {
  let dir = from;
  for (;;) {
    const key = `${dir ? `${dir}/` : ''}node_modules/${name}`;
    if (lock.packages[key]) return key;
    if (!dir) return undefined;
    const parent = dir.lastIndexOf('/node_modules/');
    dir = parent < 0 ? '' : dir.slice(0, parent);
  }
}

/**
 * Lock keys (`node_modules/a`, `node_modules/a/node_modules/b`) of every package reachable from
 * `roots` through dependencies, optional and peer dependencies; only those installed on disk.
 */
export function productionPackages(repoRoot: string, roots: readonly string[]): string[] {
  const lock = readInstalledLock(repoRoot);
  const seen = new Set<string>();
  const pending: string[] = [];
  for (const root of roots) {
    const key = resolveInLock(lock, '', root);
    if (!key) throw new Error(`dependency ${root} is not installed: run \`npm ci\` first`);
    pending.push(key);
  }
  while (pending.length > 0) {
    const key = pending.pop()!;
    if (seen.has(key)) continue;
    const entry = lock.packages[key]!;
    if (entry.link) throw new Error(`${key} is a linked package; the packager copies installed trees only`);
    seen.add(key);
    const names = { ...entry.dependencies, ...entry.optionalDependencies, ...entry.peerDependencies };
    for (const name of Object.keys(names)) {
      const found = resolveInLock(lock, key, name);
      if (found && !seen.has(found)) pending.push(found);
    }
  }
  // Optional dependencies for other platforms are in the lock but not on disk.
  return [...seen].filter((key) => fs.existsSync(path.join(repoRoot, key, 'package.json'))).sort();
}

/** Lock keys of packages npm marks dev-only: what a production install must not contain. */
export function devOnlyPackages(repoRoot: string): string[] {
  const lock = readInstalledLock(repoRoot);
  return Object.entries(lock.packages)
    .filter(([key, entry]) => key !== '' && entry.dev === true)
    .map(([key]) => key)
    .sort();
}
