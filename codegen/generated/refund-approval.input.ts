/* eslint-disable */
/**
 * DO NOT EDIT: generated from the `input` schema of workflows/refund-approval.yaml by codegen/generate.ts.
 * Regenerate with `npm run codegen`; CI runs `npm run codegen:check`.
 */

export interface RefundApprovalInput {
  refundId: string;
  amount: number;
  customerEmail: string;
}
