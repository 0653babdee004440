/** A typo'd key three levels deep yields exactly one error, at the typo, with "did you mean". */
import { describe, expect, it } from 'vitest';
import { lintText } from '../../engine/lint/lint';

const cases = [
  { key: 'promt', text: 'name: t\nsteps:\n  - id: a\n    ai:\n      promt: hi\n      fallback: x\n', line: 5, column: 7, meant: 'prompt' },
  { key: 'maxAtempts', text: 'name: t\nsteps:\n  - id: a\n    set: 1\n    retry:\n      maxAtempts: 2\n', line: 6, column: 7, meant: 'maxAttempts' },
  { key: 'rout', text: 'name: t\ntriggers:\n  http:\n    rout: x\nsteps:\n  - id: a\n    set: 1\n', line: 4, column: 5, meant: 'route' },
  { key: 'itmes', text: 'name: t\nsteps:\n  - id: a\n    forEach:\n      itmes: [1]\n      concurrency: 1\n      steps: [{ id: b, set: 1 }]\n', line: 5, column: 7, meant: 'items' },
  { key: 'htp', text: 'name: t\nsteps:\n  - id: a\n    htp: { url: "https://x" }\n', line: 4, column: 5, meant: 'http' },
];

describe('typo three levels deep', () => {
  for (const sample of cases) {
    it(`\`${sample.key}\` → one error suggesting \`${sample.meant}\``, () => {
      const { diagnostics } = lintText('t.yaml', sample.text);
      expect(diagnostics).toHaveLength(1);
      expect(diagnostics[0]).toMatchObject({ code: 'unknown-key', severity: 'error', line: sample.line, column: sample.column });
      expect(diagnostics[0].message).toContain(`did you mean \`${sample.meant}\`?`);
      expect(diagnostics[0].endColumn - diagnostics[0].column).toBe(sample.key.length);
    });
  }
});
