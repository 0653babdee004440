/**
 * A corpus of realistic workflow files for the lint benchmark: 10–30 steps each, every step kind,
 * expressions referring to the input and to earlier steps, retries, timeouts, conditions, catches,
 * nested parallel/forEach/switch. Seeded, so every run lints the same files.
 */
import { stringify } from 'yaml';
import { seededRandom } from '../test/support/seeded-random';

type Step = Record<string, unknown>;

const LABELS = [['priority', 'fraud'], ['urgent'], ['review', 'spam', 'fraud']];

class Writer {
  private next = 0;
  /** Top-level ids already written, which later steps may refer to. */
  readonly earlier: string[] = [];
  constructor(readonly random: () => number) {}

  pick<T>(list: readonly T[]): T {
    return list[Math.floor(this.random() * list.length)];
  }

  id(prefix: string): string {
    this.next += 1;
    return `${prefix}${this.next}`;
  }

  ref(fallback: string): string {
    return this.earlier.length > 0 ? `steps.${this.pick(this.earlier)}.output` : fallback;
  }

  /** One step; `depth` bounds nesting, `item` names the forEach variable in scope. */
  step(depth: number, item?: string): Step {
    const leaf = ['http', 'ai', 'queue', 'cosmos', 'activity', 'set', 'set', 'wait', 'waitForEvent'];
    // Nesting only at the top level and not too often: files of a realistic size (a few hundred lines).
    const kinds = depth === 0 ? [...leaf, 'parallel', 'forEach', 'switch', 'steps'] : leaf;
    const kind = this.pick(kinds);
    const subject = item ? `${item}.id` : 'input.orderId';
    const step: Step = { id: this.id(kind.slice(0, 3)) };
    switch (kind) {
      case 'http':
        step.http = { method: this.pick(['GET', 'POST']), url: `https://api.example.com/orders/\${{ ${subject} }}`, headers: { Authorization: 'Bearer ${{ secrets.API_TOKEN }}' } };
        break;
      case 'ai':
        step.ai = {
          prompt: `Classify order \${{ ${subject} }} with total \${{ input.total }}: \${{ input.text }}`,
          // A few label sets, as flows in one project tend to share them.
          output: { type: 'object', required: ['label'], properties: { label: { enum: ['standard', ...this.pick(LABELS)] }, score: { type: 'number' } } },
          fallback: { label: 'standard' },
        };
        step.timeout = '20s';
        break;
      case 'queue':
        step.queue = { name: this.pick(['orders-out', 'audit', 'notifications']), message: { orderId: `\${{ ${subject} }}`, at: '${{ run.startedAt }}' } };
        break;
      case 'cosmos':
        step.cosmos = this.random() < 0.6
          ? { container: 'orders', upsert: { id: `\${{ ${subject} }}`, status: 'open', total: '${{ input.total * 1.2 }}' } }
          : { container: 'orders', query: { sql: 'SELECT * FROM c WHERE c.customer = @customer', parameters: [{ name: '@customer', value: '${{ input.customer }}' }] } };
        break;
      case 'activity':
        step.activity = this.pick(['reserveStock', 'checkLine', 'priceOrder']);
        step.input = { orderId: `\${{ ${subject} }}`, quantity: '${{ input.count * 2 }}' };
        break;
      case 'set':
        step.set = { total: '${{ input.total + 5 }}', big: '${{ input.count > 3 && input.total >= 100 }}', label: `order \${{ ${subject} }} for \${{ input.customer }}`, previous: `\${{ ${this.ref('input.customer')} }}` };
        break;
      case 'wait':
        step.wait = this.pick(['1s', '10s', '5m']);
        break;
      case 'waitForEvent':
        step.waitForEvent = { name: 'approved', timeout: '24h', default: { approved: false } };
        break;
      case 'parallel':
        step.parallel = Array.from({ length: 2 + Math.floor(this.random() * 2) }, () => this.step(depth + 1, item));
        break;
      case 'forEach': {
        const as = `line${depth}`;
        step.forEach = { items: '${{ input.lines }}', as, concurrency: this.pick([5, 10, 20]), steps: Array.from({ length: 1 + Math.floor(this.random() * 3) }, () => this.step(depth + 1, as)) };
        break;
      }
      case 'switch':
        step.switch = {
          cases: [{ when: '${{ input.total > 1000 }}', steps: [this.step(depth + 1, item)] }, { when: "${{ input.customer == 'acme' }}", steps: [this.step(depth + 1, item)] }],
          default: [this.step(depth + 1, item)],
        };
        break;
      case 'steps':
        step.steps = [this.step(depth + 1, item), this.step(depth + 1, item)];
        break;
    }
    const io = ['http', 'ai', 'queue', 'cosmos', 'activity'].includes(kind);
    if (io && this.random() < 0.4) step.retry = { maxAttempts: 4, interval: '1s', backoff: 2, maxInterval: '30s', on: ['HttpError', 'Timeout'] };
    if (this.random() < 0.2) step.if = '${{ input.count > 0 }}';
    if (io && this.random() < 0.15) step.catch = [{ errors: ['Timeout'], steps: [{ id: this.id('fix'), set: { recovered: true, reason: '${{ error.message }}' } }] }];
    return step;
  }
}

/** How many top-level steps generated workflows have (nested steps come on top). */
export interface CorpusSize {
  name: string;
  minSteps: number;
  maxSteps: number;
}

/**
 * `typical`: sized after the shipped examples (4–9 steps, 35–83 lines, 1.0–2.2 KB), erring large: 3–8
 * top-level steps, about 10 steps and 135 lines (3.1 KB) on average; `large`: long flows of 10–30
 * top-level steps (about 37 steps, 340 lines, 8.8 KB), several times the size of any example.
 */
export const CORPUS_SIZES = {
  typical: { name: 'typical', minSteps: 3, maxSteps: 8 },
  large: { name: 'large', minSteps: 10, maxSteps: 30 },
} as const satisfies Record<string, CorpusSize>;

/** The text of generated workflow number `n`. */
export function workflowText(n: number, size: CorpusSize = CORPUS_SIZES.large): string {
  const writer = new Writer(seededRandom(n + 1));
  const count = size.minSteps + Math.floor(writer.random() * (size.maxSteps - size.minSteps + 1));
  const steps: Step[] = [];
  for (let i = 0; i < count; i++) {
    const step = writer.step(0);
    steps.push(step);
    writer.earlier.push(step.id as string);
  }
  const definition = {
    name: `generated-${n}`,
    description: `Generated workflow ${n} for the lint benchmark`,
    triggers: { http: { route: `generated/${n}` }, ...(n % 3 === 0 ? { queue: { name: `generated-${n}` } } : {}) },
    // Every workflow has its own input schema, as in a real project (no two compile the same).
    input: {
      type: 'object',
      required: n % 2 === 0 ? ['orderId', 'total'] : ['orderId', 'total', 'customer'],
      properties: {
        orderId: { type: 'string', maxLength: 20 + (n % 50) },
        total: { type: 'number', minimum: 0 },
        count: { type: 'integer', minimum: 1 },
        customer: { type: 'string' },
        text: { type: 'string' },
        lines: { type: 'array', maxItems: 50, items: { type: 'object', required: ['sku'], properties: { id: { type: 'string' }, sku: { type: 'string' }, quantity: { type: 'integer' } } } },
        [`ref${n}`]: { type: 'string', pattern: '^[A-Z]{2}-[0-9]+$', description: `reference of flow ${n}` },
      },
    },
    defaults: { retry: { maxAttempts: 3, interval: '2s', backoff: 2 }, timeout: '5m' },
    ...(n % 4 === 0 ? { deadLetter: { queue: 'generated-dlq' } } : {}),
    steps,
    output: `\${{ steps.${steps[steps.length - 1].id}.output }}`,
  };
  return `# yaml-language-server: $schema=../schemas/workflow.schema.json\n${stringify(definition)}`;
}

/** Custom activity names the corpus uses (for the linter's activity check). */
export const CORPUS_ACTIVITIES = ['reserveStock', 'checkLine', 'priceOrder'];
