/**
 * `sluice lint`'s CI flags: `--max-warnings`, `--quiet`, `-` for stdin, colour only on a terminal
 * (`NO_COLOR`, `--no-color`), and SARIF with rule metadata that validates against the official
 * SARIF 2.1.0 schema (vendored in test/lint/schemas/, see SOURCES.md there).
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CliIo } from '../../engine/cli/io';
import { main } from '../../engine/cli/main';

let dir: string;
const warning = 'name: warned\nsteps:\n  - id: call\n    http: { url: "http://example.com" }\n';
const broken = 'name: broken\ncolour: blue\nsteps:\n  - id: a\n    set: ${{ now() }}\n  - id: call\n    http: { url: "http://example.com" }\n';

async function run(argv: string[], extra: Partial<CliIo> = {}): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: CliIo = { stdout: (t) => (out += t + '\n'), stderr: (t) => (err += t + '\n'), env: {}, cwd: dir, ...extra };
  const code = await main(argv, io);
  return { code, out, err };
}

beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'sluice-flags-'));
  mkdirSync(path.join(dir, 'flows'));
  writeFileSync(path.join(dir, 'flows', 'warned.yaml'), warning);
  writeFileSync(path.join(dir, 'broken.yaml'), broken);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('sluice lint flags', () => {
  it('--max-warnings N fails above N warnings only', async () => {
    expect((await run(['lint', 'flows/', '--activities', '', '--max-warnings', '1'])).code).toBe(0);
    const over = await run(['lint', 'flows/', '--activities', '', '--max-warnings', '0']);
    expect(over.code).toBe(1);
    expect(over.err).toContain('more than --max-warnings 0');
    expect((await run(['lint', 'flows/', '--max-warnings', 'many'])).code).toBe(2);
  });

  it('--explain FILE prints the budget estimate step by step', async () => {
    const result = await run(['lint', '--explain', 'flows/warned.yaml', '--activities', '']);
    expect(result.code).toBe(0);
    expect(result.out).toContain('flows/warned.yaml: one run, estimated');
    expect(result.out).toMatch(/call\s+http\s+1\s+1\s+4 \(4\)/);
    expect(result.out).toContain('history events: 14 on the success path');
    expect((await run(['lint', '--explain', 'broken.yaml', '--activities', ''])).out).toContain('no estimate');
    expect((await run(['lint', '--explain', 'flows/warned.yaml', '--format', 'json'])).code).toBe(2);
  });

  it('--quiet prints errors only', async () => {
    const quiet = await run(['lint', 'broken.yaml', '--activities', '', '--quiet']);
    expect(quiet.code).toBe(1);
    expect(quiet.out).toContain('[unknown-key]');
    expect(quiet.out).not.toContain('[insecure-url]');
  });

  it('`-` lints stdin, named by --stdin-filename', async () => {
    const result = await run(['lint', '-', '--activities', '', '--stdin-filename', 'piped.yaml'], { stdin: async () => warning });
    expect(result.out).toContain('piped.yaml:4:18: warning');
    expect((await run(['lint', '-', 'flows/'], { stdin: async () => warning })).code).toBe(2);
  });

  it('colours only a terminal, and never with NO_COLOR or --no-color', async () => {
    const escape = '\u001b[';
    expect((await run(['lint', 'broken.yaml', '--activities', ''])).out).not.toContain(escape);
    expect((await run(['lint', 'broken.yaml', '--activities', ''], { isTTY: true })).out).toContain(escape);
    expect((await run(['lint', 'broken.yaml', '--activities', ''], { isTTY: true, env: { NO_COLOR: '1' } })).out).not.toContain(escape);
    expect((await run(['lint', 'broken.yaml', '--activities', '', '--no-color'], { isTTY: true })).out).not.toContain(escape);
  });
});

describe('SARIF', () => {
  it('validates against the official SARIF 2.1.0 schema and carries each rule\'s metadata', async () => {
    const log = JSON.parse((await run(['lint', 'broken.yaml', '--format', 'sarif', '--activities', ''])).out);
    // The schema is draft-04; its keywords are draft-07's but for `id` (now `$id`), so ajv reads it as draft-07.
    const { $schema: _draft, id, ...schema } = JSON.parse(readFileSync(path.join(__dirname, '..', 'lint', 'schemas', 'sarif-schema-2.1.0.json'), 'utf8'));
    const ajv = new Ajv({ allErrors: true, strict: false });
    addFormats(ajv);
    const validate = ajv.compile({ ...schema, $id: id });
    expect(validate(log), JSON.stringify(validate.errors, null, 2)).toBe(true);
    const rules = log.runs[0].tool.driver.rules as Array<Record<string, unknown>>;
    expect(rules.map((rule) => rule.id)).toEqual(['insecure-url', 'unknown-function', 'unknown-key']);
    for (const rule of rules) {
      for (const field of ['name', 'shortDescription', 'fullDescription', 'help', 'helpUri']) expect(rule[field], `${rule.id}.${field}`).toBeDefined();
      expect(rule.name).not.toBe(rule.id);
      expect(String(rule.helpUri)).toMatch(new RegExp(`docs/lint-codes\\.md#${String(rule.id)}$`));
    }
  });
});
