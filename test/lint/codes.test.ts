/** The list of codes, the docs page and the golden tests stay in step. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { allCodes } from '../../engine/diagnostics/codes';
import { lintFiles } from '../../engine/lint/lint';
import { activities, goldenCases, lintCase } from './golden-cases';

/** The examples may call a sub-workflow named `order-intake`. */
const neighbour = { file: 'order-intake.yaml', text: 'name: order-intake\nsteps: [{ id: a, set: 1 }]\n' };
const docs = readFileSync(path.join(__dirname, '..', '..', 'docs', 'lint-codes.md'), 'utf8');

describe('diagnostic codes', () => {
  it('every code is covered by at least one golden err case', () => {
    const seen = new Set(goldenCases('err').flatMap((main) => lintCase('err', main).map((d) => d.code)));
    expect(allCodes().filter((code) => !seen.has(code))).toEqual([]);
  });

  it('every code has a docs section with a failing and a fixed example', () => {
    for (const code of allCodes()) {
      const section = new RegExp(`^## \`${code}\`\\n([\\s\\S]*?)(?=^## |(?![\\s\\S]))`, 'm').exec(docs)?.[1];
      expect(section, `docs/lint-codes.md has no section for ${code}`).toBeDefined();
      expect(section, `${code}: failing example`).toMatch(/Fails:\n\n```yaml\n[\s\S]+?```/);
      expect(section, `${code}: fixed example`).toMatch(/Fixed:\n\n```yaml\n[\s\S]+?```/);
    }
  });

  it('each failing example fails with its code and each fixed example does not', () => {
    for (const code of allCodes()) {
      const section = new RegExp(`^## \`${code}\`\\n([\\s\\S]*?)(?=^## |(?![\\s\\S]))`, 'm').exec(docs)?.[1] ?? '';
      const failing = /Fails:\n\n```yaml\n([\s\S]+?)```/.exec(section)?.[1] ?? '';
      const fixed = /Fixed:\n\n```yaml\n([\s\S]+?)```/.exec(section)?.[1] ?? '';
      // Examples that start with a comment describe several files or a huge one: they are illustrations.
      if (failing.startsWith('#')) continue;
      const codesOf = (text: string) =>
        lintFiles([{ file: 'example.yaml', text }, neighbour], { activities }).diagnostics.filter((d) => d.file === 'example.yaml').map((d) => d.code);
      expect(codesOf(failing), `${code}: the failing example`).toContain(code);
      expect(codesOf(fixed), `${code}: the fixed example`).not.toContain(code);
    }
  });

  it('the docs name no code that does not exist', () => {
    const documented = [...docs.matchAll(/^## `([a-z-]+)`$/gm)].map((match) => match[1]);
    expect(documented.filter((code) => !allCodes().includes(code as never))).toEqual([]);
    expect(documented.length).toBe(allCodes().length);
  });
});
