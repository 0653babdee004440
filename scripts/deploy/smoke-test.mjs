#!/usr/bin/env node
/**
 * The smoke test the pipeline runs after each deployment (docs/deploy.md, "Smoke test and the way back"):
 * `GET <url>/api/workflows` with the app's function key answers 200, and every workflow of the deployed
 * package is registered and valid. Plain JavaScript with no dependencies: the deployment job has the agent's
 * Node and a checkout, not `node_modules`.
 *
 *   SLUICE_FUNCTION_KEY=… node scripts/deploy/smoke-test.mjs --url https://<app>.azurewebsites.net \
 *     --bundle workflows.bundle.json [--timeout 300]
 *
 * `--bundle` is the zip's `dist/workflows.bundle.json` (the linted definitions the package was built from).
 * The key comes from the environment, never the command line (which the agent logs). A fresh deployment
 * restarts the host and syncs its triggers, so until `--timeout` seconds have passed, an unreachable app,
 * a 5xx, a 404 or a 401 is tried again; an answer that lists the wrong workflows is not.
 * Exit 0 when healthy, 1 when not, 2 on usage errors.
 */
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

const usage = 'usage: SLUICE_FUNCTION_KEY=… node scripts/deploy/smoke-test.mjs --url URL --bundle FILE [--timeout SECONDS]';
const RETRY_MS = 5_000;
const REQUEST_TIMEOUT_MS = 30_000;

/** The workflow names the package carries, from its bundle. */
function expectedWorkflows(bundleFile) {
  const bundle = JSON.parse(readFileSync(bundleFile, 'utf8'));
  if (bundle.version !== 1 || !Array.isArray(bundle.workflows)) throw new Error(`${bundleFile} is not a workflow bundle (version 1)`);
  return bundle.workflows.map((workflow) => workflow.definition.name).sort();
}

/** What is wrong with a 200 answer of GET /api/workflows, or an empty list. */
export function listingProblems(body, expected) {
  if (!body || !Array.isArray(body.workflows)) return ['the answer has no `workflows` list'];
  const problems = [];
  const served = new Set(body.workflows.filter((workflow) => workflow.valid).map((workflow) => workflow.name));
  for (const name of expected) if (!served.has(name)) problems.push(`workflow \`${name}\` is not registered`);
  for (const workflow of body.workflows) {
    if (!workflow.valid) problems.push(`workflow \`${workflow.name ?? workflow.file}\` (${workflow.file}) is deployed but invalid`);
    else if (!expected.includes(workflow.name)) problems.push(`workflow \`${workflow.name}\` is registered but not in the package`);
  }
  return problems;
}

/** One request: the status, and the parsed body when it is JSON. */
async function getWorkflows(url, key) {
  const response = await fetch(new URL('/api/workflows', url), {
    headers: { 'x-functions-key': key, accept: 'application/json' },
    signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
  });
  const text = await response.text();
  let body;
  try {
    body = JSON.parse(text);
  } catch {
    body = undefined;
  }
  return { status: response.status, body, text };
}

/** Tries until the app answers with a listing or the deadline passes; returns the exit code. */
async function smokeTest({ url, key, expected, timeoutSeconds, log }) {
  const deadline = Date.now() + timeoutSeconds * 1000;
  const started = Date.now();
  for (let attempt = 1; ; attempt++) {
    let outcome;
    try {
      const answer = await getWorkflows(url, key);
      if (answer.status === 200) {
        const problems = listingProblems(answer.body, expected);
        const seconds = ((Date.now() - started) / 1000).toFixed(1);
        if (problems.length === 0) {
          log(`smoke test passed: ${url}/api/workflows lists all ${expected.length} workflows (${expected.join(', ')}), after ${attempt} ${attempt === 1 ? 'try' : 'tries'} in ${seconds} s`);
          return 0;
        }
        log(`smoke test failed: ${url}/api/workflows answered, but:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
        return 1;
      }
      outcome = `HTTP ${answer.status}${answer.text ? `: ${answer.text.slice(0, 200)}` : ''}`;
    } catch (error) {
      outcome = error instanceof Error ? `${error.name}: ${error.cause?.code ?? error.message}` : String(error);
    }
    if (Date.now() + RETRY_MS > deadline) {
      log(`smoke test failed: ${url}/api/workflows did not answer 200 within ${timeoutSeconds} s (${attempt} tries; last: ${outcome})`);
      return 1;
    }
    log(`try ${attempt}: ${outcome}; again in ${RETRY_MS / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, RETRY_MS));
  }
}

/** Reads the arguments and the key; throws a usage message when something is missing. */
function options(argv, env) {
  const { values } = parseArgs({ args: argv, options: { url: { type: 'string' }, bundle: { type: 'string' }, timeout: { type: 'string' } } });
  if (!values.url || !values.bundle) throw new Error(usage);
  if (!env.SLUICE_FUNCTION_KEY) throw new Error(`SLUICE_FUNCTION_KEY is not set (the app's function key, e.g. \`az functionapp keys list\`); ${usage}`);
  const timeoutSeconds = values.timeout === undefined ? 300 : Number(values.timeout);
  if (!Number.isFinite(timeoutSeconds) || timeoutSeconds < 0) throw new Error(`--timeout is a number of seconds; ${usage}`);
  return { url: values.url.replace(/\/+$/, ''), key: env.SLUICE_FUNCTION_KEY, expected: expectedWorkflows(values.bundle), timeoutSeconds };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  let parsed;
  try {
    parsed = options(process.argv.slice(2), process.env);
  } catch (error) {
    console.error(`smoke test: ${error.message}`);
    process.exit(2);
  }
  process.exitCode = await smokeTest({ ...parsed, log: (line) => console.log(line) });
}
