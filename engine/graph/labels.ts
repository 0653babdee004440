/** Short, Mermaid-safe labels for steps and edges. */
import type { Step } from '../definition/workflow.generated';
import { kindOf } from '../definition/walk';

/** Escapes text for a quoted Mermaid label (quotes, angle brackets, `#` entity syntax). */
export function escapeLabel(text: string): string {
  return text.replace(/#/g, '#35;').replace(/"/g, '#quot;').replace(/</g, '#lt;').replace(/>/g, '#gt;').replace(/\n/g, ' ');
}

/** Shortens an expression or text for a label. */
export function brief(text: string, max = 40): string {
  const inner = /^\$\{\{\s*([\s\S]*?)\s*\}\}$/.exec(text.trim())?.[1] ?? text.trim();
  return inner.length > max ? inner.slice(0, max - 1) + '…' : inner;
}

/** What a leaf step does, in a few words: `ai gemini-2.5-flash`, `http POST`, `queue → orders-dlq`. */
export function stepDetail(step: Step): string {
  const kind = kindOf(step);
  switch (kind) {
    case 'ai':
      return `ai ${step.ai?.model ?? 'gemini-2.5-flash'}${step.ai?.fallback !== undefined && step.ai?.failOpen !== false ? ' (fail-open)' : ''}`;
    case 'http':
      return `http ${step.http?.method ?? 'GET'}`;
    case 'queue':
      return `queue → ${brief(step.queue?.name ?? '')}`;
    case 'cosmos': {
      const operation = step.cosmos?.upsert ? 'upsert' : step.cosmos?.read ? 'read' : 'query';
      return `cosmos ${operation} ${brief(step.cosmos?.container ?? '')}`;
    }
    case 'activity':
      return `activity ${step.activity}`;
    case 'workflow':
      return `workflow ${step.workflow}`;
    case 'wait':
      return typeof step.wait === 'string' ? `wait ${brief(step.wait)}` : `wait until ${brief(step.wait?.until ?? '')}`;
    case 'waitForEvent':
      return `wait for event ${step.waitForEvent?.name}${step.waitForEvent?.timeout ? ` (≤ ${brief(step.waitForEvent.timeout)})` : ''}`;
    case 'set':
      return 'set';
    case 'fail':
      return `fail ${step.fail?.error}`;
    default:
      return kind ?? '?';
  }
}
