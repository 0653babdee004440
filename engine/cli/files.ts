/**
 * Paths and globs → workflow files. Directories are searched recursively for `*.yaml`/`*.yml` (not the
 * `*.test.yaml` workflow tests); globs
 * support `*`, `?` and `**` (Node 20 has no fs.glob). Results are sorted and unique.
 */
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { isTestFileName, isWorkflowFileName } from '../definition/file-names';

const SKIPPED_DIRS = new Set(['node_modules', '.git', 'dist']);

/**
 * Expands arguments into files; `missing` lists arguments that matched nothing. Directories yield the
 * workflow definitions (or, for `tests`, the `*.test.yaml` files); globs leave test files out (or keep
 * only them); a file named outright is always taken.
 */
export function expandPaths(args: readonly string[], cwd: string, kind: 'workflows' | 'tests' = 'workflows'): { files: string[]; missing: string[] } {
  const accept = kind === 'tests' ? isTestFileName : isWorkflowFileName;
  const globbed = kind === 'tests' ? isTestFileName : (name: string) => !isTestFileName(name);
  const files = new Set<string>();
  const missing: string[] = [];
  for (const arg of args) {
    const before = files.size;
    if (/[*?]/.test(arg)) {
      for (const file of glob(arg, cwd)) if (globbed(path.basename(file))) files.add(file);
    } else {
      const absolute = path.resolve(cwd, arg);
      const stat = statSync(absolute, { throwIfNoEntry: false });
      if (stat?.isDirectory()) for (const file of walk(absolute, accept)) files.add(relative(cwd, file));
      else if (stat?.isFile()) files.add(relative(cwd, absolute));
    }
    if (files.size === before) missing.push(arg);
  }
  return { files: [...files].sort(), missing };
}

function walk(directory: string, accept: (name: string) => boolean): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(directory, { withFileTypes: true })) {
    const full = path.join(directory, entry.name);
    if (entry.isDirectory() && !SKIPPED_DIRS.has(entry.name)) found.push(...walk(full, accept));
    else if (entry.isFile() && accept(entry.name)) found.push(full);
  }
  return found;
}

function glob(pattern: string, cwd: string): string[] {
  const normalized = pattern.replace(/\\/g, '/');
  const segments = normalized.split('/');
  const firstWild = segments.findIndex((segment) => /[*?]/.test(segment));
  const base = path.resolve(cwd, segments.slice(0, firstWild).join('/') || '.');
  const matcher = globToRegExp(path.resolve(cwd, normalized).replace(/\\/g, '/'));
  if (!statSync(base, { throwIfNoEntry: false })?.isDirectory()) return [];
  return walkAll(base).filter((file) => matcher.test(file.replace(/\\/g, '/'))).map((file) => relative(cwd, file));
}

function walkAll(directory: string): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(directory, { withFileTypes: true })) {
    const full = path.join(directory, entry.name);
    if (entry.isDirectory() && !SKIPPED_DIRS.has(entry.name)) found.push(...walkAll(full));
    else if (entry.isFile()) found.push(full);
  }
  return found;
}

/** `**` crosses directories, `*` and `?` do not. */
/** A glob (`*`, `?`, `**`) as a regular expression over `/`-separated paths. */
export function globToRegExp(pattern: string): RegExp {
  let source = '';
  for (let index = 0; index < pattern.length; index++) {
    const char = pattern[index];
    if (char === '*' && pattern[index + 1] === '*') {
      source += pattern[index + 2] === '/' ? '(?:.*/)?' : '.*';
      index += pattern[index + 2] === '/' ? 2 : 1;
    } else if (char === '*') source += '[^/]*';
    else if (char === '?') source += '[^/]';
    else source += char.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${source}$`);
}

function relative(cwd: string, file: string): string {
  const rel = path.relative(cwd, file);
  return rel.startsWith('..') ? file : rel;
}
