/** Why a step's output is not there yet where an expression reads it, in words. */
import type { StepSite } from '../../definition/walk';
import type { ExpressionScope } from '../scope';

/** Explains why `target` has not finished at a place with `scope` (the caller knows it has not). */
export function whyNotVisible(target: StepSite, scope: ExpressionScope): { reason: string; hint?: string } {
  const loop = target.slots.find((slot) => slot.kind === 'forEach' && !scope.ancestors.includes(slot.container));
  if (loop) {
    return { reason: `runs inside forEach \`${loop.container}\`: its output exists only within an iteration`, hint: `outside the loop, read \`steps.${loop.container}.output\` (one entry per item)` };
  }
  const depth = commonDepth(target, scope);
  const mine = scope.slots[depth];
  const theirs = target.slots[depth];
  if (mine && theirs && mine.container === theirs.container) {
    if (theirs.kind === 'parallel' && mine.kind === 'parallel') {
      return { reason: `runs in parallel with this step (both are children of \`${theirs.container}\`)`, hint: `read it after \`${theirs.container}\` has finished` };
    }
    return { reason: `is in another branch of \`${theirs.container}\`, so it has not run here`, hint: `read it after \`${theirs.container}\` has finished` };
  }
  return { reason: 'runs later: its output does not exist yet here', hint: 'move the step before this one, or read it later' };
}

/** How many leading slots the target and the reading place share. */
function commonDepth(target: StepSite, scope: ExpressionScope): number {
  let depth = 0;
  while (depth < target.slots.length && depth < scope.slots.length && sameSlot(target.slots[depth], scope.slots[depth])) depth++;
  return depth;
}

function sameSlot(a: { container: string; kind: string; index: number }, b: { container: string; kind: string; index: number }): boolean {
  return a.container === b.container && a.kind === b.kind && a.index === b.index;
}
