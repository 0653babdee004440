/**
 * The list of files that make the deployable zip: the compiled app, the host and workflow
 * configuration, and the production dependency tree. Nothing is picked by globbing the
 * repository, so tests, `.sluice/` data and local settings can only get in through the deny
 * list below, which exists as a second lock on that door.
 */
import fs from 'node:fs';
import path from 'node:path';
import { keepDirectory, keepPackageFile, packageNameOf } from './prune';

/** One file or directory in the zip: from disk, or generated text. */
export type ZipEntry =
  | { zipPath: string; file: string }
  | { zipPath: string; text: string }
  | { zipPath: string; directory: true };

// Never shipped, wherever they appear: local data, local settings, secrets, tests.
const DENIED = [
  /(?:^|\/)\.sluice(?:\/|$)/,
  /(?:^|\/)local\.settings\.json$/,
  /(?:^|\/)\.env(?:\.[^/]*)?$/,
  /^(?:test|bench|coverage|test-results)\//,
  /\.test\.[cm]?js$/,
];

/** Whether a zip path is on the deny list. */
export function isDenied(zipPath: string): boolean {
  return DENIED.some((pattern) => pattern.test(zipPath));
}

/** Every regular file under `dir`, as `/`-separated paths relative to it; symlinks are skipped. */
export function walkFiles(dir: string, enterDirectory: (name: string) => boolean = () => true): string[] {
  const found: string[] = [];
  const visit = (relative: string): void => {
    for (const dirent of fs.readdirSync(path.join(dir, relative), { withFileTypes: true })) {
      const child = relative ? `${relative}/${dirent.name}` : dirent.name;
      if (dirent.isDirectory()) {
        if (enterDirectory(dirent.name)) visit(child);
      } else if (dirent.isFile()) {
        found.push(child);
      }
    }
  };
  if (fs.existsSync(dir)) visit('');
  return found.sort();
}

/** A folder copied as is under `zipFolder`; present in the zip even when empty. */
export function folderEntries(dir: string, zipFolder: string): ZipEntry[] {
  const entries: ZipEntry[] = [{ zipPath: `${zipFolder}/`, directory: true }];
  for (const relative of walkFiles(dir)) {
    entries.push({ zipPath: `${zipFolder}/${relative}`, file: path.join(dir, relative) });
  }
  return entries;
}

/** The files of each installed production package, pruned of what Node never loads. */
export function dependencyEntries(repoRoot: string, lockKeys: readonly string[]): ZipEntry[] {
  const entries: ZipEntry[] = [];
  for (const key of lockKeys) {
    const name = packageNameOf(key);
    const dir = path.join(repoRoot, key);
    for (const relative of walkFiles(dir, keepDirectory)) {
      if (keepPackageFile(name, relative)) entries.push({ zipPath: `${key}/${relative}`, file: path.join(dir, relative) });
    }
  }
  return entries;
}

/** Drops denied entries and sorts by path, so the same inputs give the same zip. */
export function finalEntries(entries: readonly ZipEntry[]): { kept: ZipEntry[]; denied: string[] } {
  const kept: ZipEntry[] = [];
  const denied: string[] = [];
  for (const entry of entries) {
    if (isDenied(entry.zipPath)) denied.push(entry.zipPath);
    else kept.push(entry);
  }
  kept.sort((a, b) => (a.zipPath < b.zipPath ? -1 : a.zipPath > b.zipPath ? 1 : 0));
  return { kept, denied };
}
