/** `sluice lint` and `sluice graph` through `main()`, with captured output: exit codes, formats, CI annotations. */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, rmSync, mkdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../engine/cli/main';
import type { CliIo } from '../../engine/cli/io';
import { SLUICE_BIN } from '../e2e/serve-process';

let dir: string;
const clean = 'name: clean\nsteps:\n  - id: a\n    set: 1\n';
const warning = 'name: warned\nsteps:\n  - id: call\n    http: { url: "http://example.com" }\n';
const broken = 'name: broken\nsteps:\n  - id: a\n    ai:\n      promt: hi\n      fallback: x\n';

async function run(argv: string[], env: NodeJS.ProcessEnv = {}): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: CliIo = { stdout: (t) => (out += t + '\n'), stderr: (t) => (err += t + '\n'), env, cwd: dir };
  const code = await main(argv, io);
  return { code, out, err };
}

beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'sluice-cli-'));
  mkdirSync(path.join(dir, 'flows', 'nested'), { recursive: true });
  writeFileSync(path.join(dir, 'flows', 'clean.yaml'), clean);
  writeFileSync(path.join(dir, 'flows', 'nested', 'warned.yml'), warning);
  writeFileSync(path.join(dir, 'broken.yaml'), broken);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('sluice lint', () => {
  it('exits 0 on clean files and 0 on warnings without --strict', async () => {
    expect((await run(['lint', 'flows/clean.yaml', '--activities', ''])).code).toBe(0);
    const warned = await run(['lint', 'flows/', '--activities', '']);
    expect(warned.code).toBe(0);
    expect(warned.out).toContain('flows/nested/warned.yml:4:18: warning');
    expect(warned.out).toContain('2 files checked: 0 errors, 1 warning');
  });

  it('exits 1 on warnings with --strict and on errors', async () => {
    expect((await run(['lint', 'flows', '--strict', '--activities', ''])).code).toBe(1);
    const result = await run(['lint', 'broken.yaml', '--activities', '']);
    expect(result.code).toBe(1);
    expect(result.out).toContain("broken.yaml:5:7: error unknown key `promt` in AI step; did you mean `prompt`? [unknown-key]");
    expect(result.out).toContain('  5 |       promt: hi\n    |       ^^^^^');
  });

  it('exits 2 on usage errors', async () => {
    expect((await run(['lint', 'nothing-here/'])).code).toBe(2);
    expect((await run(['lint', 'flows', '--format', 'xml'])).code).toBe(2);
    expect((await run(['lint', '--bogus'])).code).toBe(2);
    expect((await run(['frobnicate'])).code).toBe(2);
  });

  it('expands globs', async () => {
    const result = await run(['lint', 'flows/**/*.yml', '--format', 'json', '--activities', '']);
    expect(JSON.parse(result.out).map((d: { file: string }) => d.file)).toEqual(['flows/nested/warned.yml']);
  });

  it('prints the diagnostic data as JSON', async () => {
    const [diagnostic] = JSON.parse((await run(['lint', 'broken.yaml', '--format', 'json', '--activities', ''])).out);
    expect(diagnostic).toEqual({ code: 'unknown-key', severity: 'error', message: expect.stringContaining('promt'), file: 'broken.yaml', line: 5, column: 7, endLine: 5, endColumn: 12, pointer: '/steps/0/ai/promt', hint: expect.stringContaining('prompt') });
  });

  it('prints SARIF 2.1.0', async () => {
    const log = JSON.parse((await run(['lint', 'broken.yaml', '--format', 'sarif', '--activities', ''])).out);
    expect(log.version).toBe('2.1.0');
    expect(log.runs[0].tool.driver.rules.map((r: { id: string }) => r.id)).toEqual(['unknown-key']);
    expect(log.runs[0].results[0]).toMatchObject({ ruleId: 'unknown-key', level: 'error', locations: [{ physicalLocation: { artifactLocation: { uri: 'broken.yaml' }, region: { startLine: 5, startColumn: 7 } } }] });
  });

  it('annotates for Azure Pipelines and GitHub Actions', async () => {
    const azure = await run(['lint', 'broken.yaml', '--activities', ''], { TF_BUILD: 'True' });
    expect(azure.out).toContain('##vso[task.logissue type=error;sourcepath=broken.yaml;linenumber=5;columnnumber=7;code=unknown-key]unknown key `promt`');
    const github = await run(['lint', 'broken.yaml', '--activities', ''], { GITHUB_ACTIONS: 'true' });
    expect(github.out).toContain('::error file=broken.yaml,line=5,col=7,endLine=5,endColumn=12,title=sluice unknown-key::unknown key `promt`');
  });

  it('lints the bundled workflows clean, with the activities from the registry', async () => {
    let out = '';
    const code = await main(['lint', 'workflows/'], { stdout: (t) => (out += t), stderr: (t) => (out += t), env: {}, cwd: path.join(__dirname, '..', '..') });
    expect(out).toMatch(/files checked: 0 errors, 0 warnings/);
    expect(code).toBe(0);
  });

  it('runs as the `sluice` executable, its shebang starting Node with V8\'s thread pool sized to the machine', async () => {
    // What `npx sluice lint` runs: the system starts bin/sluice.js through its shebang (`env -S` splits
    // the options), so a shebang this system cannot run fails here.
    expect(readFileSync(SLUICE_BIN, 'utf8').split('\n', 1)[0]).toBe('#!/usr/bin/env -S node --v8-pool-size=0');
    const { stdout } = await new Promise<{ stdout: string }>((done, fail) =>
      execFile(SLUICE_BIN, ['lint', 'flows/clean.yaml', '--activities', ''], { cwd: dir }, (error, stdout) => (error ? fail(error) : done({ stdout }))),
    );
    expect(stdout).toContain('1 file checked: 0 errors, 0 warnings');
  }, 60_000);
});

describe('sluice graph', () => {
  it('prints a Mermaid flowchart', async () => {
    const result = await run(['graph', 'flows/clean.yaml']);
    expect(result.code).toBe(0);
    expect(result.out).toMatch(/^flowchart TD\n/);
    expect(result.out).toContain('start --> s_a');
  });

  it('exits 1 with diagnostics for a broken file and 2 without a file', async () => {
    const broken = await run(['graph', 'broken.yaml']);
    expect(broken.code).toBe(1);
    expect(broken.err).toContain('[unknown-key]');
    expect((await run(['graph'])).code).toBe(2);
  });
});
