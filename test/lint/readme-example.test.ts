/** The README's opening workflow is a real one: it lints clean. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { lintText } from '../../engine/lint/lint';

it('the README example workflow lints without findings', () => {
  const readme = readFileSync(join(__dirname, '..', '..', 'README.md'), 'utf8');
  const example = /```yaml\n(# yaml-language-server[\s\S]*?)```/.exec(readme)?.[1];
  expect(example).toBeDefined();
  const linted = lintText('README.md', example!);
  expect(linted.diagnostics).toEqual([]);
  expect(linted.definition?.name).toBe('content-moderation');
});
