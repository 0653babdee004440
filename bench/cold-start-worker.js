/**
 * The cold-start benchmark's child process (plain JavaScript: no TypeScript loader in the timing).
 * Usage: node bench/cold-start-worker.js (sluice APP_JS | bare) [count]
 * Times loading `@azure/functions` plus the app module, with the Functions registrars replaced by
 * recorders so nothing needs the host; with `count`, instead counts ajv schema compilations at import.
 */
'use strict';
const path = require('node:path');

const [mode, appFile, extra] = process.argv.slice(2);
const counting = (mode === 'bare' ? appFile : extra) === 'count';
let compiles = 0;
if (counting) {
  // Every ajv flavour (draft-07, 2019, 2020) inherits from ajv's core class, and every way to get a
  // validator (compile, getSchema, validate, meta-schema checks) compiles through _compileSchemaEnv.
  const Core = require('ajv/dist/core').default;
  const compileEnv = Core.prototype._compileSchemaEnv;
  Core.prototype._compileSchemaEnv = function counted(...args) {
    compiles++;
    return compileEnv.apply(this, args);
  };
}

const began = performance.now();
const functions = require('@azure/functions');
let registered = 0;
for (const name of ['generic', 'http', 'get', 'post', 'put', 'patch', 'deleteRequest', 'storageQueue', 'timer']) {
  functions.app[name] = () => {
    registered++;
  };
}
if (mode === 'bare') {
  // The baseline: the smallest real Durable app, one orchestration, one activity, one HTTP starter.
  const df = require('durable-functions');
  df.app.activity('hello', { handler: (name) => `Hello ${name}` });
  df.app.orchestration('hello', function* (context) {
    return yield context.df.callActivity('hello', context.df.getInput());
  });
  df.app.client.http('start', {
    route: 'start',
    handler: async (request, client) => client.createCheckStatusResponse(request, await client.startNew('hello', { input: 'x' })),
  });
} else {
  require(path.resolve(appFile));
}
const importMs = performance.now() - began;
process.stdout.write(`${JSON.stringify({ mode, importMs, registered, ...(counting ? { compiles } : {}) })}\n`);
