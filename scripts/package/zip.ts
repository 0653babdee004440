/** Writes zip entries with yazl, with fixed timestamps so the same inputs give the same bytes. */
import fs from 'node:fs';
import yazl from 'yazl';
import type { ZipEntry } from './contents';

// Zip timestamps cannot predate 1980; any fixed date makes the archive reproducible.
const FIXED_MTIME = new Date('2000-01-01T00:00:00Z');

/** Writes `entries` to `outFile` and resolves with the archive's size in bytes. */
export function writeZip(entries: readonly ZipEntry[], outFile: string): Promise<number> {
  const zip = new yazl.ZipFile();
  for (const entry of entries) {
    if ('directory' in entry) {
      zip.addEmptyDirectory(entry.zipPath, { mtime: FIXED_MTIME });
    } else if ('text' in entry) {
      zip.addBuffer(Buffer.from(entry.text, 'utf8'), entry.zipPath, { mtime: FIXED_MTIME, mode: 0o100644 });
    } else {
      zip.addFile(entry.file, entry.zipPath, { mtime: FIXED_MTIME });
    }
  }
  zip.end();
  return new Promise((resolve, reject) => {
    const out = fs.createWriteStream(outFile);
    zip.outputStream.on('error', reject);
    out.on('error', reject);
    out.on('close', () => resolve(fs.statSync(outFile).size));
    zip.outputStream.pipe(out);
  });
}
