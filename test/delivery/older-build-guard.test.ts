/**
 * scripts/deploy/older-build-guard.sh in a throwaway repository (main: A → B → C, and a side commit),
 * with a stand-in `az` on PATH that answers the app's `sluice-commit` tag: a run may deploy its own
 * commit or a descendant of prod's, never an ancestor; `--record` writes the tag.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { repoRoot } from './official-schemas';

const GUARD = path.join(repoRoot, 'scripts', 'deploy', 'older-build-guard.sh');
const root = fs.mkdtempSync(path.join(os.tmpdir(), 'sluice-guard-'));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

const git = (...args: string[]): string => {
  const run = spawnSync('git', args, { cwd: root, encoding: 'utf8', env: { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@t', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@t' } });
  if (run.status !== 0) throw new Error(run.stderr);
  return run.stdout.trim();
};
git('init', '--quiet', '--initial-branch=main');
const commit = (message: string): string => {
  git('commit', '--quiet', '--allow-empty', '-m', message);
  return git('rev-parse', 'HEAD');
};
const [a, b, c] = [commit('A'), commit('B'), commit('C')];
git('checkout', '--quiet', '-b', 'side', a);
const side = commit('side');
git('checkout', '--quiet', 'main');

// The stand-in az: `resource show … tags` prints $DEPLOYED, `resource tag` logs its arguments.
const bin = path.join(root, 'bin');
fs.mkdirSync(bin);
fs.writeFileSync(path.join(bin, 'az'), `#!/bin/sh
case "$1 $2" in
  "functionapp show") echo /subscriptions/s/resourceGroups/rg/providers/Microsoft.Web/sites/app ;;
  "resource show") echo "$DEPLOYED" ;;
  "resource tag") echo "$@" > "${root}/tagged" ;;
esac
`, { mode: 0o755 });

function guard(candidate: string, deployed: string, record = false) {
  const args = [GUARD, 'app', 'rg', candidate, ...(record ? ['--record'] : [])];
  const run = spawnSync('bash', args, { cwd: root, encoding: 'utf8', env: { PATH: `${bin}:${process.env.PATH}`, DEPLOYED: deployed } });
  return { code: run.status, output: run.stdout + run.stderr };
}

describe('the older-build guard', () => {
  it.each([
    ['prod has no recorded build', c, '', 0],
    ['this run is the build prod runs (a redeploy)', b, b, 0],
    ['this run is newer than prod', c, a, 0],
    ['prod runs a commit this history does not have', c, '0123456789abcdef0123456789abcdef01234567', 0],
    ['this run is older than prod', a, c, 1],
    ['this run is not a descendant of prod (diverged)', side, b, 1],
  ])('%s → exit %i', (_name, candidate, deployed, code) => {
    const run = guard(candidate, deployed);
    expect(run.code, run.output).toBe(code);
    if (code === 1) expect(run.output).toMatch(/refusing to deploy an older build over it/);
  });

  it('records the commit as the app tag, keeping the others', () => {
    const run = guard(c, '', true);
    expect(run.code, run.output).toBe(0);
    expect(fs.readFileSync(path.join(root, 'tagged'), 'utf8')).toContain(`--is-incremental --tags sluice-commit=${c}`);
  });
});
