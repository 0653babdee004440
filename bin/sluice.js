#!/usr/bin/env -S node --v8-pool-size=0
// The `sluice` command. In a checkout it runs the TypeScript sources through tsx, so what runs is what
// you edited; in a deployed package (no sources, compiled `dist/`) it runs the compiled CLI.
// `--v8-pool-size=0` sizes V8's background threads (optimising compiler, garbage-collector helpers) to the
// machine, one fewer than its cores, instead of Node's fixed four. On 2 cores, four of them take CPU from
// the main thread while a short command warms up: a cold lint of 1,000 files ran 14-22% faster in bench
// item 5, which starts its lint processes with the options of this line. npm scripts pass it too.
'use strict';
const path = require('node:path');
const fs = require('node:fs');
const root = path.join(__dirname, '..');
const source = path.join(root, 'engine', 'cli', 'main.ts');
let cli;
if (fs.existsSync(source)) {
  require('tsx/cjs');
  cli = require(source);
} else {
  cli = require(path.join(root, 'dist', 'engine', 'cli', 'main.js'));
}
cli.main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    process.stderr.write(`sluice: ${error && error.stack ? error.stack : error}\n`);
    process.exitCode = 1;
  },
);
