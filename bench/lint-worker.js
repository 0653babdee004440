/**
 * The lint benchmark's child process (plain JavaScript on the compiled engine: no TypeScript loader in
 * the timing). Started cold, it loads the linter, reads every file of a folder and lints them together
 * the way `sluice lint` does, on THREADS threads (cold pass, then a warm pass); then it measures the
 * floors on one thread: the fast reader alone (plain YAML to data, what most files take) and `yaml`'s
 * document (what the full path builds). Prints one JSON line; times in milliseconds.
 * Usage: node bench/lint-worker.js COMPILED_ROOT DIR THREADS ACTIVITY,… [floors]
 */
'use strict';
const { readdirSync, readFileSync } = require('node:fs');
const { join } = require('node:path');

const [root, dir, threadsArg, activitiesArg, floorsArg] = process.argv.slice(2);
// `default`: the thread count `sluice lint` picks on this machine.
const threadsWanted = threadsArg === 'default' ? undefined : Number(threadsArg);
const activities = activitiesArg.split(',');

/** Times `work` (sync or async): CPU of the whole process, wall, and what it returned. */
async function time(work) {
  const cpu = process.cpuUsage();
  const start = performance.now();
  const result = await work();
  const used = process.cpuUsage(cpu);
  return { cpuMs: (used.user + used.system) / 1000, wallMs: performance.now() - start, result };
}

async function main() {
  let parallel;
  // The linter's import cost is reported apart (nothing is compiled at import).
  const load = await time(() => {
    parallel = require(join(root, 'engine/lint/parallel.js'));
  });
  const sources = readdirSync(dir).sort().map((name) => ({ file: name, text: readFileSync(join(dir, name), 'utf8') }));
  const pass = async () => {
    const { result, ...timing } = await time(() => parallel.lintFilesInParallel(sources, { activities }, threadsWanted));
    const errors = result.diagnostics.filter((d) => d.severity === 'error');
    const first = errors[0];
    return { ...timing, filesPerThread: result.filesPerThread, errors: errors.length, warnings: result.diagnostics.length - errors.length, ...(first ? { firstError: `${first.file}:${first.line} ${first.code} ${first.message}` } : {}) };
  };
  const cold = await pass();
  const warm = await pass();
  const bytes = sources.reduce((sum, s) => sum + s.text.length, 0);
  const threads = threadsWanted ?? parallel.defaultLintThreads();
  if (floorsArg !== 'floors') {
    process.stdout.write(`${JSON.stringify({ files: sources.length, bytes, threads, load, cold, warm })}\n`);
    return;
  }
  const { readPlainYaml } = require(join(root, 'engine/definition/fast-read.js'));
  const { defaultLimits } = require(join(root, 'engine/definition/limits.js'));
  const { parseDocument } = require('yaml');
  const floor = async (parse) => {
    parse(sources[0].text);
    const { result: _unused, ...timing } = await time(() => {
      for (const source of sources) parse(source.text);
    });
    return timing;
  };
  const fastReader = await floor((text) => readPlainYaml(text, defaultLimits));
  const yamlDocument = await floor((text) => parseDocument(text));
  process.stdout.write(`${JSON.stringify({ files: sources.length, bytes, threads, load, cold, warm, fastReader, yamlDocument })}\n`);
}

main().catch((error) => {
  process.stderr.write(`${error.stack}\n`);
  process.exit(1);
});
