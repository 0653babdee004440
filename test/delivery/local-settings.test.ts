/**
 * The local.settings.json story: a committed example listing every setting Sluice reads, and the
 * real file (which holds local secrets) ignored by git.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const repoRoot = path.resolve(__dirname, '..', '..');
const example = JSON.parse(fs.readFileSync(path.join(repoRoot, 'local.settings.example.json'), 'utf8')) as {
  IsEncrypted: boolean;
  Values: Record<string, unknown>;
};

/** Setting names in the first column of the settings table of docs/architecture.md. */
function architectureSettings(): string[] {
  const doc = fs.readFileSync(path.join(repoRoot, 'docs', 'architecture.md'), 'utf8');
  const table = doc.slice(doc.indexOf('## Settings'));
  return [...table.matchAll(/^\|\s*`([A-Za-z_][A-Za-z0-9_]*)`\s*\|/gm)].map((match) => match[1]!);
}

/** Setting names engine/settings.ts mentions (Sluice's, Cosmos', Gemini's and the Functions storage ones). */
function settingsReadInCode(): string[] {
  const code = fs.readFileSync(path.join(repoRoot, 'engine', 'settings.ts'), 'utf8');
  const names = code.match(/\b(?:AzureWebJobs\w+|COSMOS_[A-Z_]+|GEMINI_[A-Z_]+|SLUICE_[A-Z_]+)\b/g) ?? [];
  return [...new Set(names)];
}

const gitIgnores = (file: string): boolean =>
  spawnSync('git', ['check-ignore', '--quiet', '--no-index', file], { cwd: repoRoot }).status === 0;

describe('local.settings.example.json', () => {
  it('lists every setting of the architecture table', () => {
    const names = architectureSettings();
    expect(names.length).toBeGreaterThanOrEqual(12);
    expect(names.filter((name) => !(name in example.Values))).toEqual([]);
  });

  it('lists every setting engine/settings.ts reads', () => {
    expect(settingsReadInCode().filter((name) => !(name in example.Values))).toEqual([]);
  });

  it('is what the Functions Core Tools expect: unencrypted, Node worker, string values', () => {
    expect(example.IsEncrypted).toBe(false);
    expect(example.Values.FUNCTIONS_WORKER_RUNTIME).toBe('node');
    expect(Object.entries(example.Values).filter(([, value]) => typeof value !== 'string')).toEqual([]);
  });

  it('holds no secret: the key and connection settings are empty or point at the local emulator', () => {
    for (const name of ['GEMINI_API_KEY', 'COSMOS_CONNECTION']) expect(example.Values[name]).toBe('');
    expect(example.Values.AzureWebJobsStorage).toBe('UseDevelopmentStorage=true');
  });

  it('is committed while the real local.settings.json is ignored by git', () => {
    expect(gitIgnores('local.settings.json')).toBe(true);
    expect(gitIgnores('local.settings.example.json')).toBe(false);
  });
});
