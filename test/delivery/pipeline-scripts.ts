/**
 * Checks that every `script:`/`bash:` step of a pipeline runs something that exists: an npm
 * script of package.json, a bin reachable through npx, a file given to node, or a system command.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

/** The inline script of every `script:` or `bash:` step anywhere in the parsed pipeline. */
export function scriptSteps(node: unknown): string[] {
  if (Array.isArray(node)) return node.flatMap(scriptSteps);
  if (node === null || typeof node !== 'object') return [];
  const record = node as Record<string, unknown>;
  const own = ['script', 'bash'].flatMap((key) => (typeof record[key] === 'string' ? [record[key] as string] : []));
  return [...own, ...Object.values(record).flatMap(scriptSteps)];
}

/** Single commands of a script: one per line and per `&&`, `||` or `;`, comments dropped. */
export function commandsOf(script: string): string[][] {
  return script
    .split(/\n|&&|\|\||;/)
    .map((command) => command.trim())
    .filter((command) => command !== '' && !command.startsWith('#'))
    .map((command) => command.split(/\s+/));
}

function systemCommandExists(name: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${name}`], { stdio: 'ignore' }).status === 0;
}

/** Why `words` would fail to start in a checkout of `repoRoot`, or undefined when it names something real. */
export function missingCommand(words: readonly string[], repoRoot: string): string | undefined {
  const manifest = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as {
    scripts?: Record<string, string>;
    bin?: Record<string, string>;
  };
  const scripts = manifest.scripts ?? {};
  const [program, first, second] = words;
  const line = words.join(' ');
  if (program === 'npm') {
    if (first === 'ci') return undefined;
    if (first === 'test') return scripts.test ? undefined : `${line}: package.json has no "test" script`;
    if (first === 'run' || first === 'run-script') {
      return second && scripts[second] ? undefined : `${line}: package.json has no "${second}" script`;
    }
    return `${line}: only npm ci, npm test and npm run are expected in the pipeline`;
  }
  if (program === 'npx') {
    const ownBin = first ? manifest.bin?.[first] : undefined;
    if (ownBin) return fs.existsSync(path.join(repoRoot, ownBin)) ? undefined : `${line}: bin ${ownBin} does not exist`;
    return first && fs.existsSync(path.join(repoRoot, 'node_modules', '.bin', first)) ? undefined : `${line}: no bin named ${first}`;
  }
  if (program === 'node') {
    return first && fs.existsSync(path.join(repoRoot, first)) ? undefined : `${line}: ${first} does not exist`;
  }
  return program && systemCommandExists(program) ? undefined : `${line}: ${program} is not a command on this machine`;
}
