/**
 * The registered custom activity names, for the `unknown-activity` rule: loaded from the app's
 * `activities/index` (compiled in `dist/`, or the TypeScript source in a development checkout).
 * Undefined when they cannot be loaded; the rule is then skipped rather than guessed.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';

/** Loads the app's activity registry and returns its names. */
export async function loadActivityNames(root: string): Promise<string[] | undefined> {
  const candidates = [
    { index: path.join(root, 'dist', 'activities', 'index.js'), registry: path.join(root, 'dist', 'engine', 'activities', 'registry.js') },
    { index: path.join(root, 'activities', 'index.ts'), registry: path.join(root, 'engine', 'activities', 'registry.ts') },
  ];
  for (const candidate of candidates) {
    if (!existsSync(candidate.index) || !existsSync(candidate.registry)) continue;
    const names = (await load(candidate.index, candidate.registry)) as string[] | undefined;
    if (names) return names;
  }
  return undefined;
}

/** require() works under tsx's CommonJS hook and for compiled files; import() covers ESM-only runners (vitest). */
async function load(index: string, registry: string): Promise<unknown> {
  try {
    require(index);
    return (require(registry) as { activityNames(): string[] }).activityNames();
  } catch {
    try {
      await import(index);
      return ((await import(registry)) as { activityNames(): string[] }).activityNames();
    } catch {
      return undefined;
    }
  }
}
