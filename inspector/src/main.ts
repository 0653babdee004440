/**
 * The run inspector: a page for run history served by `sluice serve` (and the Azure app). Routes by the
 * URL below the mount: `/` the runs, `/runs/<id>` a run, `/workflows` the workflows.
 */
import './styles.css';
import { BASE } from './api';
import { h, replace } from './dom';
import { runView } from './run-view';
import { runsView } from './runs-view';
import { workflowsView } from './workflows-view';

/** What a view hands back: how to stop its polling when the page moves on. */
export type Stop = () => void;

const app = document.getElementById('app')!;
let stop: Stop | undefined;

/** Goes to a page path (below the mount) without reloading. */
export function navigate(path: string): void {
  history.pushState(null, '', `${BASE}${path}`);
  route();
}

function route(): void {
  stop?.();
  const path = location.pathname.slice(BASE.length) || '/';
  const run = /^\/runs\/([^/]+)\/?$/.exec(path);
  const main = h('main');
  replace(app, header(path), main);
  if (run) stop = runView(main, decodeURIComponent(run[1]!));
  else if (path.replace(/\/$/, '') === '/workflows') stop = workflowsView(main);
  else stop = runsView(main);
}

function header(path: string): HTMLElement {
  const item = (label: string, target: string, active: boolean) => h('a', { href: `${BASE}${target}`, class: active ? 'active' : undefined, 'data-nav': target }, label);
  return h('header', { class: 'top' },
    h('span', { class: 'brand' }, 'Sluice'),
    h('nav', {}, item('Runs', '/', !path.startsWith('/workflows')), item('Workflows', '/workflows', path.startsWith('/workflows'))),
  );
}

// Links inside the page move without a reload; modified clicks (new tab) keep the browser's behaviour.
document.addEventListener('click', (event) => {
  const link = (event.target as Element).closest?.('a');
  if (!link || event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey) return;
  const url = new URL(link.href, location.href);
  if (url.origin !== location.origin || !url.pathname.startsWith(BASE) || link.target) return;
  event.preventDefault();
  history.pushState(null, '', url.pathname + url.search);
  route();
});
window.addEventListener('popstate', route);
route();
