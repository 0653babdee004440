/**
 * The inspector page's script and style sheet. In a checkout (the browser sources under `inspector/src`
 * and esbuild installed) they are bundled in memory from the sources on first use, so what the page runs is
 * what you edited, as `bin/sluice.js` does for the CLI; the packaged app has no sources and no esbuild and
 * reads the bundle `npm run package` wrote to `dist/inspector/assets.json`. Nothing is fetched from a CDN.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The built page assets. */
export interface InspectorAssets {
  script: string;
  style: string;
}

/** Where the packaged bundle lives, relative to the app root. */
export const PACKAGED_ASSETS = join('dist', 'inspector', 'assets.json');
/** The browser entry, relative to the repository root. */
export const INSPECTOR_ENTRY = join('inspector', 'src', 'main.ts');

const cache = new Map<string, Promise<InspectorAssets>>();

/** The assets for the app at `root` (its checkout sources or its packaged bundle), built once per process. */
export function inspectorAssets(root: string): Promise<InspectorAssets> {
  let assets = cache.get(root);
  if (!assets) {
    assets = loadAssets(root);
    cache.set(root, assets);
    assets.catch(() => cache.delete(root));
  }
  return assets;
}

async function loadAssets(root: string): Promise<InspectorAssets> {
  const repo = sourceRoot(root);
  if (repo) {
    const esbuild = loadEsbuild();
    if (esbuild) return buildInspectorAssets(repo, esbuild);
  }
  const packaged = join(root, PACKAGED_ASSETS);
  if (existsSync(packaged)) return JSON.parse(readFileSync(packaged, 'utf8')) as InspectorAssets;
  throw new Error(`the inspector page is not built: no ${PACKAGED_ASSETS} and no sources at ${INSPECTOR_ENTRY} to build it from`);
}

/** The repository holding the browser sources: the project root, or (for a test project elsewhere) Sluice's own. */
function sourceRoot(root: string): string | undefined {
  const own = join(__dirname, '..', '..', '..');
  return [root, own].find((candidate) => existsSync(join(candidate, INSPECTOR_ENTRY)));
}

type Esbuild = typeof import('esbuild');

function loadEsbuild(): Esbuild | undefined {
  try {
    // A development dependency: present in a checkout, absent from the deployed package.
    return require('esbuild') as Esbuild;
  } catch {
    return undefined;
  }
}

/** Bundles the page from the sources in `repo` (browser code, one script and one style sheet). */
export async function buildInspectorAssets(repo: string, esbuild: Esbuild = require('esbuild')): Promise<InspectorAssets> {
  const result = await esbuild.build({
    entryPoints: [join(repo, INSPECTOR_ENTRY)],
    bundle: true,
    write: false,
    outdir: join(repo, 'build', 'inspector'),
    format: 'iife',
    platform: 'browser',
    target: ['chrome110', 'firefox110', 'safari16'],
    minify: true,
    legalComments: 'none',
    logLevel: 'silent',
  });
  const script = result.outputFiles.find((file) => file.path.endsWith('.js'))?.text ?? '';
  const style = result.outputFiles.find((file) => file.path.endsWith('.css'))?.text ?? '';
  return { script, style };
}
