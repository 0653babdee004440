import { cpSync, mkdtempSync, rmSync, writeFileSync, appendFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { projectFromBundle, writeBundle } from '../../engine/adapters/bundle';
import { loadProject, ProjectLoadError } from '../../engine/adapters/project';

let root: string;
const bundleFile = () => join(root, 'workflows.bundle.json');

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'sluice-bundle-'));
  cpSync(join(__dirname, '..', '..', 'workflows'), join(root, 'workflows'), { recursive: true });
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('the workflow bundle', () => {
  it('gives the same project as linting the files, while they are unchanged', () => {
    writeBundle({ root }, bundleFile());
    const bundled = projectFromBundle({ root }, bundleFile());
    const linted = loadProject({ root });
    expect(bundled?.workflows.map((w) => [w.name, w.file, w.hash])).toEqual(linted.workflows.map((w) => [w.name, w.file, w.hash]));
  });

  it('is ignored when a workflow file was edited, added or removed after packaging', () => {
    writeBundle({ root }, bundleFile());
    appendFileSync(join(root, 'workflows', 'refund-approval.yaml'), '\n# edited\n');
    expect(projectFromBundle({ root }, bundleFile())).toBeUndefined();

    writeBundle({ root }, bundleFile());
    writeFileSync(join(root, 'workflows', 'extra.yaml'), 'name: extra\nsteps:\n  - id: a\n    set: 1\n');
    expect(projectFromBundle({ root }, bundleFile())).toBeUndefined();

    writeBundle({ root }, bundleFile());
    rmSync(join(root, 'workflows', 'extra.yaml'));
    expect(projectFromBundle({ root }, bundleFile())).toBeUndefined();
  });

  it('is ignored when missing, and an invalid definition is never bundled', () => {
    expect(projectFromBundle({ root }, bundleFile())).toBeUndefined();
    writeFileSync(join(root, 'workflows', 'broken.yaml'), 'name: broken\nsteps:\n  - id: a\n    sett: 1\n');
    expect(() => writeBundle({ root }, bundleFile())).toThrow(ProjectLoadError);
  });
});
