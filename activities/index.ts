/**
 * The app's custom activities: TypeScript for the logic a workflow cannot say in YAML. The example
 * workflows call `reserveStock` and `checkLine`. Both are deterministic and do no external I/O, so
 * a retried attempt gives the same answer; a real reservation would call the stock service with
 * `run.id` + `stepPath` as its idempotency key.
 */
import { createHash } from 'node:crypto';
import { defineActivities } from '../engine/activities/registry';

/** An order line as the example workflows send it. */
export interface OrderLine {
  sku: string;
  qty: number;
  unitPrice?: number;
}

/** The result of checking one line. */
export interface LineCheck {
  sku: string | null;
  qty: number | null;
  ok: boolean;
  problems: string[];
  total: number | null;
}

/** A line's quantity limit: larger orders go through a different (manual) channel. */
export const MAX_LINE_QTY = 1000;

/** A failure retrying cannot fix. */
class InvalidInput extends Error {
  readonly retryable = false;
  constructor(message: string) {
    super(message);
    this.name = 'InvalidInput';
  }
}

export const activities = defineActivities({
  /** Reserves stock for an order; the reservation id derives from the order id, so retries are idempotent. */
  reserveStock(input: { orderId?: unknown }) {
    if (typeof input?.orderId !== 'string' || input.orderId === '') throw new InvalidInput('reserveStock needs an orderId string');
    const digest = createHash('sha256').update(`reservation:${input.orderId}`).digest('hex');
    return { reservationId: `res-${digest.slice(0, 16)}`, orderId: input.orderId, reserved: true };
  },

  /** Checks one order line: a SKU, a whole quantity within limits, a non-negative price. */
  checkLine(line: Partial<OrderLine> | null): LineCheck {
    const problems: string[] = [];
    const sku = typeof line?.sku === 'string' && /^[A-Za-z0-9-]{1,40}$/.test(line.sku) ? line.sku : null;
    if (sku === null) problems.push('sku must be 1 to 40 letters, digits or hyphens');
    const qty = typeof line?.qty === 'number' && Number.isInteger(line.qty) ? line.qty : null;
    if (qty === null) problems.push('qty must be a whole number');
    else if (qty < 1 || qty > MAX_LINE_QTY) problems.push(`qty must be between 1 and ${MAX_LINE_QTY}`);
    const price = line?.unitPrice;
    if (price !== undefined && (typeof price !== 'number' || !Number.isFinite(price) || price < 0)) {
      problems.push('unitPrice must be a non-negative number');
    }
    const total = qty !== null && typeof price === 'number' && problems.length === 0 ? Math.round(qty * price * 100) / 100 : null;
    return { sku, qty, ok: problems.length === 0, problems, total };
  },
});
