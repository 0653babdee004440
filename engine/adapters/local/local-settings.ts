/**
 * `local.settings.json`, as Functions Core Tools reads it: its `Values` become app settings (environment
 * variables) unless the environment already sets them. The file is git-ignored: secrets stay on the machine.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** One value of `<root>/local.settings.json`'s `Values`, when the file has it (unreadable files give none). */
export function localSetting(root: string, name: string): string | undefined {
  try {
    const value = (JSON.parse(readFileSync(join(root, 'local.settings.json'), 'utf8')) as { Values?: Record<string, unknown> }).Values?.[name];
    return value === undefined || value === null ? undefined : String(value);
  } catch {
    return undefined;
  }
}

/** Applies `Values` of `<root>/local.settings.json` to `env`; returns the names it set. */
export function applyLocalSettings(root: string, env: NodeJS.ProcessEnv = process.env): string[] {
  let text: string;
  try {
    text = readFileSync(join(root, 'local.settings.json'), 'utf8');
  } catch {
    return [];
  }
  let settings: { IsEncrypted?: boolean; Values?: Record<string, unknown> };
  try {
    settings = JSON.parse(text);
  } catch (error) {
    throw new Error(`local.settings.json is not valid JSON: ${(error as Error).message}`);
  }
  if (settings.IsEncrypted) throw new Error('local.settings.json is encrypted; Sluice reads plain values only');
  const applied: string[] = [];
  for (const [name, value] of Object.entries(settings.Values ?? {})) {
    if (env[name] !== undefined || value === undefined || value === null || value === '') continue;
    env[name] = String(value);
    applied.push(name);
  }
  return applied;
}
