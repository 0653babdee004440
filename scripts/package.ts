/**
 * `npm run package [-- --out-dir DIR]`: writes the deployable zip the Functions host runs
 * (default `build/package/sluice-<version>.zip`, a folder that holds nothing else so the
 * pipeline can publish it whole). See docs/deploy.md.
 */
import path from 'node:path';
import { buildPackage } from './package/build';

const repoRoot = path.resolve(__dirname, '..');

/** Reads `--out-dir DIR` (or `--out-dir=DIR`); anything else is an error. */
function parseOutDir(argv: readonly string[]): string {
  let outDir = path.join(repoRoot, 'build', 'package');
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--out-dir' && argv[i + 1]) outDir = path.resolve(argv[++i]!);
    else if (arg.startsWith('--out-dir=')) outDir = path.resolve(arg.slice('--out-dir='.length));
    else throw new Error(`unknown argument ${arg}; usage: npm run package [-- --out-dir DIR]`);
  }
  return outDir;
}

/** Builds the zip and prints its size, file count and durations. */
async function main(): Promise<void> {
  const report = await buildPackage({ repoRoot, outDir: parseOutDir(process.argv.slice(2)) });
  const megabytes = (report.bytes / 1024 / 1024).toFixed(1);
  console.log(`${path.relative(process.cwd(), report.zipFile) || report.zipFile}: ${megabytes} MB, ` +
    `${report.files} files (${report.packages} production packages); ` +
    `compiled in ${report.compileSeconds} s, zipped in ${report.zipSeconds} s`);
  for (const denied of report.denied) console.warn(`left out (deny list): ${denied}`);
}

main().catch((error: unknown) => {
  console.error(`package: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
