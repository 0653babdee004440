#!/usr/bin/env node
// The `sluice` command. In a checkout it runs the TypeScript sources through tsx, so what runs is what
// you edited; in a deployed package (no sources, compiled `dist/`) it runs the compiled CLI.
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
