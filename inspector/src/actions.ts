/**
 * The run's actions, each through the endpoint the CLI uses: raise an event with a JSON payload,
 * terminate, suspend and resume (the Durable API), redrive a failed or dead-lettered run.
 */
import type { Run } from '../../engine/history/run.generated';
import { actions, BASE, messageOf, type Answer } from './api';
import { h } from './dom';
import { FINAL_RUN } from './status';

/** The actions panel; `refresh` is called after an accepted action; `letter` finds the run's dead letter. */
export function actionsPanel(run: () => Run, refresh: () => void, letter: () => Promise<unknown>): { element: HTMLElement; update(eventName?: string): void } {
  const result = h('p', { class: 'action-result', role: 'status' });
  const report = (what: string, answer: Answer) => {
    const ok = answer.status >= 200 && answer.status < 300;
    result.className = `action-result ${ok ? 'ok' : 'failed'}`;
    result.replaceChildren(ok ? `${what}: accepted (${answer.status})` : `${what} refused: ${messageOf(answer)}`);
    const started = (answer.body as { runId?: string } | null)?.runId;
    if (ok && what === 'Redrive' && started) result.append(' · ', h('a', { href: `${BASE}/runs/${encodeURIComponent(started)}` }, started));
    if (ok) refresh();
  };
  const busy = async (button: HTMLButtonElement, work: () => Promise<void>) => {
    button.disabled = true;
    try {
      await work();
    } catch (error) {
      result.className = 'action-result failed';
      result.textContent = (error as Error).message;
    } finally {
      button.disabled = false;
      update();
    }
  };

  const eventName = h('input', { name: 'event', placeholder: 'event name', 'aria-label': 'event name', required: true });
  const payload = h('textarea', { name: 'payload', rows: 3, 'aria-label': 'event payload (JSON)', spellcheck: 'false' }, '{}');
  const raise = h('button', { type: 'submit', class: 'raise' }, 'Raise event');
  const eventForm = h('form', { class: 'event-form' }, eventName, payload, raise);
  eventForm.addEventListener('submit', (event) => {
    event.preventDefault();
    void busy(raise, async () => {
      let value: unknown;
      try {
        value = JSON.parse(payload.value || 'null');
      } catch (error) {
        throw new Error(`the payload is not JSON: ${(error as Error).message}`);
      }
      report('Event', await actions.raiseEvent(run().id, eventName.value.trim(), value));
    });
  });

  const reason = h('input', { name: 'reason', placeholder: 'reason (optional)', 'aria-label': 'reason' });
  const button = (label: string, className: string, act: () => Promise<Answer>) => {
    const b = h('button', { type: 'button', class: className }, label);
    b.addEventListener('click', () => void busy(b, async () => report(label, await act())));
    return b;
  };
  const terminate = button('Terminate', 'terminate danger', () => actions.terminate(run().id, reason.value || 'terminated from the inspector'));
  const suspend = button('Suspend', 'suspend', () => actions.suspend(run().id, reason.value || 'suspended from the inspector'));
  const resume = button('Resume', 'resume', () => actions.resume(run().id, reason.value || 'resumed from the inspector'));
  const redrive = button('Redrive', 'redrive', async () => actions.redrive(run().id, await letter()));

  const element = h('section', { class: 'actions' }, h('h2', {}, 'Actions'), eventForm, h('div', { class: 'buttons' }, reason, suspend, resume, terminate, redrive), result);
  const update = (suggested?: string) => {
    const current = run() as Run | undefined;
    if (!current) return;
    const live = !FINAL_RUN.has(current.status);
    for (const control of [raise, terminate, suspend, resume, eventName, payload]) control.disabled = !live;
    redrive.disabled = !(current.status === 'Failed' || current.status === 'DeadLettered') || Boolean(current.lineage.redrivenAs);
    if (suggested && !eventName.value) eventName.value = suggested;
  };
  update();
  return { element, update };
}
