#!/usr/bin/env node
// The `sluice` command. Runs the compiled CLI from dist/ (built by `npm ci` through the
// `prepare` script); falls back to the TypeScript sources through tsx in a development checkout.
'use strict';
const path = require('node:path');
const fs = require('node:fs');
const compiled = path.join(__dirname, '..', 'dist', 'engine', 'cli', 'main.js');
if (fs.existsSync(compiled)) {
  require(compiled).main(process.argv.slice(2)).then((code) => { process.exitCode = code; });
} else {
  require('tsx/cjs');
  require(path.join(__dirname, '..', 'engine', 'cli', 'main.ts')).main(process.argv.slice(2)).then((code) => { process.exitCode = code; });
}
