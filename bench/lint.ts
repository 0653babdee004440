/**
 * Item 5, lint: 1,000 generated workflows (bench/corpus.ts) written to a temp folder and linted in one
 * cold child process (bench/lint-worker.ts). Files per second on the first (cold) pass; the warm pass
 * and a bare `yaml` parse of the same files show where the floor is.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { workflowText } from './corpus';
import { figure, type Figure } from './figure';
import { rounded } from './measure';
import type { Sizes } from './sizes';

interface Timing {
  cpuMs: number;
  wallMs: number;
}

/** What the worker prints. */
export interface LintReport {
  files: number;
  bytes: number;
  load: Timing;
  cold: Timing & { errors: number; warnings: number; firstError?: string };
  warm: Timing & { errors: number; warnings: number };
  yamlOnly: Timing;
}

/** Writes `files` generated workflows to a temp folder, lints them in a cold child process and returns its report. */
export function lintInChild(files: number): LintReport {
  const dir = mkdtempSync(join(tmpdir(), 'sluice-lint-'));
  try {
    for (let i = 0; i < files; i++) writeFileSync(join(dir, `generated-${String(i).padStart(4, '0')}.yaml`), workflowText(i));
    const out = execFileSync(process.execPath, ['--import', 'tsx', join(__dirname, 'lint-worker.ts'), dir], { encoding: 'utf8', maxBuffer: 1 << 20 });
    return JSON.parse(out.trim().split('\n').pop()!) as LintReport;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Measures item 5. Files/s use CPU time (on a loaded shared machine wall time mostly measures the neighbours). */
export function measureLint(sizes: Sizes['lint']): Figure[] {
  const report = lintInChild(sizes.files);
  if (report.cold.errors > 0) throw new Error(`the generated corpus has lint errors: ${report.cold.firstError}`);
  const perSecond = (t: Timing) => report.files / (t.cpuMs / 1000);
  return [
    figure(5, `lint ${report.files} generated workflows, cold process`, perSecond(report.cold), 'files/s', {
      goal: { op: '>=', target: 2600 },
      detail: {
        files: report.files,
        averageBytes: Math.round(report.bytes / report.files),
        coldCpuMs: rounded(report.cold.cpuMs),
        coldWallMs: rounded(report.cold.wallMs),
        warmFilesPerSecond: rounded(perSecond(report.warm)),
        yamlParseOnlyFilesPerSecond: rounded(perSecond(report.yamlOnly)),
        linterImportMs: rounded(report.load.wallMs),
      },
      limit: `YAML parsing alone runs at ${rounded(perSecond(report.yamlOnly))} files/s on these files (${Math.round(report.bytes / report.files)} bytes each): the parser (yaml's CST + document) bounds the linter`,
    }),
  ];
}
