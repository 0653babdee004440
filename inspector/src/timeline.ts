/**
 * The timeline (Gantt) of a run's steps: one row per step record with a bar per attempt, on the run's
 * time scale. Rows are drawn only where the list is scrolled to, so a forEach of 1,000 items costs the
 * rows on screen, not 1,000.
 */
import { h, replace } from './dom';
import { elapsed, formatDuration } from './format';
import type { ShownStatus, StepRecord } from './status';

const ROW = 26;
const VISIBLE_ROWS = 18;

/** A timeline that can be given new steps (live updates) without losing its scroll position. */
export interface Timeline {
  element: HTMLElement;
  update(steps: StepRecord[], shown: ReadonlyMap<string, ShownStatus>, origin: string | undefined, end: string | undefined): void;
  select(path: string | undefined): void;
}

/** Creates the timeline; `onSelect` gets the path of a clicked row. */
export function createTimeline(onSelect: (path: string) => void): Timeline {
  const viewport = h('div', { class: 'timeline-rows', role: 'list' });
  const spacer = h('div', { class: 'timeline-spacer' });
  const window_ = h('div', { class: 'timeline-window' });
  spacer.append(window_);
  viewport.append(spacer);
  const scale = h('div', { class: 'timeline-scale' });
  const element = h('section', { class: 'timeline' }, h('h2', {}, 'Timeline'), scale, viewport);
  let steps: StepRecord[] = [];
  let shown: ReadonlyMap<string, ShownStatus> = new Map();
  let t0 = 0;
  let span = 1;
  let selected: string | undefined;

  const draw = () => {
    const first = Math.max(0, Math.floor(viewport.scrollTop / ROW) - 4);
    const count = VISIBLE_ROWS + 8;
    const rows = steps.slice(first, first + count).map((step) => row(step));
    window_.style.transform = `translateY(${first * ROW}px)`;
    replace(window_, ...rows);
  };

  const row = (step: StepRecord): HTMLElement => {
    const status = shown.get(step.path) ?? 'pending';
    const bars = h('div', { class: 'bars' });
    const attempts = step.attempts.length ? step.attempts : [{ attempt: 1, startedAt: step.startedAt, endedAt: step.endedAt, durationMs: step.durationMs, error: step.error }];
    for (const attempt of attempts) {
      if (!attempt.startedAt) continue;
      const start = Date.parse(attempt.startedAt) - t0;
      const length = elapsed(attempt.startedAt, attempt.endedAt, attempt.durationMs) ?? 0;
      const failed = Boolean(attempt.error);
      bars.append(h('span', {
        class: `bar ${failed ? 'bar-failed' : `status-${status}`}`,
        title: `attempt ${attempt.attempt}: ${formatDuration(length)}${failed ? ` · ${attempt.error!.name}` : ''}`,
        style: `left:${((start / span) * 100).toFixed(3)}%;width:${Math.max(0.4, (length / span) * 100).toFixed(3)}%`,
      }));
    }
    const depth = step.path.split('.').length - 1;
    return h('div', { class: `timeline-row${step.path === selected ? ' selected' : ''}`, role: 'listitem', 'data-path': step.path, 'data-status': status, onclick: () => onSelect(step.path) },
      h('span', { class: 'path', style: `padding-left:${depth * 12}px`, title: step.path }, step.path),
      h('span', { class: `badge status-${status}` }, status),
      h('span', { class: 'attempts' }, step.attempts.length > 1 ? `${step.attempts.length} attempts` : ''),
      h('span', { class: 'duration' }, formatDuration(elapsed(step.startedAt, step.endedAt, step.durationMs))),
      bars,
    );
  };
  viewport.addEventListener('scroll', () => requestAnimationFrame(draw));

  return {
    element,
    update(next, nextShown, origin, end) {
      steps = next;
      shown = nextShown;
      const starts = steps.map((step) => Date.parse(step.startedAt ?? '')).filter((t) => !Number.isNaN(t));
      t0 = origin ? Date.parse(origin) : Math.min(...starts, Date.now());
      const finish = end ? Date.parse(end) : Date.now();
      span = Math.max(1, finish - t0);
      spacer.style.height = `${steps.length * ROW}px`;
      viewport.style.height = `${Math.min(steps.length, VISIBLE_ROWS) * ROW + 2}px`;
      scale.textContent = steps.length ? `${steps.length} step record${steps.length === 1 ? '' : 's'} · 0 → ${formatDuration(span)}` : 'No steps recorded yet.';
      draw();
    },
    select(path) {
      selected = path;
      const index = steps.findIndex((step) => step.path === path);
      if (index >= 0 && (index * ROW < viewport.scrollTop || (index + 1) * ROW > viewport.scrollTop + viewport.clientHeight)) viewport.scrollTop = index * ROW;
      draw();
    },
  };
}
