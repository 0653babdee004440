/**
 * Linting on several threads finds exactly what one thread finds: per-file diagnostics from every
 * golden case, and cross-file findings (duplicate names, routes and queues, unknown sub-workflows)
 * between files linted on different threads.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CORPUS_SIZES, workflowText } from '../../bench/corpus';
import { lintFiles, type SourceText } from '../../engine/lint/lint';
import { lintFilesInParallel, PARALLEL_THRESHOLD } from '../../engine/lint/parallel';

const activities = ['reserveStock', 'checkLine', 'priceOrder'];
const cases = (folder: string): SourceText[] =>
  readdirSync(path.join(__dirname, folder)).filter((name) => name.endsWith('.yaml')).sort().map((name) => ({ file: `${folder}/${name}`, text: readFileSync(path.join(__dirname, folder, name), 'utf8') }));

/** Generated files, every golden case, and files that clash with or call files far away in the list. */
function mixedSources(): SourceText[] {
  // Enough files that both threads take a share once the worker has loaded the linter (startTogether).
  const generated = Array.from({ length: 1200 }, (_, n) => ({ file: `gen/${n}.yaml`, text: workflowText(n, CORPUS_SIZES.typical) }));
  const clashes = [
    { file: 'z/same-name.yaml', text: workflowText(3, CORPUS_SIZES.typical).replace('name: generated-3', 'name: generated-200') },
    { file: 'z/caller.yaml', text: 'name: caller\nsteps:\n  - id: call\n    workflow: generated-5\n  - id: missing\n    workflow: generated-9999\n' },
  ];
  return [...generated.slice(0, 600), ...cases('err'), ...cases('ok'), ...generated.slice(600), ...clashes];
}

describe('parallel lint', () => {
  it('finds on two threads exactly what one thread finds, cross-file findings included', async () => {
    const sources = mixedSources();
    const expected = lintFiles(sources, { activities }).diagnostics;
    const parallel = await lintFilesInParallel(sources, { activities }, 2, { startTogether: true });
    expect(parallel.filesPerThread).toHaveLength(2);
    expect(parallel.filesPerThread[1], 'the worker thread linted nothing').toBeGreaterThan(0);
    expect(parallel.filesPerThread.reduce((a, b) => a + b, 0)).toBe(sources.length);
    expect(parallel.diagnostics).toEqual(expected);
    const codes = new Set(expected.map((d) => d.code));
    for (const code of ['duplicate-workflow-name', 'duplicate-route', 'unknown-workflow']) expect(codes).toContain(code);
  }, 60_000);

  it('stays on the calling thread for few files', async () => {
    const sources = Array.from({ length: PARALLEL_THRESHOLD - 1 }, (_, n) => ({ file: `${n}.yaml`, text: workflowText(n) }));
    const parallel = await lintFilesInParallel(sources, { activities }, 8);
    expect(parallel.filesPerThread).toEqual([sources.length]);
    expect(parallel.diagnostics).toEqual([]);
  });
});
