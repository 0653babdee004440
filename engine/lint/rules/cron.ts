/** Schedules are NCRONTAB with six fields (second minute hour day month day-of-week), as Azure timer triggers use. */
import type { Rule } from '../rule';

export const cron: Rule = {
  name: 'cron',
  check({ definition, report }) {
    const schedule = definition.triggers?.schedule;
    if (!schedule) return;
    const list = Array.isArray(schedule) ? schedule : [schedule];
    list.forEach((entry, index) => {
      const path = Array.isArray(schedule) ? ['triggers', 'schedule', index, 'cron'] : ['triggers', 'schedule', 'cron'];
      const problem = cronProblem(entry.cron);
      if (problem) report({ code: 'invalid-cron', message: `\`${entry.cron}\` is not a valid NCRONTAB expression: ${problem}`, hint: 'six fields: second minute hour day month day-of-week, e.g. `0 */5 * * * *`', path });
    });
  },
};

/** What is wrong with an NCRONTAB expression, or undefined when it is fine. */
export function cronProblem(expression: string): string | undefined {
  const fields = expression.trim().split(/\s+/);
  if (fields.length !== 6) return `it has ${fields.length} field${fields.length === 1 ? '' : 's'}, NCRONTAB needs 6 (seconds first)`;
  try {
    // Loaded on first use: a packaged app starting from its bundle never lints.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    (require('cron-parser') as typeof import('cron-parser')).CronExpressionParser.parse(expression);
    return undefined;
  } catch (error) {
    return (error as Error).message.charAt(0).toLowerCase() + (error as Error).message.slice(1);
  }
}
