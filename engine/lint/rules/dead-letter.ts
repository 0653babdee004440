/** A dead-letter queue that is also the trigger queue would restart every failed run, forever. */
import type { Rule } from '../rule';

export const deadLetter: Rule = {
  name: 'dead-letter',
  check({ definition, report }) {
    const queue = definition.deadLetter?.queue;
    const trigger = definition.triggers?.queue?.name;
    if (!queue || queue !== trigger) return;
    const sameConnection = (definition.deadLetter?.connection ?? 'AzureWebJobsStorage') === (definition.triggers?.queue?.connection ?? 'AzureWebJobsStorage');
    if (!sameConnection) return;
    report({
      code: 'dead-letter-loop',
      message: `the dead-letter queue \`${queue}\` is this workflow's trigger queue: a failed run would start again, forever`,
      hint: `use a separate queue, e.g. \`${queue.length <= 59 ? queue + '-dlq' : 'dead-letter'}\``,
      path: ['deadLetter', 'queue'],
    });
  },
};
