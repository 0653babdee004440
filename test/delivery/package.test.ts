/**
 * `npm run package` end to end: builds the zip once (slow: a full compile and ~15k files), then
 * opens it with yauzl and checks it holds exactly what the Functions host runs, nothing more.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addonAbi, NATIVE_ADDON } from '../../scripts/package/native-abi';
import { devOnlyPackages } from '../../scripts/package/production-tree';
import { readZip, type ZipListing } from './zip-reader';

const repoRoot = path.resolve(__dirname, '..', '..');
const source = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as {
  version: string;
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};

const tsx = path.join(repoRoot, 'node_modules', 'tsx', 'dist', 'cli.mjs');
/** `npm run package -- <args>` under the Node running the tests (under Node 22 in .ci/run's second run). */
const packageCommand = (args: readonly string[]) =>
  spawnSync(process.execPath, [tsx, 'scripts/package.ts', ...args], { cwd: repoRoot, encoding: 'utf8' });

let workDir: string;
let extracted: string;
let zip: ZipListing;
let files: Set<string>;
let manifest: { main: string; scripts?: unknown; devDependencies?: unknown; bin?: unknown };

beforeAll(async () => {
  // Outside the repository, so bare imports from the extracted app cannot reach its node_modules.
  workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sluice-package-test-'));
  const run = packageCommand(['--out-dir', workDir]);
  if (run.status !== 0) throw new Error(`npm run package failed:\n${run.stdout}\n${run.stderr}`);
  extracted = path.join(workDir, 'app');
  zip = await readZip(path.join(workDir, `sluice-${source.version}.zip`), ['package.json', 'host.json'], extracted);
  files = new Set(zip.names.filter((name) => !name.endsWith('/')));
  manifest = JSON.parse(zip.texts.get('package.json')!);
}, 600_000);

afterAll(() => {
  if (workDir) fs.rmSync(workDir, { recursive: true, force: true });
});

describe('the deployable zip', () => {
  it('has host.json at the root, identical to the repository one', () => {
    expect(zip.texts.get('host.json')).toBe(fs.readFileSync(path.join(repoRoot, 'host.json'), 'utf8'));
  });

  it('has a package.json whose main is a file inside the zip and no development fields', () => {
    expect(manifest.main).toMatch(/^dist\/.+\.js$/);
    expect(files.has(manifest.main)).toBe(true);
    expect(manifest).not.toHaveProperty('devDependencies');
    expect(manifest).not.toHaveProperty('scripts');
    expect(manifest).not.toHaveProperty('bin');
  });

  it('holds compiled JavaScript only under dist/, and nothing at the root but the runtime layout', () => {
    const dist = [...files].filter((name) => name.startsWith('dist/'));
    expect(dist.length).toBeGreaterThan(0);
    expect(dist.filter((name) => !/\.(?:js|json)$/.test(name))).toEqual([]);
    const roots = new Set(zip.names.map((name) => name.split('/')[0]));
    expect([...roots].sort()).toEqual(['dist', 'host.json', 'node_modules', 'package.json', 'schemas', 'workflows']);
  });

  it('carries every workflow and schema file of the repository (workflow tests and their snapshots stay out)', () => {
    expect(zip.names).toContain('workflows/');
    expect(zip.names).toContain('schemas/');
    for (const folder of ['workflows', 'schemas']) {
      const dir = path.join(repoRoot, folder);
      const expected = fs.existsSync(dir) ? fs.readdirSync(dir, { recursive: true, encoding: 'utf8' }) : [];
      for (const relative of expected) {
        const zipPath = `${folder}/${relative.split(path.sep).join('/')}`;
        if (/\.test\.ya?ml$|(?:^|\/)__snapshots__(?:\/|$)/.test(zipPath)) continue;
        if (fs.statSync(path.join(dir, relative)).isFile()) expect(files).toContain(zipPath);
      }
    }
  });

  it('contains every production dependency', () => {
    for (const name of Object.keys(source.dependencies)) expect(files).toContain(`node_modules/${name}/package.json`);
  });

  it('contains no development-only package', () => {
    expect(files.has('node_modules/vitest/package.json')).toBe(false);
    expect(files.has('node_modules/typescript/package.json')).toBe(false);
    const leaked = devOnlyPackages(repoRoot).filter((key) => files.has(`${key}/package.json`));
    expect(leaked).toEqual([]);
  });

  it('contains no tests, local data, local settings or secrets', () => {
    const forbidden = [
      /^(?:test|engine|scripts|bench|codegen|coverage|test-results|\.ci)\//,
      /(?:^|\/)\.sluice\//,
      /(?:^|\/)local\.settings\.json$/,
      /(?:^|\/)\.env(?:\.[^/]*)?$/,
      /(?:^|\/)[^/]+\.test\.[cm]?[jt]s$/,
      /(?:^|\/)[^/]+\.test\.ya?ml$/,
      /(?:^|\/)__snapshots__\//,
      /^dist\/.*\.map$/,
    ];
    expect(zip.names.filter((name) => forbidden.some((pattern) => pattern.test(name)))).toEqual([]);
  });

  // The app refuses to start without a key to sign run inputs with (docs/security.md).
  const SIGNING_KEY = 'package-test-signing-key-0123456789abcdef';

  it('loads its entry point with nothing but the packaged dependencies', () => {
    // A missing production dependency shows up here as MODULE_NOT_FOUND. The exit right after
    // loading keeps timers or listeners the app may start from holding the process open.
    const load = spawnSync(process.execPath, ['-e', `require(${JSON.stringify(`./${manifest.main}`)}); process.exit(0)`], {
      cwd: extracted,
      encoding: 'utf8',
      env: { PATH: process.env.PATH, HOME: workDir, SLUICE_SIGNING_KEY: SIGNING_KEY },
      timeout: 60_000,
    });
    expect(load.stderr).not.toMatch(/Cannot find module/);
    expect(load.status, load.stderr).toBe(0);
  });

  it('keeps the language validators out of its start-up bundle, beside it, and they load from there on first use', () => {
    const validators = 'dist/engine/definition/workflow-validator.generated.js';
    expect(files.has(validators)).toBe(true);
    const main = fs.readFileSync(path.join(extracted, manifest.main), 'utf8');
    expect(main).not.toContain('function createQuickCheck');
    // The bundle requires the file by its path from dist/ (where schema.ts does, on first use).
    expect(main).toContain(`require("./${path.posix.relative('dist', validators)}")`);
    // A workflow passes the quick check, an empty mapping does not.
    const probe = `const quick = require(${JSON.stringify(`./${validators}`)}).createQuickCheck();
      process.stdout.write(JSON.stringify([quick({ name: 'x', steps: [{ id: 'a', set: 1 }] }), quick({})])); process.exit(0);`;
    const run = spawnSync(process.execPath, ['-e', probe], { cwd: extracted, encoding: 'utf8', env: { PATH: process.env.PATH, HOME: workDir, SLUICE_SIGNING_KEY: SIGNING_KEY }, timeout: 60_000 });
    expect(run.status, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual([true, false]);
  });

  it('carries the run inspector page, built, and serves it with no sources and no esbuild', () => {
    expect(files.has('dist/inspector/assets.json')).toBe(true);
    const probe = `require('./dist/engine/adapters/inspector/page.js').pageAnswer(process.cwd(), '/static/app.js', { base: '/api/inspector', api: '/api' })
      .then((answer) => { process.stdout.write(JSON.stringify({ status: answer.status, type: answer.headers['content-type'], bytes: answer.body.length })); process.exit(0); });`;
    const run = spawnSync(process.execPath, ['-e', probe], { cwd: extracted, encoding: 'utf8', env: { PATH: process.env.PATH, HOME: workDir }, timeout: 60_000 });
    expect(run.status, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ status: 200, type: expect.stringContaining('javascript') });
    expect(JSON.parse(run.stdout).bytes).toBeGreaterThan(10_000);
  });

  it('starts from the linted workflow bundle: no YAML parser, schema compiler, validator or expression parser loaded at start-up', () => {
    expect(files.has('dist/workflows.bundle.json')).toBe(true);
    const probe = `require(${JSON.stringify(`./${manifest.main}`)});
      const loaded = Object.keys(require.cache).filter((file) => /node_modules[\\/](yaml|ajv|cron-parser|jexl)[\\/]|workflow-validator\\.generated/.test(file));
      process.stdout.write(JSON.stringify(loaded)); process.exit(0);`;
    const run = spawnSync(process.execPath, ['-e', probe], { cwd: extracted, encoding: 'utf8', env: { PATH: process.env.PATH, HOME: workDir, SLUICE_SIGNING_KEY: SIGNING_KEY }, timeout: 60_000 });
    expect(run.status, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual([]);
  });
});

describe('the zip and the Node of the Function App', () => {
  it('ships the better-sqlite3 addon built for the Node that ran npm ci, and it opens a database there', () => {
    expect(files.has(NATIVE_ADDON)).toBe(true);
    expect(addonAbi(fs.readFileSync(path.join(extracted, NATIVE_ADDON)))).toBe(Number(process.versions.modules));
    const probe = `const Database = require('better-sqlite3'); const db = new Database(':memory:');
      process.stdout.write(String(db.prepare('select 41 + 1 as answer').get().answer)); db.close(); process.exit(0);`;
    const run = spawnSync(process.execPath, ['-e', probe], { cwd: extracted, encoding: 'utf8', env: { PATH: process.env.PATH, HOME: workDir }, timeout: 60_000 });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toBe('42');
  });

  it('refuses, before compiling, to build for a Node the installed addon does not load in', () => {
    const other = process.versions.node.startsWith('22.') ? '20' : '22';
    const run = packageCommand(['--out-dir', path.join(workDir, 'other'), '--node', other]);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(new RegExp(`but the zip is for Node ${other} .*run \`npm ci\` under Node ${other}`));
    expect(fs.existsSync(path.join(workDir, 'other'))).toBe(false);
  });

  it('rejects a --node that is not a major version', () => {
    const run = packageCommand(['--node', '22.x']);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/--node takes a Node major version such as 22, not 22\.x/);
  });
});
