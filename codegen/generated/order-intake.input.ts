/* eslint-disable */
/**
 * DO NOT EDIT: generated from the `input` schema of workflows/order-intake.yaml by codegen/generate.ts.
 * Regenerate with `npm run codegen`; CI runs `npm run codegen:check`.
 */

export interface OrderIntakeInput {
  orderId: string;
  customerId: string;
  text?: string;
  /**
   * @minItems 1
   * @maxItems 500
   */
  lines: [
    {
      sku: string;
      qty: number;
      unitPrice?: number;
    },
    ...{
      sku: string;
      qty: number;
      unitPrice?: number;
    }[]
  ];
}
