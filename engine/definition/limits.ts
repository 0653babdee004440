/** Safety limits of the loader: a workflow file is small and shallow; anything beyond is refused, not parsed. */
export interface LoadLimits {
  /** Largest accepted file, in characters. */
  maxChars: number;
  /** Deepest accepted nesting of mappings and lists. */
  maxDepth: number;
  /** Most alias expansions while building the value; bounds an alias bomb to linear work. */
  maxAliasCount: number;
}

/** The defaults: generous for hand-written flows, far below what could hurt the process. */
export const defaultLimits: LoadLimits = {
  maxChars: 512 * 1024,
  maxDepth: 64,
  maxAliasCount: 100,
};
