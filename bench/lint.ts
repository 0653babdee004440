/**
 * Item 5, lint: the command CI runs, `sluice lint <folder>`, timed end to end in cold processes (process
 * start, module loading, reading, linting, printing, exit), on generated workflows of typical size
 * (bench/corpus.ts, sized after the shipped examples, erring large). Two installs: a checkout, where
 * `bin/sluice.js` runs the TypeScript sources through tsx (what `npx sluice lint workflows/` runs in this
 * repository's pipeline), and the compiled CLI (`dist/`, what a package without sources runs). Two
 * sizes: a repository's worth of files (50, wall milliseconds) and 1,000 (files per second). Each figure
 * is the median of several cold processes, started as the shell starts `bin/sluice.js` (its shebang's
 * Node options); each round's figure and the machine's load average are kept beside it.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { compileEngine } from './build';
import { CORPUS_ACTIVITIES, CORPUS_SIZES, workflowText, type CorpusSize } from './corpus';
import { figure, notMeasured, type Figure } from './figure';
import { median, rounded } from './measure';
import type { Sizes } from './sizes';

const ROOT = resolve(__dirname, '..');

/** The Node options the `sluice` command starts with: those on its shebang, `#!/usr/bin/env -S node …`. */
export function commandNodeOptions(): string[] {
  const shebang = readFileSync(join(ROOT, 'bin', 'sluice.js'), 'utf8').split('\n', 1)[0];
  const options = /^#!\/usr\/bin\/env(?: -S)? node((?: --[a-z0-9-]+(?:=\S+)?)*)$/.exec(shebang);
  if (!options) throw new Error(`bin/sluice.js does not start with a shebang running node: ${shebang}`);
  return options[1].split(' ').filter(Boolean);
}

/** Writes `files` generated workflows of one size into `dir`. */
function writeCorpus(dir: string, files: number, size: CorpusSize): void {
  mkdirSync(dir, { recursive: true });
  for (let i = 0; i < files; i++) writeFileSync(join(dir, `generated-${String(i).padStart(4, '0')}.yaml`), workflowText(i, size));
}

/**
 * The compiled CLI as a package without sources holds it: `bin/sluice.js`, `package.json` and `dist/`
 * (so the bin takes its compiled branch), packages through a `node_modules` link. Returns its bin.
 */
function compiledInstall(work: string): string {
  const install = join(work, 'compiled');
  compileEngine(join(install, 'dist'));
  mkdirSync(join(install, 'bin'), { recursive: true });
  copyFileSync(join(ROOT, 'bin', 'sluice.js'), join(install, 'bin', 'sluice.js'));
  copyFileSync(join(ROOT, 'package.json'), join(install, 'package.json'));
  symlinkSync(join(ROOT, 'node_modules'), join(install, 'node_modules'), 'dir');
  return join(install, 'bin', 'sluice.js');
}

/** One cold `sluice lint <dir>`: wall milliseconds from spawn to exit; throws unless it exits clean. */
function lintOnce(bin: string, dir: string): number {
  const args = [...commandNodeOptions(), bin, 'lint', dir, '--activities', CORPUS_ACTIVITIES.join(',')];
  const start = performance.now();
  const done = spawnSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 16 << 20, env: { ...process.env, TF_BUILD: '', GITHUB_ACTIONS: '' } });
  const wallMs = performance.now() - start;
  if (done.status !== 0) throw new Error(`sluice lint ${dir} exited ${done.status}: ${(done.stdout + done.stderr).slice(0, 400)}`);
  return wallMs;
}

/** `rounds` cold runs: the median and every round (fastest first), in wall milliseconds. */
function rounds(bin: string, dir: string, count: number): { medianMs: number; eachMs: number[]; load: number[] } {
  const load = [rounded(loadavg()[0])];
  const eachMs = Array.from({ length: count }, () => lintOnce(bin, dir));
  load.push(rounded(loadavg()[0]));
  return { medianMs: median(eachMs), eachMs: eachMs.map(rounded).sort((a, b) => a - b), load };
}

/** Measures item 5. */
export function measureLint(sizes: Sizes['lint']): Figure[] {
  const work = mkdtempSync(join(tmpdir(), 'sluice-lint-'));
  try {
    let compiled: string;
    try {
      compiled = compiledInstall(work);
    } catch (error) {
      return [notMeasured(5, 'sluice lint, compiled CLI, cold process', 'files/s', `the engine did not compile: ${(error as Error).message.split('\n')[0]}`, { op: '>=', target: 700 })];
    }
    const few = join(work, 'few');
    const many = join(work, 'many');
    writeCorpus(few, sizes.fewFiles, CORPUS_SIZES.typical);
    writeCorpus(many, sizes.files, CORPUS_SIZES.typical);
    const installs = [
      { name: 'checkout (TypeScript through tsx)', bin: join(ROOT, 'bin', 'sluice.js') },
      { name: 'compiled CLI (dist/)', bin: compiled },
    ];
    // One untimed run of each warms the OS file cache and tsx's transform cache, as a CI agent's second
    // command finds them.
    for (const install of installs) lintOnce(install.bin, few);
    const cores = availableParallelism();
    const figures: Figure[] = [];
    for (const install of installs) {
      const small = rounds(install.bin, few, sizes.rounds);
      figures.push(figure(5, `\`sluice lint\` ${sizes.fewFiles} typical files, end to end, cold, ${install.name}`, small.medianMs, 'ms', {
        goal: { op: '<=', target: 400 },
        detail: { files: sizes.fewFiles, cores, msEachRound: small.eachMs, loadAverage: small.load },
      }));
      const large = rounds(install.bin, many, sizes.rounds);
      figures.push(figure(5, `\`sluice lint\` ${sizes.files} typical files, end to end, cold, ${install.name}`, sizes.files / (large.medianMs / 1000), 'files/s', {
        goal: { op: '>=', target: 700 },
        detail: { files: sizes.files, cores, medianMs: rounded(large.medianMs), msEachRound: large.eachMs, loadAverage: large.load },
        limit: 'reading YAML (`yaml` documents with node ranges) is most of the lint; the rest is process start, module loading and V8 warming up',
      }));
    }
    return figures;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
