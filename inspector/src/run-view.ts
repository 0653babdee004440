/**
 * A run: its header, lineage and dead letter, actions, its graph coloured by step status (drawn from the
 * run's own definition when the server keeps definitions by hash, else the workflow's current one, said so
 * on the page), the timeline of its steps and attempts, and the selected step in full. Refreshed while live.
 */
import type { Run } from '../../engine/history/run.generated';
import type { Step, WorkflowDefinition } from '../../engine/definition/workflow.generated';
import { kindOf } from '../../engine/definition/walk';
import { actionsPanel } from './actions';
import { BASE, getDeadLetters, getDefinition, getDurableStatus, getRun, getWorkflows } from './api';
import { h, jsonBlock, replace } from './dom';
import { elapsed, formatDuration, formatTime } from './format';
import { graphOf } from './graph-model';
import { drawGraph, type DrawnGraph } from './graph-view';
import { poll } from './poll';
import { combined, FINAL_RUN, orderedSteps, shownStatuses, stepIdOf, type ShownStatus, type StepRecord } from './status';
import { stepDetail } from './step-detail';
import { createTimeline } from './timeline';

const REFRESH_MS = 1500;

/** Renders run `id` into `main`; returns how to stop refreshing it. */
export function runView(main: HTMLElement, id: string): () => void {
  let run: Run | undefined;
  let durableStatus: string | undefined;
  let selected: string | undefined;
  let graph: DrawnGraph | undefined;
  let definitionSteps = new Map<string, Step>();
  let letterCache: Promise<unknown> | undefined;

  const head = h('section', { class: 'run-head' });
  const facts = h('section', { class: 'facts' });
  const graphPane = h('div', { class: 'graph-pane' }, h('p', { class: 'note' }, 'Drawing the graph…'));
  const detailPane = h('div', { class: 'detail-pane' }, h('p', { class: 'note' }, 'Click a step in the graph or the timeline to see it here.'));
  const select = (path: string) => {
    selected = path;
    paint();
  };
  const timeline = createTimeline(select);
  const values = h('section', { class: 'values' });
  const deadLetterLetter = () => {
    const current = run!;
    letterCache ??= (async () => {
      const queue = current.deadLetter?.queue;
      const found = queue ? (await getDeadLetters(queue))?.find((message) => message.letter?.runId === current.id)?.letter : undefined;
      // A failed run without a letter in the queue: the redrive endpoint takes the run's own record as one.
      return found ?? { runId: current.id, workflow: current.workflow, definitionHash: current.definitionHash, input: current.input, trigger: current.trigger,
        failedStep: current.error?.step ?? '', error: { name: current.error?.name ?? 'Error', message: current.error?.message ?? '' }, attempts: 1, failedAt: current.endedAt ?? new Date().toISOString() };
    })();
    return letterCache;
  };
  const actions = actionsPanel(() => run!, () => void refresh(), deadLetterLetter);
  replace(main, head, facts, actions.element, h('div', { class: 'run-body' }, graphPane, detailPane), timeline.element, values);

  const drawDefinition = async (current: Run) => {
    const own = await getDefinition(current.definitionHash).catch(() => undefined);
    let definition = own as WorkflowDefinition | undefined;
    let note: HTMLElement | undefined;
    if (!definition) {
      const listing = (await getWorkflows()).find((w) => w.name === current.workflow);
      definition = listing?.definition;
      const same = listing?.hash && listing.hash === current.definitionHash;
      note = h('p', { class: 'note drawn-from' }, same
        ? 'Drawn from the current definition (the same hash as this run\'s).'
        : `Drawn from the current definition: this run ran ${current.definitionHash || 'an unrecorded definition'}, which this server does not keep; steps may differ.`);
    }
    if (!definition) {
      replace(graphPane, h('p', { class: 'note' }, `No definition of workflow "${current.workflow}" to draw.`));
      return;
    }
    definitionSteps = indexSteps(definition.steps ?? []);
    graph = drawGraph(graphOf(definition), (step) => {
      const records = orderedSteps(run!).filter((record) => stepIdOf(record.path) === step);
      const first = records.find((record) => record.status === 'Failed' || record.status === 'Running') ?? records[0];
      if (first) select(first.path);
      else {
        selected = undefined;
        replace(detailPane, h('section', { class: 'step-detail' }, h('h2', {}, 'Step ', h('code', {}, step)), h('p', { class: 'note' }, 'This step has not run in this run.')));
        graph?.select(step);
      }
    });
    replace(graphPane, h('h2', {}, 'Graph'), ...(note ? [note] : []), h('div', { class: 'graph-scroll' }, graph.svg), legend());
    paint();
    // Again now that step kinds are known (the step a live run is on is named by id only).
    if (!FINAL_RUN.has(current.status)) await refresh();
  };

  const paint = () => {
    if (!run) return;
    const shown = shownStatuses(run);
    const steps = orderedSteps(run);
    if (graph) {
      const byNode = new Map<string, ShownStatus[]>();
      for (const step of steps) byNode.set(stepIdOf(step.path), [...(byNode.get(stepIdOf(step.path)) ?? []), shown.get(step.path)!]);
      const painted = new Map<string, { status: ShownStatus; note?: string }>();
      for (const [node, statuses] of byNode) {
        const status = combined(statuses)!;
        const done = statuses.filter((s) => s === 'completed' || s === 'degraded' || s === 'caught').length;
        painted.set(node, { status, ...(statuses.length > 1 ? { note: `${done}/${statuses.length}` } : {}) });
      }
      graph.paint(painted);
      graph.select(selected ? stepIdOf(selected) : undefined);
    }
    timeline.update(steps, shown, run.startedAt ?? run.createdAt, run.endedAt ?? undefined);
    timeline.select(selected);
    const step = steps.find((record) => record.path === selected);
    if (step) {
      const siblings = steps.filter((record) => stepIdOf(record.path) === stepIdOf(step.path));
      replace(detailPane, stepDetail(step, shown.get(step.path)!, siblings, select));
    }
    const waiting = steps.find((record) => record.status === 'Running' && record.kind === 'waitForEvent');
    const eventName = (waiting?.event as string | undefined) ?? (waiting ? definitionSteps.get(stepIdOf(waiting.path))?.waitForEvent?.name : undefined);
    actions.update(eventName);
  };

  const renderHead = (current: Run) => {
    const status = durableStatus === 'Suspended' ? 'Suspended' : current.status;
    replace(head,
      h('h1', {}, h('span', { class: 'run-id' }, current.id), ' ', h('span', { class: `badge status-${status.toLowerCase()}`, 'data-run-status': status }, status)),
      h('p', { class: 'meta' },
        'workflow ', h('a', { href: `${BASE}/workflows#${encodeURIComponent(current.workflow)}` }, current.workflow),
        ` · trigger ${current.trigger.kind}${current.trigger.source ? ` (${current.trigger.source})` : ''}`,
        ` · started ${formatTime(current.startedAt ?? current.createdAt)} · ended ${formatTime(current.endedAt)}`,
        ` · ${formatDuration(elapsed(current.startedAt ?? current.createdAt, current.endedAt, current.durationMs))}`,
        ` · plan ${current.definitionHash ? current.definitionHash.slice(0, 12) : '—'}${current.version !== undefined && current.version !== null ? ` (version ${current.version})` : ''}`,
        FINAL_RUN.has(current.status) ? '' : h('span', { class: 'live' }, ' live')),
    );
    const items: HTMLElement[] = [];
    if (current.error) items.push(h('div', { class: 'error run-error' }, h('strong', {}, 'Error '), `${current.error.name}${current.error.step ? ` at ${current.error.step}` : ''}: ${current.error.message}`));
    const link = (runId: string) => h('a', { href: `${BASE}/runs/${encodeURIComponent(runId)}` }, runId);
    const { parentRunId, childRunIds, redriveOf, redrivenAs, originalRunId, runAttempt } = current.lineage;
    const lineage: Array<[string, Node[]]> = [];
    if (parentRunId) lineage.push(['parent', [link(parentRunId)]]);
    if (childRunIds.length) lineage.push(['children', childRunIds.slice(0, 200).flatMap((child, i) => (i ? [document.createTextNode(', '), link(child)] : [link(child)]))]);
    if (redriveOf) lineage.push(['redrive of', [link(redriveOf), document.createTextNode(originalRunId && runAttempt ? ` (try ${runAttempt} of ${originalRunId})` : '')]]);
    if (redrivenAs) lineage.push(['redriven as', [link(redrivenAs)]]);
    if (lineage.length) items.push(h('dl', { class: 'lineage' }, ...lineage.flatMap(([name, nodes]) => [h('dt', {}, name), h('dd', {}, ...nodes)])));
    if (current.deadLetter) {
      const box = h('div', { class: 'dead-letter' }, h('strong', {}, 'Dead letter '), `sent to queue ${current.deadLetter.queue}${current.deadLetter.messageId ? ` (message ${current.deadLetter.messageId})` : ''}`);
      items.push(box);
      void deadLetterLetter().then((letter) => box.append(h('details', {}, h('summary', {}, 'the letter'), jsonBlock(letter))));
    }
    replace(facts, ...items);
    replace(values,
      h('div', {}, h('h2', {}, 'Input'), current.inputSummary ? h('p', { class: 'note' }, `${current.inputSummary.bytes} bytes, too large to keep whole`) : jsonBlock(current.input)),
      h('div', {}, h('h2', {}, 'Output'), current.outputSummary ? h('p', { class: 'note' }, `${current.outputSummary.bytes} bytes, too large to keep whole`) : jsonBlock(current.output)),
    );
  };

  let lastSeen = '';
  const refresh = async (): Promise<boolean> => {
    const [current, durable] = await Promise.all([getRun(id), getDurableStatus(id).catch(() => undefined)]);
    if (!current) {
      replace(head, h('h1', {}, 'Run ', h('code', {}, id)), h('p', { class: 'note' }, 'Not in run history (yet). Retrying…'));
      return true;
    }
    durableStatus = durable?.runtimeStatus;
    withCurrentStep(current, durable?.customStatus, definitionSteps);
    const fingerprint = JSON.stringify([current, durableStatus]);
    const first = !run;
    run = current;
    if (fingerprint !== lastSeen || !FINAL_RUN.has(current.status)) {
      lastSeen = fingerprint;
      renderHead(current);
      paint();
    }
    if (first) void drawDefinition(current);
    // A final run whose Durable status agrees needs no more refreshing.
    return !(FINAL_RUN.has(current.status) && (durableStatus === undefined || FINAL_RUN.has(durableStatus)));
  };
  void refresh();
  return poll(refresh, REFRESH_MS);
}

/**
 * The step a live run is on, from the orchestrator's custom status (`{ step, completed, total }`), added as a
 * Running record when history has none for it yet (history writes a step's record as it ends).
 */
function withCurrentStep(run: Run, progress: unknown, definitionSteps: ReadonlyMap<string, Step>): void {
  if (FINAL_RUN.has(run.status)) return;
  // The waits the run's history reports as open (`current.waiting`: event name, when it gives up or wakes).
  const waits = ((run as { current?: { waiting?: Array<{ path: string; kind: string; event?: string; until?: string }> } }).current?.waiting ?? []);
  for (const wait of waits) {
    if (run.steps.some((record) => record.path === wait.path)) continue;
    const record: StepRecord = { path: wait.path, kind: wait.kind, status: 'Running', degraded: null, attempts: [], startedAt: null, event: wait.event, until: wait.until, from: 'the run\'s open waits' } as StepRecord;
    run.steps.push(record);
  }
  const step = (progress as { step?: unknown } | null)?.step;
  if (typeof step !== 'string' || run.steps.some((record) => record.path === step)) return;
  const defined = definitionSteps.get(step);
  const kind = (defined && kindOf(defined)) ?? 'unknown';
  const record: StepRecord = { path: step, kind, status: 'Running', degraded: null, attempts: [], startedAt: null, from: 'the Durable status (history records a step when it ends)' };
  run.steps.push(record);
}

function indexSteps(steps: readonly Step[], into = new Map<string, Step>()): Map<string, Step> {
  for (const step of steps) {
    into.set(step.id, step);
    indexSteps(step.parallel ?? [], into);
    indexSteps(step.forEach?.steps ?? [], into);
    for (const item of step.switch?.cases ?? []) indexSteps(item.steps, into);
    indexSteps(step.switch?.default ?? [], into);
    indexSteps(step.steps ?? [], into);
    for (const clause of step.catch ?? []) indexSteps(clause.steps, into);
  }
  return into;
}

function legend(): HTMLElement {
  const states: ShownStatus[] = ['completed', 'failed', 'caught', 'degraded', 'skipped', 'running', 'waiting'];
  return h('p', { class: 'legend' }, ...states.map((state) => h('span', { class: `badge status-${state}` }, state)));
}
