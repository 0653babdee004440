/* eslint-disable */
/**
 * DO NOT EDIT: generated from the `input` schema of workflows/content-moderation.yaml by codegen/generate.ts.
 * Regenerate with `npm run codegen`; CI runs `npm run codegen:check`.
 */

export interface ContentModerationInput {
  postId: string;
  author: string;
  text: string;
}
