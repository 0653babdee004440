/**
 * The interpreter is pure: engine/orchestrator, engine/plan, engine/expressions and every
 * engine/steps/<kind>/orchestrate.ts, with everything they import at run time, never import I/O
 * modules nor reference the host clock, randomness or fetch. A static scan of the import graph.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe as suite, expect, it } from 'vitest';

const root = resolve(__dirname, '..', '..');
const FORBIDDEN_MODULES = [/^@azure\//, /^@google\/genai/, /^(node:)?fs(\/|$)/, /^(node:)?https?$/, /^(node:)?net$/, /^(node:)?http2$/, /^(node:)?child_process$/];
const FORBIDDEN_CODE: Array<[RegExp, string]> = [
  [/\bDate\.now\s*\(/, 'Date.now()'],
  [/\bMath\.random\s*\(/, 'Math.random()'],
  [/\bfetch\s*\(/, 'fetch()'],
  [/\bnew Date\(\s*\)/, 'new Date()'],
  [/\bprocess\.env\b/, 'process.env'],
];

function filesUnder(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    return statSync(path).isDirectory() ? filesUnder(path) : path.endsWith('.ts') ? [path] : [];
  });
}

const entries = [
  ...['orchestrator', 'plan', 'expressions'].flatMap((folder) => filesUnder(join(root, 'engine', folder))),
  ...readdirSync(join(root, 'engine', 'steps'))
    .map((kind) => join(root, 'engine', 'steps', kind, 'orchestrate.ts'))
    .filter(existsSync),
  join(root, 'engine', 'steps', 'index.ts'),
];

/** Run-time imports (type-only imports are erased by TypeScript and ignored). */
function runtimeImports(source: string): string[] {
  const found: string[] = [];
  const pattern = /^\s*(import|export)\s+(?!type\b)([^'";]*?from\s+)?['"]([^'"]+)['"]/gm;
  for (const match of source.matchAll(pattern)) found.push(match[3]);
  for (const match of source.matchAll(/\brequire\(\s*['"]([^'"]+)['"]\s*\)/g)) found.push(match[1]);
  return found;
}

function resolveLocal(from: string, specifier: string): string | undefined {
  const base = resolve(dirname(from), specifier);
  for (const candidate of [`${base}.ts`, join(base, 'index.ts')]) if (existsSync(candidate)) return candidate;
  return undefined;
}

function scan(): { files: string[]; problems: string[] } {
  const seen = new Set<string>();
  const problems: string[] = [];
  const pending = [...entries];
  while (pending.length > 0) {
    const file = pending.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    const source = readFileSync(file, 'utf8');
    const code = source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:])\/\/.*$/gm, '$1');
    for (const [pattern, what] of FORBIDDEN_CODE) if (pattern.test(code)) problems.push(`${relative(root, file)} uses ${what}`);
    for (const specifier of runtimeImports(code)) {
      if (specifier.startsWith('.')) {
        const target = resolveLocal(file, specifier);
        if (target) pending.push(target);
        else problems.push(`${relative(root, file)} imports unresolved ${specifier}`);
      } else if (FORBIDDEN_MODULES.some((pattern) => pattern.test(specifier))) {
        problems.push(`${relative(root, file)} imports ${specifier}`);
      }
    }
  }
  return { files: [...seen].map((file) => relative(root, file)), problems };
}

suite('the interpreter is pure', () => {
  it('imports no I/O module and uses no host clock, randomness or fetch, transitively', () => {
    const { files, problems } = scan();
    expect(files).toContain('engine/orchestrator/sluice.ts');
    expect(files).toContain('engine/steps/ai/fail-open.ts');
    expect(problems).toEqual([]);
  });

  it('would notice a forbidden import', () => {
    expect(runtimeImports("import { readFileSync } from 'node:fs';\nimport type { X } from '@azure/functions';")).toEqual(['node:fs']);
  });
});
