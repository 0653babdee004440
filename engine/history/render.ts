/**
 * Plain-text views of run history for the CLI: a table of runs and one run's step timeline.
 * Pure functions of the records, so the same output appears wherever they are printed.
 */
import { formatDuration, formatTime } from './format';
import type { Run, RunSummary, Step } from './model';


function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i]!))).join('  ');
  return [line(header), ...rows.map(line)].join('\n');
}

function triggerText(run: RunSummary): string {
  return run.trigger.source ? `${run.trigger.kind}:${run.trigger.source}` : run.trigger.kind;
}

/** The runs as a table: id, workflow, status, started, duration, trigger. */
export function renderRunsTable(runs: readonly RunSummary[]): string {
  if (runs.length === 0) return 'No runs recorded.';
  return table(
    ['ID', 'WORKFLOW', 'STATUS', 'STARTED', 'DURATION', 'TRIGGER'],
    runs.map((run) => [run.id, run.workflow, run.degraded ? `${run.status} (degraded)` : run.status, formatTime(run.startedAt ?? run.createdAt), formatDuration(run.durationMs), triggerText(run)]),
  );
}

function offset(from: string | null | undefined, at: string | null | undefined): string {
  if (!from || !at) return '      ';
  return `+${formatDuration(Date.parse(at) - Date.parse(from))}`;
}

function oneLine(value: unknown, max = 160): string {
  const text = JSON.stringify(value) ?? 'undefined';
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

const statusMark: Record<Step['status'], string> = {
  Pending: '·', Running: '…', Completed: '✓', Failed: '✗', Skipped: '-', Degraded: '!',
};

function stepLines(step: Step, origin: string | null | undefined, pathWidth: number): string[] {
  const attempts = step.attempts.length;
  const head = [
    statusMark[step.status],
    offset(origin, step.startedAt).padEnd(8),
    step.path.padEnd(pathWidth),
    step.kind.padEnd(9),
    (step.caught ? 'Caught' : step.status).padEnd(9),
    formatDuration(step.durationMs).padStart(7),
    attempts > 0 ? `${attempts} attempt${attempts === 1 ? '' : 's'}` : '',
  ].join(' ').trimEnd();
  const lines = [`  ${head}`];
  const indent = ' '.repeat(13);
  if (attempts > 1 || step.attempts.some((a) => a.error)) {
    for (const a of step.attempts) {
      const outcome = a.error ? `${a.error.name}${a.error.status ? ` (${a.error.status})` : ''}: ${a.error.message}` : a.endedAt ? 'ok' : 'running';
      lines.push(`${indent}#${a.attempt} ${offset(origin, a.startedAt)} ${formatDuration(a.durationMs)}  ${outcome}`);
    }
  }
  if (step.degraded) lines.push(`${indent}degraded: ${step.degraded.reason}`);
  if (step.caught) lines.push(`${indent}caught: a catch clause handled the failure; the run went on`);
  if (step.status === 'Failed' && step.error && attempts === 0) lines.push(`${indent}error: ${step.error.name}: ${step.error.message}`);
  if (step.outputSummary) lines.push(`${indent}output: ${step.outputSummary.bytes} bytes, starts ${oneLine(step.outputSummary.preview, 80)}`);
  return lines;
}

/** Options of the run view; `graph` is the workflow's Mermaid graph with each step's status. */
export interface TimelineOptions {
  graph?: string | ((run: Run) => string | undefined);
}

/** One run: header, error and dead letter, lineage, then its steps in start order with attempts. */
export function renderRunTimeline(run: Run, options: TimelineOptions = {}): string {
  const out: string[] = [`Run ${run.id}  ${run.workflow}  ${run.status}`];
  out.push(`  trigger    ${triggerText(run)}`);
  out.push(`  plan       ${run.definitionHash}${run.version !== undefined && run.version !== null ? `  (version ${run.version})` : ''}`);
  out.push(`  started    ${formatTime(run.startedAt ?? run.createdAt)}   ended ${formatTime(run.endedAt)}   duration ${formatDuration(run.durationMs)}`);
  if (run.input !== undefined) out.push(`  input      ${oneLine(run.input)}`);
  if (run.inputSummary) out.push(`  input      ${run.inputSummary.bytes} bytes (too large to keep whole)`);
  if (run.output !== undefined) out.push(`  output     ${oneLine(run.output)}`);
  if (run.error) out.push(`  error      ${run.error.name}${run.error.step ? ` at ${run.error.step}` : ''}: ${run.error.message}`);
  if (run.deadLetter) out.push(`  dead letter  queue ${run.deadLetter.queue}${run.deadLetter.messageId ? ` (message ${run.deadLetter.messageId})` : ''}`);
  const { parentRunId, childRunIds, redriveOf, redrivenAs, originalRunId, runAttempt } = run.lineage;
  if (parentRunId) out.push(`  parent     ${parentRunId}`);
  if (childRunIds.length) out.push(`  children   ${childRunIds.join(', ')}`);
  if (redriveOf) out.push(`  redrive of ${redriveOf}${originalRunId && runAttempt ? ` (try ${runAttempt} of run ${originalRunId})` : ''}`);
  if (redrivenAs) out.push(`  redriven as ${redrivenAs}`);
  if (run.current) {
    const { step, completed, total, waiting } = run.current;
    out.push(`  now        ${step ? `at step ${step}` : 'finishing'} (${completed} of ${total} top-level steps done)`);
    for (const wait of waiting) {
      const what = wait.kind === 'waitForEvent' ? `waiting for event \`${wait.event}\`` : 'waiting';
      out.push(`             ${wait.path}: ${what}${wait.until ? ` ${wait.kind === 'wait' ? 'until' : 'gives up at'} ${formatTime(wait.until)}` : ''}`);
    }
  }
  out.push('', 'Steps');
  if (run.steps.length === 0) out.push('  (none recorded)');
  const width = Math.max(4, ...run.steps.map((s) => s.path.length));
  const origin = run.startedAt ?? run.createdAt;
  for (const step of run.steps) out.push(...stepLines(step, origin, width));
  const graph = typeof options.graph === 'function' ? options.graph(run) : options.graph;
  if (graph) out.push('', 'Graph', graph.trimEnd());
  return out.join('\n');
}
