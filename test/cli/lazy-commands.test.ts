/**
 * Each command loads only what it needs: `sluice lint` and `sluice --help` load none of the SDKs and the
 * runtime the other commands use (the lint step of a pipeline pays for reading YAML, not for Azure).
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.join(__dirname, '..', '..');
const HEAVY = /node_modules\/(@azure\/|durable-functions\/|@google\/|better-sqlite3\/|moment\/|lodash\/)|engine\/(orchestrator|adapters\/azure)\//;

/** The modules a CLI invocation loaded (through tsx, as a checkout runs it). */
function modulesLoadedBy(argv: string[]): string[] {
  const script = `
    require('tsx/cjs');
    const { main } = require(${JSON.stringify(path.join(ROOT, 'engine/cli/main.ts'))});
    const io = { stdout() {}, stderr() {}, env: {}, cwd: ${JSON.stringify(ROOT)} };
    main(${JSON.stringify(argv)}, io).then(() => process.stdout.write(JSON.stringify(Object.keys(require.cache))));`;
  return JSON.parse(execFileSync(process.execPath, ['-e', script], { cwd: ROOT, encoding: 'utf8' })) as string[];
}

describe('lazy command loading', () => {
  it('`sluice lint` loads no Azure SDK, durable-functions or runtime module', () => {
    const loaded = modulesLoadedBy(['lint', 'workflows/']);
    expect(loaded.some((file) => file.endsWith(path.join('engine', 'lint', 'lint.ts')))).toBe(true);
    expect(loaded.filter((file) => HEAVY.test(file))).toEqual([]);
  }, 60_000);

  it('`sluice --help` loads no command', () => {
    const loaded = modulesLoadedBy(['--help']);
    expect(loaded.filter((file) => /engine\/cli\/[a-z-]+-command\.ts$/.test(file))).toEqual([]);
  }, 60_000);
});
