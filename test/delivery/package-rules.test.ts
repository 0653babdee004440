/**
 * The packager's rules, table by table: which installed files are pruned, which paths are denied,
 * what the runtime package.json keeps, and how the production tree is resolved from a lockfile.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { isDenied } from '../../scripts/package/contents';
import { runtimeManifest } from '../../scripts/package/manifest';
import { abiOfNodeMajor, addonAbi, checkAddonFor, NATIVE_ADDON } from '../../scripts/package/native-abi';
import { devOnlyPackages, productionPackages } from '../../scripts/package/production-tree';
import { keepDirectory, keepPackageFile, packageNameOf } from '../../scripts/package/prune';

describe('pruning installed packages', () => {
  it.each([
    ['some-lib', 'index.js', true],
    ['some-lib', 'lib/data.json', true],
    ['some-lib', 'lib/addon.node', true],
    ['some-lib', 'index.d.ts', false],
    ['some-lib', 'dist/index.d.mts', false],
    ['some-lib', 'src/index.ts', false],
    ['some-lib', 'dist/index.js.map', false],
    ['some-lib', 'README.md', false],
    ['some-lib', 'LICENSE', true],
    ['some-lib', 'LICENSE.md', true],
    ['some-lib', 'NOTICE.txt', true],
    ['some-lib', 'test/parse.test.js', false],
    ['better-sqlite3', 'lib/index.js', true],
    ['better-sqlite3', 'build/Release/better_sqlite3.node', true],
    ['better-sqlite3', 'build/Release/obj.target/better_sqlite3.node', false],
    ['better-sqlite3', 'build/Release/test_extension.node', false],
    ['better-sqlite3', 'deps/sqlite3/sqlite3.c', false],
    ['better-sqlite3', 'src/better_sqlite3.cpp', false],
  ])('%s: %s → %s', (name, relative, kept) => {
    expect(keepPackageFile(name, relative)).toBe(kept);
  });

  it.each([
    ['lib', true],
    ['node_modules', false],
    ['.github', false],
    ['__tests__', false],
  ])('directory %s → %s', (name, kept) => {
    expect(keepDirectory(name)).toBe(kept);
  });

  it('names the package a lock key ends with', () => {
    expect(packageNameOf('node_modules/a')).toBe('a');
    expect(packageNameOf('node_modules/a/node_modules/@scope/b')).toBe('@scope/b');
  });
});

describe('the deny list', () => {
  it.each([
    ['.sluice/store.db', true],
    ['workflows/.sluice/x', true],
    ['local.settings.json', true],
    ['workflows/.env', true],
    ['.env.production', true],
    ['test/delivery/package.test.ts', true],
    ['dist/engine/plan/compile.test.js', true],
    ['coverage/cobertura-coverage.xml', true],
    ['dist/engine/plan/compile.js', false],
    ['workflows/orders.yaml', false],
    ['local.settings.example.json', false],
    ['node_modules/dotenv/lib/main.js', false],
  ])('%s → %s', (zipPath, denied) => {
    expect(isDenied(zipPath)).toBe(denied);
  });
});

describe('the runtime package.json', () => {
  it('keeps main, version and dependencies and drops what only development uses', () => {
    const manifest = runtimeManifest({
      name: 'sluice',
      version: '1.2.3',
      main: 'dist/app.js',
      dependencies: { yaml: '^2' },
      devDependencies: { vitest: '^4' },
      ...({ scripts: { test: 'vitest' }, bin: { sluice: 'bin/sluice.js' } } as object),
    });
    expect(manifest).toEqual({ name: 'sluice', version: '1.2.3', private: true, main: 'dist/app.js', dependencies: { yaml: '^2' } });
  });

  it('refuses a package.json without main', () => {
    expect(() => runtimeManifest({ name: 'sluice', version: '1.0.0' })).toThrow(/main/);
  });
});

describe('the production tree from a lockfile', () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'sluice-lock-'));
  afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

  const packages: Record<string, Record<string, unknown>> = {
    '': { dependencies: { app: '1' }, devDependencies: { tool: '1' } },
    'node_modules/app': { dependencies: { shared: '2', helper: '1' }, optionalDependencies: { 'native-darwin': '1' } },
    'node_modules/app/node_modules/shared': {},
    'node_modules/shared': { dev: true },
    'node_modules/helper': { peerDependencies: { peer: '1' } },
    'node_modules/peer': {},
    'node_modules/native-darwin': { optional: true },
    'node_modules/tool': { dev: true, dependencies: { shared: '1' } },
  };
  fs.mkdirSync(path.join(root, 'node_modules'), { recursive: true });
  fs.writeFileSync(path.join(root, 'node_modules', '.package-lock.json'), JSON.stringify({ packages }));
  for (const key of Object.keys(packages)) {
    // native-darwin is for another platform: in the lock, not on disk.
    if (key === '' || key === 'node_modules/native-darwin') continue;
    fs.mkdirSync(path.join(root, key), { recursive: true });
    fs.writeFileSync(path.join(root, key, 'package.json'), '{}');
  }

  it('follows dependencies the way Node resolves them, nested copies first, skipping what is not installed', () => {
    expect(productionPackages(root, ['app'])).toEqual([
      'node_modules/app',
      'node_modules/app/node_modules/shared',
      'node_modules/helper',
      'node_modules/peer',
    ]);
  });

  it('lists the packages npm marks dev-only', () => {
    expect(devOnlyPackages(root)).toEqual(['node_modules/shared', 'node_modules/tool']);
  });

  it('fails clearly when a dependency is not installed', () => {
    expect(() => productionPackages(root, ['missing'])).toThrow(/missing is not installed/);
  });
});

describe('the native addon and the Node it loads in', () => {
  const binary = (...parts: string[]) => Buffer.from(['\x7fELF\0', ...parts, '\0napi_module_register\0'].join(''), 'latin1');

  it.each([
    ['a Node 20 build', binary('node_register_module_v115'), 115],
    ['a Node 22 build', binary('\0node_register_module_v127\0'), 127],
    ['the symbol twice, same ABI', binary('node_register_module_v127\0node_register_module_v127'), 127],
    ['a Node-API addon (no versioned symbol)', binary(), undefined],
  ])('reads the ABI of %s', (_name, bytes, abi) => {
    expect(addonAbi(bytes)).toBe(abi);
  });

  it('refuses a binary naming two ABIs', () => {
    expect(() => addonAbi(binary('node_register_module_v115\0node_register_module_v127'))).toThrow(/several module ABIs/);
  });

  it.each([[20, 115], [22, 127], [24, 137]])('knows Node %i is ABI %i', (major, abi) => {
    expect(abiOfNodeMajor(major)).toBe(abi);
  });

  it('refuses to guess the ABI of an unknown major', () => {
    expect(() => abiOfNodeMajor(21)).toThrow(/no known module ABI for Node 21/);
  });

  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'sluice-addon-'));
  afterAll(() => fs.rmSync(root, { recursive: true, force: true }));
  fs.mkdirSync(path.dirname(path.join(root, NATIVE_ADDON)), { recursive: true });
  fs.writeFileSync(path.join(root, NATIVE_ADDON), binary('node_register_module_v115'));

  it('accepts an addon built for the target Node and names the fix for one that is not', () => {
    expect(() => checkAddonFor(root, 20)).not.toThrow();
    expect(() => checkAddonFor(root, 22)).toThrow(/built for module ABI 115 \(Node 20\), but the zip is for Node 22 \(ABI 127\): run `npm ci` under Node 22/);
  });

  it('says to run npm ci when the addon is not built', () => {
    expect(() => checkAddonFor(path.join(root, 'nowhere'), 22)).toThrow(/is missing: run `npm ci`/);
  });
});
