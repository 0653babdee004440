/**
 * Which Node the zip's native addon is built for. better-sqlite3 is a V8 addon, not Node-API: it
 * loads only in the Node whose ABI (`process.versions.modules`) it was compiled against, and that
 * ABI is whatever Node ran `npm ci`. The packager checks it against the Node the Functions app runs
 * (the pipeline's `--node 22`), so a zip installed under the wrong Node fails at build time, not as
 * an `ERR_DLOPEN_FAILED` in Azure.
 */
import fs from 'node:fs';
import path from 'node:path';

/** The addon the zip ships (prune.ts keeps exactly this file of better-sqlite3). */
export const NATIVE_ADDON = 'node_modules/better-sqlite3/build/Release/better_sqlite3.node';

/**
 * NODE_MODULE_VERSION of each Node major the Functions host has offered or may offer
 * (node/doc/abi_version_registry.json). A major missing here is refused, not guessed.
 */
const ABI_OF_MAJOR: Readonly<Record<number, number>> = { 18: 108, 20: 115, 22: 127, 24: 137 };

/** The major version of the Node running this process. */
export function runningNodeMajor(): number {
  return Number(process.versions.node.split('.')[0]);
}

/** The ABI of Node `major`, or an error naming the majors this table knows. */
export function abiOfNodeMajor(major: number): number {
  const abi = ABI_OF_MAJOR[major];
  if (abi === undefined) {
    throw new Error(`no known module ABI for Node ${major}; known: ${Object.keys(ABI_OF_MAJOR).join(', ')} (scripts/package/native-abi.ts)`);
  }
  return abi;
}

/**
 * The ABI an addon binary was compiled for, read from the entry symbol `NODE_MODULE_INIT` exports
 * (`node_register_module_v<ABI>`); undefined for a binary without one (a Node-API addon).
 * Read, never loaded: the packaging Node may differ from the addon's.
 */
export function addonAbi(binary: Buffer): number | undefined {
  const found = new Set([...binary.toString('latin1').matchAll(/node_register_module_v(\d+)/g)].map((match) => Number(match[1])));
  if (found.size > 1) throw new Error(`the addon names several module ABIs (${[...found].join(', ')})`);
  return found.size === 1 ? [...found][0] : undefined;
}

/** Throws unless the installed better-sqlite3 addon of `repoRoot` loads in Node `major`. */
export function checkAddonFor(repoRoot: string, major: number): void {
  const wanted = abiOfNodeMajor(major);
  const file = path.join(repoRoot, NATIVE_ADDON);
  if (!fs.existsSync(file)) throw new Error(`${NATIVE_ADDON} is missing: run \`npm ci\` (it builds the addon) first`);
  const built = addonAbi(fs.readFileSync(file));
  if (built === wanted) return;
  const builtFor = Object.entries(ABI_OF_MAJOR).find(([, abi]) => abi === built)?.[0];
  throw new Error(
    `${NATIVE_ADDON} is built for module ABI ${built ?? 'unknown'}${builtFor ? ` (Node ${builtFor})` : ''}, ` +
      `but the zip is for Node ${major} (ABI ${wanted}): run \`npm ci\` under Node ${major}, as the pipeline's Package job does`,
  );
}
