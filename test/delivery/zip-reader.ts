/**
 * Reads a zip with yauzl for the package test: the entry list, and either the text of chosen
 * entries or every file extracted to a folder.
 */
import fs from 'node:fs';
import path from 'node:path';
import yauzl from 'yauzl';

/** One entry as the test sees it; directories end with `/`. */
export interface ZipListing {
  names: string[];
  texts: Map<string, string>;
}

/** Lists every entry of `zipFile`, reads the text of those named in `wanted`, extracts to `extractTo` if given. */
export function readZip(zipFile: string, wanted: readonly string[], extractTo?: string): Promise<ZipListing> {
  return new Promise((resolve, reject) => {
    yauzl.open(zipFile, { lazyEntries: true }, (openError, zip) => {
      if (openError || !zip) return reject(openError ?? new Error('cannot open zip'));
      const names: string[] = [];
      const texts = new Map<string, string>();
      zip.on('error', reject);
      zip.on('end', () => resolve({ names, texts }));
      zip.on('entry', (entry: yauzl.Entry) => {
        names.push(entry.fileName);
        const isDirectory = entry.fileName.endsWith('/');
        const keepText = wanted.includes(entry.fileName);
        if (isDirectory || (!keepText && !extractTo)) return zip.readEntry();
        zip.openReadStream(entry, (streamError, stream) => {
          if (streamError || !stream) return reject(streamError ?? new Error(`cannot read ${entry.fileName}`));
          const chunks: Buffer[] = [];
          stream.on('data', (chunk: Buffer) => chunks.push(chunk));
          stream.on('error', reject);
          stream.on('end', () => {
            const body = Buffer.concat(chunks);
            if (keepText) texts.set(entry.fileName, body.toString('utf8'));
            if (extractTo) {
              // yauzl has already rejected absolute names and `..` segments (validateFileName).
              const target = path.join(extractTo, entry.fileName);
              fs.mkdirSync(path.dirname(target), { recursive: true });
              fs.writeFileSync(target, body, { mode: (entry.externalFileAttributes >>> 16) & 0o777 || 0o644 });
            }
            zip.readEntry();
          });
        });
      });
      zip.readEntry();
    });
  });
}
