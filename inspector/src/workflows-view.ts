/** The workflows: each with its triggers, its graph and its last runs; invalid definitions with their diagnostics. */
import { BASE, getWorkflows, listRuns, type WorkflowListing } from './api';
import { h, replace } from './dom';
import { formatDuration, formatTime } from './format';
import { graphOf } from './graph-model';
import { drawGraph } from './graph-view';

/** Renders the workflows view into `main`. */
export function workflowsView(main: HTMLElement): () => void {
  const list = h('div', { class: 'workflows' }, h('p', { class: 'note' }, 'Loading…'));
  replace(main, h('h1', {}, 'Workflows'), list);
  void getWorkflows(true).then(
    (workflows) => {
      const sorted = [...workflows].sort((a, b) => Number(a.valid) - Number(b.valid) || (a.name ?? a.file).localeCompare(b.name ?? b.file));
      replace(list, ...sorted.map(card));
      const wanted = decodeURIComponent(location.hash.slice(1));
      if (wanted) document.getElementById(`workflow-${wanted}`)?.scrollIntoView();
    },
    (error: Error) => replace(list, h('p', { class: 'error' }, `Could not list workflows: ${error.message}`)),
  );
  return () => undefined;
}

function card(workflow: WorkflowListing): HTMLElement {
  const title = workflow.name ?? workflow.file;
  const element = h('article', { class: `workflow ${workflow.valid ? 'valid' : 'invalid'}`, id: `workflow-${title}`, 'data-workflow': title },
    h('h2', {}, title, ' ', workflow.valid ? '' : h('span', { class: 'badge status-failed' }, 'invalid, not served')),
    h('p', { class: 'meta' }, workflow.file, workflow.triggers?.length ? ` · triggers: ${workflow.triggers.join(', ')}` : workflow.valid ? ' · started through the API' : '', workflow.hash ? ` · ${workflow.hash.slice(0, 12)}` : ''),
  );
  if (!workflow.valid) {
    element.append(h('ul', { class: 'diagnostics' }, ...(workflow.diagnostics ?? []).map((d) =>
      h('li', { class: d.severity ?? 'error' }, h('code', {}, `${workflow.file}:${d.line ?? '?'}:${d.column ?? '?'}`), ` ${d.code ?? ''} ${d.message}`, d.hint ? h('span', { class: 'hint' }, ` (${d.hint})`) : ''))));
    return element;
  }
  const body = h('div', { class: 'workflow-body' });
  if (workflow.definition) body.append(h('div', { class: 'graph-scroll small' }, drawGraph(graphOf(workflow.definition)).svg));
  const runs = h('table', { class: 'runs small' }, h('tbody', {}, h('tr', {}, h('td', {}, 'Loading runs…'))));
  body.append(h('div', {}, h('h3', {}, 'Last runs ', h('a', { href: `${BASE}/?workflow=${encodeURIComponent(title)}` }, 'all')), runs));
  element.append(body);
  void listRuns({ workflow: title, statuses: [], limit: 5 }).then((page) => {
    replace(runs, h('tbody', {}, ...(page.runs.length ? page.runs.map((run) => h('tr', {},
      h('td', {}, h('a', { href: `${BASE}/runs/${encodeURIComponent(run.id)}` }, run.id)),
      h('td', {}, h('span', { class: `badge status-${run.status.toLowerCase()}` }, run.status)),
      h('td', {}, formatTime(run.startedAt ?? run.createdAt)),
      h('td', {}, formatDuration(run.durationMs)),
    )) : [h('tr', {}, h('td', { class: 'empty' }, 'No runs yet.'))])));
  }, () => replace(runs, h('tbody', {}, h('tr', {}, h('td', {}, 'Could not list runs.')))));
  return element;
}
