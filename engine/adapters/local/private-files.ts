/**
 * The embedded runtime's data folder is its user's alone: runtime.json holds the storage connection string,
 * the databases hold run inputs and outputs. Files are created 0600 and folders 0700 whatever the process
 * umask (an explicit mode at creation, and the umask only takes bits away), and what an earlier run left
 * looser is tightened on start. SQLite creates its -wal and -shm files with the database file's mode.
 */
import { chmodSync, closeSync, lstatSync, mkdirSync, openSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Mode of the files the runtime writes. */
export const PRIVATE_FILE = 0o600;
/** Mode of the folders it makes. */
export const PRIVATE_DIR = 0o700;

/** Makes `dir` (and its parents, when missing) with mode 0700. */
export function makePrivateDir(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR });
  chmodSync(dir, lstatSync(dir).mode & 0o700);
}

/** Creates `file` empty with mode 0600 unless it exists (then its mode is tightened), so a store opening it later keeps that mode. */
export function touchPrivate(file: string): void {
  closeSync(openSync(file, 'a', PRIVATE_FILE));
  tighten(file);
}

/** Writes `file` with mode 0600, also when it existed with a looser one. */
export function writePrivateFile(file: string, text: string): void {
  writeFileSync(file, '', { mode: PRIVATE_FILE, flag: 'a' });
  tighten(file);
  writeFileSync(file, text);
}

/**
 * Takes group and other permission bits off `dir` and everything under it; the owner's bits stay (an
 * executable stays executable). Symbolic links are not followed.
 */
export function makePrivate(dir: string): void {
  const pending = [dir];
  for (let path = pending.pop(); path !== undefined; path = pending.pop()) {
    let stat;
    try {
      stat = lstatSync(path);
    } catch {
      continue; // gone meanwhile (Azurite rotates files)
    }
    if (stat.isSymbolicLink()) continue;
    if ((stat.mode & 0o077) !== 0) chmodSync(path, stat.mode & 0o700);
    if (stat.isDirectory()) for (const entry of readdirSync(path)) pending.push(join(path, entry));
  }
}

function tighten(file: string): void {
  const mode = lstatSync(file).mode;
  if ((mode & 0o077) !== 0) chmodSync(file, mode & 0o700);
}
