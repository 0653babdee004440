/** One step of a run in full: status, times, degraded reason, input, output, error and every attempt. */
import { h, jsonBlock } from './dom';
import { elapsed, formatDuration, formatTime } from './format';
import type { ShownStatus, StepRecord } from './status';

const KNOWN = new Set(['path', 'kind', 'status', 'startedAt', 'endedAt', 'durationMs', 'input', 'output', 'outputSummary', 'error', 'degraded', 'attempts', 'seq', 'caught']);

/** The detail panel of `step`; `siblings` are the other records of the same graph node (forEach items). */
export function stepDetail(step: StepRecord, status: ShownStatus, siblings: StepRecord[], onSelect: (path: string) => void): HTMLElement {
  const rows: Array<[string, Node | string]> = [
    ['kind', step.kind],
    ['status', h('span', { class: `badge status-${status}` }, status)],
    ['started', formatTime(step.startedAt)],
    ['ended', formatTime(step.endedAt)],
    ['duration', formatDuration(elapsed(step.startedAt, step.endedAt, step.durationMs))],
  ];
  if (typeof step.seq === 'number') rows.push(['sequence', String(step.seq)]);
  if (status === 'caught') rows.push(['caught', 'yes: a catch clause handled the error and the run went on']);
  if (step.degraded) rows.push(['degraded', step.degraded.reason]);
  // Fields newer servers add (the event a step waits for, when it gives up) are shown as they come.
  for (const [name, value] of Object.entries(step)) {
    if (!KNOWN.has(name) && value !== undefined && value !== null) rows.push([name, typeof value === 'object' ? JSON.stringify(value) : String(value)]);
  }
  const panel = h('section', { class: 'step-detail', 'data-path': step.path },
    h('h2', {}, 'Step ', h('code', {}, step.path)),
    h('dl', {}, ...rows.flatMap(([name, value]) => [h('dt', {}, name), h('dd', {}, value)])),
  );
  if (siblings.length > 1) {
    const pick = h('select', { 'aria-label': 'item', onchange: (event) => onSelect((event.target as HTMLSelectElement).value) },
      ...siblings.slice(0, 1000).map((other) => h('option', { value: other.path, selected: other.path === step.path }, `${other.path} · ${other.status}`)));
    panel.append(h('p', { class: 'siblings' }, `${siblings.length} records of this step: `, pick));
  }
  if (step.error) panel.append(h('h3', {}, 'Error'), h('p', { class: 'error' }, `${step.error.name}: ${step.error.message}`));
  if ('input' in step) panel.append(h('h3', {}, 'Input'), jsonBlock(step.input));
  if (step.outputSummary) panel.append(h('h3', {}, 'Output'), h('p', { class: 'note' }, `${step.outputSummary.bytes} bytes, too large to keep whole; it starts:`), h('pre', { class: 'json' }, step.outputSummary.preview));
  else if ('output' in step) panel.append(h('h3', {}, 'Output'), jsonBlock(step.output));
  if (step.attempts.length) {
    panel.append(h('h3', {}, 'Attempts'), h('table', { class: 'attempts' },
      h('thead', {}, h('tr', {}, ...['#', 'started', 'duration', 'outcome'].map((label) => h('th', {}, label)))),
      h('tbody', {}, ...step.attempts.map((attempt) => h('tr', {},
        h('td', {}, String(attempt.attempt)),
        h('td', {}, formatTime(attempt.startedAt)),
        h('td', {}, formatDuration(elapsed(attempt.startedAt, attempt.endedAt, attempt.durationMs))),
        h('td', { class: attempt.error ? 'error' : undefined }, attempt.error ? `${attempt.error.name}${attempt.error.status ? ` (${attempt.error.status})` : ''}: ${attempt.error.message}` : attempt.endedAt ? 'ok' : 'running'),
      )))));
  }
  return panel;
}
