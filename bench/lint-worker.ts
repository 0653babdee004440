/**
 * The lint benchmark's child process: started cold, it loads the linter, reads every file of a folder,
 * lints them together twice (cold pass, then warm pass), and parses them with `yaml` alone (the floor
 * any YAML linter here pays); prints one JSON line of CPU and wall times in milliseconds.
 * Usage: node --import tsx bench/lint-worker.ts DIR
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

interface Timing {
  cpuMs: number;
  wallMs: number;
}

function time(work: () => void): Timing {
  const cpu = process.cpuUsage();
  const start = performance.now();
  work();
  const used = process.cpuUsage(cpu);
  return { cpuMs: (used.user + used.system) / 1000, wallMs: performance.now() - start };
}

let lint!: typeof import('../engine/lint/lint');
let corpus!: typeof import('./corpus');
// The linter's import cost (schema compilation included, if any happens at import) is reported apart.
const load = time(() => {
  lint = require('../engine/lint/lint');
  corpus = require('./corpus');
});
const yaml = require('yaml') as typeof import('yaml');

const dir = process.argv[2];
const sources = readdirSync(dir).sort().map((name) => ({ file: name, text: readFileSync(join(dir, name), 'utf8') }));

function pass(): Timing & { errors: number; warnings: number; firstError?: string } {
  let diagnostics: import('../engine/diagnostics/diagnostic').Diagnostic[] = [];
  const timing = time(() => {
    diagnostics = lint.lintFiles(sources, { activities: corpus.CORPUS_ACTIVITIES }).diagnostics;
  });
  const errors = diagnostics.filter((d) => d.severity === 'error');
  const first = errors[0];
  return { ...timing, errors: errors.length, warnings: diagnostics.length - errors.length, ...(first ? { firstError: `${first.file}:${first.line} ${first.code} ${first.message}` } : {}) };
}

const cold = pass();
const warm = pass();
const yamlOnly = time(() => {
  for (const source of sources) yaml.parseDocument(source.text);
});
const bytes = sources.reduce((sum, s) => sum + s.text.length, 0);
process.stdout.write(`${JSON.stringify({ files: sources.length, bytes, load, cold, warm, yamlOnly })}\n`);
