/**
 * Budget warnings (engine/lint/budget.ts): a forEach over input that nothing bounds, a `waitForEvent` in a
 * large forEach, and a run whose estimated history (events, payload bytes) exceeds the limits.
 */
import { BYTES_LIMIT, estimateBudget, EVENTS_LIMIT, itemBound, LARGE_FOREACH } from '../budget';
import type { Rule } from '../rule';

export const budget: Rule = {
  name: 'budget',
  check({ definition, sites, placeholders, report }) {
    const bounds = new Map<string, ReturnType<typeof itemBound>>();
    for (const { step, path, id } of sites) {
      if (!step.forEach || placeholders.has(step)) continue;
      const bound = itemBound(definition, step.forEach.items);
      bounds.set(id, bound);
      if (bound.source === 'default' && bound.inputPath) {
        const where = `input.${bound.inputPath.join('.')}`;
        report({
          code: 'foreach-unbounded',
          message: `forEach \`${id}\` iterates \`${where}\`, which the input schema does not bound: a caller decides how many iterations (and history events) a run has`,
          hint: `give \`${where}\` \`maxItems\` in the workflow's \`input\` schema (the run is then refused above it)`,
          path: [...path, 'forEach', 'items'],
        });
      }
    }
    for (const { step, path, id, slots } of sites) {
      if (step.waitForEvent === undefined) continue;
      const loop = [...slots].reverse().find((slot) => slot.kind === 'forEach' && (bounds.get(slot.container)?.count ?? 0) >= LARGE_FOREACH);
      if (!loop) continue;
      const bound = bounds.get(loop.container)!;
      report({
        code: 'wait-in-large-foreach',
        message: `\`waitForEvent\` step \`${id}\` runs once per item of forEach \`${loop.container}\` (${bound.source === 'default' ? 'unbounded' : `up to ${bound.count} items`}): each iteration waits for its own event`,
        hint: 'wait once before or after the loop, or bound the loop (`maxItems`) well below 100; every raised event is a history event replayed on each later step',
        path: [...path, 'waitForEvent'],
        target: 'key',
      });
    }
    if (placeholders.has(definition) || sites.some((site) => placeholders.has(site.step))) return;
    const estimate = estimateBudget(definition);
    const over = [
      // The success path is what every run costs; the worst case (every retry) is shown beside it.
      ...(estimate.events > EVENTS_LIMIT ? [`${estimate.events.toLocaleString('en-US')} history events when nothing fails (${estimate.worstEvents.toLocaleString('en-US')} at worst; limit ${EVENTS_LIMIT.toLocaleString('en-US')})`] : []),
      ...(estimate.bytes > BYTES_LIMIT ? [`${Math.round(estimate.bytes / 1024).toLocaleString('en-US')} KB of payloads (limit ${(BYTES_LIMIT / 1024).toLocaleString('en-US')} KB)`] : []),
    ];
    if (over.length === 0) return;
    report({
      code: 'history-budget',
      message: `one run of this workflow is estimated at ${over.join(' and ')}`,
      hint: 'see `sluice lint --explain <file>`; bound forEach lists (`maxItems`), move per-item work into a sub-workflow, or lower `retry.maxAttempts`',
      path: ['steps'],
      target: 'key',
    });
  },
};
