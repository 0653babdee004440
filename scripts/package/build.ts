/**
 * `npm run package`: compile, collect, zip. Returns figures (size, file count, durations) so
 * the command can print them and the deployment-time budget can be watched.
 */
import { isTestFileName } from '../../engine/definition/file-names';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { BUNDLE_FILE, writeBundle } from '../../engine/adapters/bundle';
import { PACKAGED_ASSETS, buildInspectorAssets } from '../../engine/adapters/inspector/assets';
import { activityNames } from '../../engine/activities/registry';
import '../../activities';
import { bundleEntry } from './bundle';
import { compileEngine } from './compile';
import { dependencyEntries, finalEntries, folderEntries, type ZipEntry } from './contents';
import { runtimeManifest, type SourceManifest } from './manifest';
import { checkAddonFor } from './native-abi';
import { productionPackages } from './production-tree';
import { writeZip } from './zip';

/** Where to read the project from and where to write the zip. */
export interface PackageOptions {
  repoRoot: string;
  outDir: string;
  /** The Node major the Functions app runs (22 in Azure): the native addon must be built for it. */
  nodeMajor: number;
}

/** What was written and how long it took. */
export interface PackageReport {
  zipFile: string;
  /** The Node major the zip is for. */
  nodeMajor: number;
  bytes: number;
  files: number;
  packages: number;
  /** Paths that matched the deny list and were left out (normally none). */
  denied: string[];
  compileSeconds: number;
  zipSeconds: number;
}

const seconds = (since: number): number => Math.round((performance.now() - since) / 100) / 10;

/** Builds `sluice-<version>.zip` in `options.outDir` from the project at `options.repoRoot`. */
export async function buildPackage(options: PackageOptions): Promise<PackageReport> {
  const { repoRoot, outDir, nodeMajor } = options;
  // First, before the slow compile: a zip whose addon cannot load on the host must not be built.
  checkAddonFor(repoRoot, nodeMajor);
  const manifest = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as SourceManifest;
  const runtime = runtimeManifest(manifest);
  const hostJson = path.join(repoRoot, 'host.json');
  if (!fs.existsSync(hostJson)) throw new Error('host.json is missing: the Functions host will not start without it');

  const stage = fs.mkdtempSync(path.join(os.tmpdir(), 'sluice-package-'));
  try {
    const compileStart = performance.now();
    compileEngine(repoRoot, path.join(stage, 'dist'));
    // The linted definitions, so the host starts without parsing YAML or compiling schemas.
    writeBundle({ root: repoRoot, activities: activityNames() }, path.join(stage, 'dist', BUNDLE_FILE));
    // The run inspector's script and style sheet, bundled from inspector/src: the page needs no CDN.
    const assets = path.join(stage, PACKAGED_ASSETS);
    fs.mkdirSync(path.dirname(assets), { recursive: true });
    fs.writeFileSync(assets, JSON.stringify(await buildInspectorAssets(repoRoot)));
    // The host loads one bundled file (built from the compiled entry), not the module tree.
    runtime.main = bundleEntry(stage, String(runtime.main), nodeMajor);
    const compileSeconds = seconds(compileStart);
    const main = String(runtime.main);
    if (!main.startsWith('dist/') || !fs.existsSync(path.join(stage, main))) {
      throw new Error(`"main" is ${main}, but the build did not produce it: the host would find no entry point`);
    }

    const zipStart = performance.now();
    const packages = productionPackages(repoRoot, Object.keys(manifest.dependencies ?? {}));
    const entries: ZipEntry[] = [
      { zipPath: 'host.json', file: hostJson },
      { zipPath: 'package.json', text: `${JSON.stringify(runtime, null, 2)}\n` },
      ...folderEntries(path.join(stage, 'dist'), 'dist'),
      // Read at start-up: workflow definitions (SLUICE_WORKFLOWS_DIR defaults to workflows/ next
      // to package.json) and the JSON schemas the definition check loads.
      // Workflow tests (`*.test.yaml`) and their snapshots are for `sluice test`, not for the app.
      ...folderEntries(path.join(repoRoot, 'workflows'), 'workflows').filter((entry) => !isTestFileName(entry.zipPath) && !entry.zipPath.includes('/__snapshots__/') && !entry.zipPath.endsWith('/__snapshots__/')),
      ...folderEntries(path.join(repoRoot, 'schemas'), 'schemas'),
      ...dependencyEntries(repoRoot, packages),
    ];
    const { kept, denied } = finalEntries(entries);
    fs.mkdirSync(outDir, { recursive: true });
    const zipFile = path.join(outDir, `sluice-${manifest.version}.zip`);
    fs.rmSync(zipFile, { force: true });
    const bytes = await writeZip(kept, zipFile);
    const files = kept.filter((entry) => !('directory' in entry)).length;
    return { zipFile, nodeMajor, bytes, files, packages: packages.length, denied, compileSeconds, zipSeconds: seconds(zipStart) };
  } finally {
    fs.rmSync(stage, { recursive: true, force: true });
  }
}
