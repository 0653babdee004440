/**
 * The runs: a table of one page of run history (server-side paging, so 10,000 runs cost one page), with
 * filters by workflow, status, time range and text, kept in the URL; refreshed while runs change.
 */
import { BASE, getWorkflows, listRuns, type RunFilter, type RunsPage, type RunSummary } from './api';
import { h, replace } from './dom';
import { elapsed, formatDuration, formatTime } from './format';
import { poll } from './poll';

const STATUSES = ['Running', 'Pending', 'Completed', 'Failed', 'DeadLettered', 'Terminated', 'Degraded'];
const PAGE_SIZE = 50;
const REFRESH_MS = 2000;

type Summary = RunSummary & { degraded?: unknown; degradedSteps?: unknown };

/** Whether a listed run had a degraded step, from whichever field the server sends. */
export function isDegraded(run: Summary): boolean {
  const mark = run.degraded ?? run.degradedSteps;
  return Array.isArray(mark) ? mark.length > 0 : typeof mark === 'number' ? mark > 0 : Boolean(mark);
}

function filterFromUrl(): RunFilter {
  const query = new URLSearchParams(location.search);
  const text = query.get('q') ?? undefined;
  return {
    workflow: query.get('workflow') ?? undefined,
    statuses: (query.get('status') ?? '').split(',').filter(Boolean),
    since: query.get('since') ?? undefined,
    until: query.get('until') ?? undefined,
    text: text || undefined,
    limit: PAGE_SIZE,
  };
}

function urlOf(filter: RunFilter): string {
  const query = new URLSearchParams();
  if (filter.workflow) query.set('workflow', filter.workflow);
  if (filter.statuses.length) query.set('status', filter.statuses.join(','));
  if (filter.since) query.set('since', filter.since);
  if (filter.until) query.set('until', filter.until);
  if (filter.text) query.set('q', filter.text);
  const text = query.toString();
  return `${BASE}/${text ? `?${text}` : ''}`;
}

/** What the server did not filter, applied to the page it answered. */
function applyUnapplied(page: RunsPage, filter: RunFilter): Summary[] {
  return (page.runs as Summary[]).filter((run) => {
    if (page.unapplied.has('statuses') && filter.statuses.length) {
      const hit = filter.statuses.some((status) => (status === 'Degraded' ? isDegraded(run) : run.status === status));
      if (!hit) return false;
    }
    if (page.unapplied.has('until') && filter.until && run.createdAt > filter.until) return false;
    if (page.unapplied.has('text') && filter.text) {
      const needle = filter.text.toLowerCase();
      const hay = `${run.id} ${run.workflow} ${run.error?.name ?? ''} ${run.error?.message ?? ''}`.toLowerCase();
      if (!hay.includes(needle)) return false;
    }
    return true;
  });
}

const toLocalInput = (iso?: string) => {
  if (!iso) return '';
  const date = new Date(iso);
  return new Date(date.getTime() - date.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
};
const fromLocalInput = (value: string) => (value ? new Date(value).toISOString() : undefined);

/** Renders the runs view into `main`; returns how to stop refreshing it. */
export function runsView(main: HTMLElement): () => void {
  const filter = filterFromUrl();
  /** Continuation tokens of the pages before the one shown (the first page has none). */
  const tokens: Array<string | undefined> = [undefined];
  let last = '';

  const workflowSelect = h('select', { name: 'workflow', 'aria-label': 'workflow' }, h('option', { value: '' }, 'all workflows'));
  void getWorkflows().then((workflows) => {
    for (const w of workflows) if (w.name && w.valid) workflowSelect.append(h('option', { value: w.name, selected: w.name === filter.workflow }, w.name));
  }).catch(() => undefined);
  const statusBoxes = STATUSES.map((status) =>
    h('label', { class: `chip status-${status.toLowerCase()}` }, h('input', { type: 'checkbox', name: 'status', value: status, checked: filter.statuses.includes(status) }), status),
  );
  const since = h('input', { type: 'datetime-local', name: 'since', value: toLocalInput(filter.since), 'aria-label': 'since' });
  const until = h('input', { type: 'datetime-local', name: 'until', value: toLocalInput(filter.until), 'aria-label': 'until' });
  const search = h('input', { type: 'search', name: 'q', value: filter.text ?? '', placeholder: 'search: error text, or input.customerId=acme-77', 'aria-label': 'search' });
  const form = h('form', { class: 'filters' },
    workflowSelect, h('span', { class: 'statuses' }, ...statusBoxes),
    h('label', {}, 'from ', since), h('label', {}, 'to ', until), search,
    h('button', { type: 'submit' }, 'Apply'),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    filter.workflow = workflowSelect.value || undefined;
    filter.statuses = statusBoxes.map((box) => box.querySelector('input')!).filter((box) => box.checked).map((box) => box.value);
    filter.since = fromLocalInput(since.value);
    filter.until = fromLocalInput(until.value);
    filter.text = search.value.trim() || undefined;
    history.replaceState(null, '', urlOf(filter));
    tokens.length = 1;
    last = '';
    void refresh();
  });

  const rows = h('tbody');
  const note = h('p', { class: 'note' });
  const prev = h('button', { type: 'button', class: 'prev' }, '← Newer');
  const next = h('button', { type: 'button', class: 'next' }, 'Older →');
  const position = h('span', { class: 'position' });
  const live = h('span', { class: 'live', title: 'refreshes every 2 seconds' }, 'live');
  let nextToken: string | undefined;
  prev.addEventListener('click', () => {
    if (tokens.length > 1) tokens.pop();
    last = '';
    void refresh();
  });
  next.addEventListener('click', () => {
    if (!nextToken) return;
    tokens.push(nextToken);
    last = '';
    void refresh();
  });

  replace(main,
    h('h1', {}, 'Runs ', live),
    form,
    note,
    h('table', { class: 'runs' },
      h('thead', {}, h('tr', {}, ...['Run', 'Workflow', 'Status', 'Trigger', 'Started', 'Duration', ''].map((label) => h('th', {}, label)))),
      rows),
    h('div', { class: 'pager' }, prev, position, next),
  );

  const refresh = async () => {
    const page = await listRuns({ ...filter, continuation: tokens.at(-1) });
    const runs = applyUnapplied(page, filter);
    const fingerprint = JSON.stringify([runs, page.continuation]);
    nextToken = page.continuation;
    prev.disabled = tokens.length <= 1;
    next.disabled = !nextToken;
    position.textContent = `page ${tokens.length}`;
    const unapplied = [...page.unapplied];
    note.textContent = unapplied.length ? `This server does not filter by ${unapplied.join(', ')}: those filters apply to each page it returns.` : '';
    if (fingerprint === last) return;
    last = fingerprint;
    replace(rows, ...(runs.length ? runs.map(runRow) : [h('tr', {}, h('td', { colspan: 7, class: 'empty' }, 'No runs match.'))]));
  };
  void refresh().catch((error: Error) => (note.textContent = `Could not list runs: ${error.message}`));
  return poll(async () => {
    await refresh();
    live.classList.toggle('pulse');
  }, REFRESH_MS);
}

function runRow(run: Summary): HTMLElement {
  const trigger = run.trigger.source ? `${run.trigger.kind} · ${run.trigger.source}` : run.trigger.kind;
  const degraded = isDegraded(run);
  return h('tr', { 'data-run': run.id, 'data-status': run.status },
    h('td', {}, h('a', { href: `${BASE}/runs/${encodeURIComponent(run.id)}`, class: 'run-link' }, run.id)),
    h('td', {}, run.workflow),
    h('td', {}, h('span', { class: `badge status-${run.status.toLowerCase()}` }, run.status)),
    h('td', { class: 'trigger' }, trigger),
    h('td', {}, formatTime(run.startedAt ?? run.createdAt)),
    h('td', {}, formatDuration(elapsed(run.startedAt ?? run.createdAt, run.endedAt, run.durationMs))),
    h('td', {}, degraded ? h('span', { class: 'badge status-degraded', title: 'a step fell back (degraded)' }, 'degraded') : ''),
  );
}
