/* eslint-disable */
/**
 * DO NOT EDIT: generated from the `input` schema of workflows/batch-scoring.yaml by codegen/generate.ts.
 * Regenerate with `npm run codegen`; CI runs `npm run codegen:check`.
 */

export interface BatchScoringInput {
  /**
   * @maxItems 5000
   */
  documents: {
    id: string;
    url: string;
  }[];
}
