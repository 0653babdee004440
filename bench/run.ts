/**
 * `npm run bench [-- --quick] [-- --only 1,3]`: runs the benchmarks of issue 7, prints the table and
 * writes bench/results.json (figures, sizes, machine). See bench/README.md for what each figure means.
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { markdownTable } from './figure';
import { SIZES } from './sizes';
import { runSuite } from './suite';

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { quick: { type: 'boolean' }, only: { type: 'string' }, out: { type: 'string' } } });
  const sizes = values.quick ? SIZES.quick : SIZES.full;
  const only = values.only ? new Set(values.only.split(',').map(Number)) : undefined;
  const began = performance.now();
  const loadBefore = loadavg();
  const figures = await runSuite(sizes, only, (line) => process.stderr.write(`${line}\n`));
  const seconds = (performance.now() - began) / 1000;
  const results = {
    generatedAt: new Date().toISOString(),
    sizes: sizes.label,
    source: sourceVersion(),
    seconds: Math.round(seconds),
    machine: { node: process.version, platform: `${process.platform} ${process.arch}`, cpus: cpus().length, cpuModel: cpus()[0]?.model, loadAverageBefore: loadBefore.map((l) => Number(l.toFixed(2))), loadAverageAfter: loadavg().map((l) => Number(l.toFixed(2))) },
    figures,
  };
  writeFileSync(values.out ?? join(__dirname, 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
  process.stdout.write(`${markdownTable(figures)}\n\n${sizes.label} sizes, ${Math.round(seconds)} s, load average ${results.machine.loadAverageBefore.join(' ')} → ${results.machine.loadAverageAfter.join(' ')}\n`);
  for (const f of figures) if (f.limit || f.note) process.stdout.write(`- ${f.name}: ${f.note ?? ''}${f.note && f.limit ? '; ' : ''}${f.limit ?? ''}\n`);
  // Autocannon and Azurite children are stopped; anything left (unref'd timers) must not hold the process.
  process.exit(0);
}

// Which code was measured: the commit, and whether engine files had uncommitted changes.
function sourceVersion(): { commit: string; engineChanges: number } | undefined {
  try {
    const commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
    const changes = execFileSync('git', ['status', '--porcelain', '--', 'engine'], { encoding: 'utf8' }).split('\n').filter(Boolean).length;
    return { commit, engineChanges: changes };
  } catch {
    return undefined;
  }
}

void main();
