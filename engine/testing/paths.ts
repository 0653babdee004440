/**
 * Run paths and the patterns of test files. A run path names one execution of a step
 * (`perLine[3].check`, `risky.catch[0].notify`); a step of a real sub-workflow continues its `workflow`
 * step's path (`each[2].moderate.classify`). A pattern is a run path where `[*]` (or no index) matches
 * every iteration, or a bare step id, which matches that step wherever it runs.
 */

interface Segment {
  id: string;
  index?: number | '*';
}

function segmentsOf(path: string): Segment[] {
  return path.split('.').map((text) => {
    const match = /^([^[]+)(?:\[(\d+|\*)\])?$/.exec(text);
    if (!match) return { id: text };
    const index = match[2] === undefined ? undefined : match[2] === '*' ? '*' : Number(match[2]);
    return index === undefined ? { id: match[1] } : { id: match[1], index };
  });
}

/** Whether a pattern names a run path. */
export function matchesRunPath(pattern: string, runPath: string): boolean {
  const wanted = segmentsOf(pattern);
  const actual = segmentsOf(runPath);
  if (wanted.length === 1 && wanted[0].index === undefined && !pattern.startsWith('$')) {
    return actual[actual.length - 1].id === wanted[0].id;
  }
  if (wanted.length !== actual.length) return false;
  return wanted.every((segment, i) => {
    const other = actual[i];
    if (segment.id !== other.id) return false;
    if (segment.id === 'catch') return segment.index === other.index;
    return segment.index === undefined || segment.index === '*' || segment.index === other.index;
  });
}

/** How specific a pattern is: a run path with indexes beats one with `[*]`, which beats a bare id. */
export function specificity(pattern: string): number {
  const segments = segmentsOf(pattern);
  const explicit = segments.filter((segment) => typeof segment.index === 'number').length;
  return segments.length * 10 + explicit;
}

/** The static path of a run path (the plan's `byPath` key): iteration indexes dropped, `catch[n]` kept. */
export function staticPathOf(runPath: string): string {
  return segmentsOf(runPath)
    .map((segment) => (segment.id === 'catch' && typeof segment.index === 'number' ? `catch[${segment.index}]` : segment.id))
    .join('.');
}

/**
 * The run path prefix of a run id: the case's run is `root`; a sub-workflow run started by step `p`
 * (attempt n) is `<parent id>:p:n` (engine/steps/workflow), so its steps continue `p`'s path.
 */
export function prefixOfRun(rootId: string, runId: string): { prefix: string; attempt?: number } | undefined {
  if (runId === rootId) return { prefix: '' };
  if (!runId.startsWith(`${rootId}:`)) return undefined;
  const parts = runId.slice(rootId.length + 1).split(':');
  if (parts.length % 2 !== 0) return undefined;
  const paths: string[] = [];
  let attempt: number | undefined;
  for (let i = 0; i < parts.length; i += 2) {
    paths.push(parts[i]);
    attempt = Number(parts[i + 1]);
  }
  return { prefix: paths.join('.'), attempt };
}

/** A step's run path from its run's prefix and its own path in that run. */
export function joinPath(prefix: string, stepPath: string): string {
  return prefix ? `${prefix}.${stepPath}` : stepPath;
}
