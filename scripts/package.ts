/**
 * `npm run package [-- --out-dir DIR] [--node MAJOR]`: writes the deployable zip the Functions host
 * runs (default `build/package/sluice-<version>.zip`, a folder that holds nothing else so the
 * pipeline can publish it whole). `--node` is the Node major of the Function App (the pipeline
 * passes 22, the version Azure runs Sluice on); it defaults to the Node running this script, and
 * the build refuses a native addon compiled for another one. See docs/deploy.md.
 */
import path from 'node:path';
import { buildPackage } from './package/build';
import { abiOfNodeMajor, runningNodeMajor } from './package/native-abi';

const repoRoot = path.resolve(__dirname, '..');
const usage = 'usage: npm run package [-- --out-dir DIR] [--node MAJOR]';

interface PackageArgs {
  outDir: string;
  nodeMajor: number;
}

/** Reads `--out-dir DIR` and `--node MAJOR` (also as `--flag=value`); anything else is an error. */
function parseArgs(argv: readonly string[]): PackageArgs {
  const parsed: PackageArgs = { outDir: path.join(repoRoot, 'build', 'package'), nodeMajor: runningNodeMajor() };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i]!.split(/=(.*)/s, 2) as [string, string | undefined];
    const value = inline ?? argv[i + 1];
    if ((flag !== '--out-dir' && flag !== '--node') || !value) throw new Error(`unknown argument ${argv[i]}; ${usage}`);
    if (inline === undefined) i++;
    if (flag === '--out-dir') parsed.outDir = path.resolve(value);
    else if (/^\d+$/.test(value)) parsed.nodeMajor = Number(value);
    else throw new Error(`--node takes a Node major version such as 22, not ${value}; ${usage}`);
  }
  return parsed;
}

/** Builds the zip and prints its size, file count, target Node and durations. */
async function main(): Promise<void> {
  const { outDir, nodeMajor } = parseArgs(process.argv.slice(2));
  const report = await buildPackage({ repoRoot, outDir, nodeMajor });
  const megabytes = (report.bytes / 1024 / 1024).toFixed(1);
  console.log(`${path.relative(process.cwd(), report.zipFile) || report.zipFile}: ${megabytes} MB, ` +
    `${report.files} files (${report.packages} production packages), for Node ${report.nodeMajor} (module ABI ${abiOfNodeMajor(report.nodeMajor)}); ` +
    `compiled in ${report.compileSeconds} s, zipped in ${report.zipSeconds} s`);
  for (const denied of report.denied) console.warn(`left out (deny list): ${denied}`);
}

main().catch((error: unknown) => {
  console.error(`package: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
