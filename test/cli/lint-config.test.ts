/**
 * `.sluice.yaml` at the project root: rule severities (off, warning, error) and ignored paths; codes the
 * runtime refuses cannot be changed; a broken configuration is a usage error. Inline suppressions are
 * covered by the golden case test/lint/err/unused-suppression.yaml.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CliIo } from '../../engine/cli/io';
import { main } from '../../engine/cli/main';

let dir: string;
const insecure = 'name: insecure\nsteps:\n  - id: call\n    http: { url: "http://example.com" }\n';
const loop = 'name: loop\nsteps:\n  - id: each\n    forEach:\n      items: [1]\n      steps: [{ id: a, set: 1 }]\n';
const broken = 'name: broken\ncolour: blue\nsteps:\n  - { id: a, set: 1 }\n';

async function run(argv: string[], config?: string, cwd?: string): Promise<{ code: number; out: string; err: string }> {
  if (config === undefined) rmSync(path.join(dir, '.sluice.yaml'), { force: true });
  else writeFileSync(path.join(dir, '.sluice.yaml'), config);
  let out = '';
  let err = '';
  const io: CliIo = { stdout: (t) => (out += t + '\n'), stderr: (t) => (err += t + '\n'), env: {}, cwd: cwd ?? dir };
  const code = await main(argv, io);
  return { code, out, err };
}

beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'sluice-config-'));
  writeFileSync(path.join(dir, 'package.json'), '{ "name": "config-test" }\n');
  mkdirSync(path.join(dir, 'flows', 'legacy'), { recursive: true });
  writeFileSync(path.join(dir, 'flows', 'insecure.yaml'), insecure);
  writeFileSync(path.join(dir, 'flows', 'loop.yaml'), loop);
  writeFileSync(path.join(dir, 'flows', 'legacy', 'broken.yaml'), broken);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('.sluice.yaml', () => {
  it('without one, every finding counts', async () => {
    const result = await run(['lint', 'flows/', '--activities', '']);
    expect(result.code).toBe(1);
    expect(result.out).toContain('[insecure-url]');
    expect(result.out).toContain('[foreach-no-concurrency]');
    expect(result.out).toContain('[unknown-key]');
  });

  it('turns a rule off, raises another to an error, and ignores paths by glob or folder', async () => {
    for (const ignore of ['flows/legacy/**', 'flows/legacy/', 'flows/**/broken.yaml']) {
      const result = await run(['lint', 'flows/', '--activities', ''], `# the intranet is http only\nrules:\n  insecure-url: off\n  foreach-no-concurrency: error\nignore: ["${ignore}"]\n`);
      expect(result.out, ignore).not.toContain('[insecure-url]');
      expect(result.out, ignore).toContain('error forEach `each` has no `concurrency`');
      expect(result.out, ignore).not.toContain('broken.yaml');
      expect(result.out, ignore).toContain('2 files checked: 1 error, 0 warnings');
      expect(result.code, ignore).toBe(1);
    }
  });

  it('is found at the project root from a sub-folder', async () => {
    const result = await run(['lint', '.', '--activities', ''], 'rules: { insecure-url: off, foreach-no-concurrency: off }\nignore: [flows/legacy]\n', path.join(dir, 'flows'));
    expect(result.out).toContain('2 files checked: 0 errors, 0 warnings');
    expect(result.code).toBe(0);
  });

  it('refuses unknown codes, levels and keys, and codes the runtime decides', async () => {
    const typo = await run(['lint', 'flows/'], 'rules: { insecure-ur: off }\n');
    expect(typo.code).toBe(2);
    expect(typo.err).toContain('did you mean `insecure-url`?');
    expect((await run(['lint', 'flows/'], 'rules: { insecure-url: silent }\n')).err).toContain('use off, warning or error');
    expect((await run(['lint', 'flows/'], 'rule: {}\n')).err).toContain('did you mean `rules`?');
    expect((await run(['lint', 'flows/'], 'rules: { unknown-key: warning }\n')).err).toContain('cannot be changed');
    expect((await run(['lint', 'flows/'], 'rules: [\n')).code).toBe(2);
  });
});
