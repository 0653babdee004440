/**
 * Where the time goes: a V8 CPU profile of one piece of work (through `node:inspector`), summed by
 * self time per source file, so each figure can say what limits it with evidence.
 */
import { existsSync, readFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { SourceMap } from 'node:module';
import { dirname, isAbsolute, relative, resolve } from 'node:path';

interface ProfileNode {
  id: number;
  callFrame: { url: string; functionName: string; lineNumber?: number; columnNumber?: number };
  children?: number[];
}

/** How self time is grouped. */
export type Grouping = 'file' | 'function' | 'package';

/** A V8 CPU profile (the inspector's, or a `.cpuprofile` file). */
export interface CpuProfile {
  nodes: ProfileNode[];
  samples?: number[];
  timeDeltas?: number[];
}

/** Share of self time, by file (or `(garbage collector)`, `(program)`…), largest first. */
export interface TimeShare {
  where: string;
  percent: number;
}

/** Profiles `work`, repeated until at least `minMs` have passed, and returns the `top` files (or functions) by self time. */
export async function profileTop(work: () => unknown, top = 6, minMs = 300, by: Grouping = 'file'): Promise<TimeShare[]> {
  const session = new Session();
  session.connect();
  try {
    await session.post('Profiler.enable');
    await session.post('Profiler.setSamplingInterval', { interval: 200 });
    await session.post('Profiler.start');
    const began = performance.now();
    do await work();
    while (performance.now() - began < minMs);
    const { profile } = (await session.post('Profiler.stop')) as { profile: CpuProfile };
    return sharesOf(profile, top, by);
  } finally {
    session.disconnect();
  }
}

/** Self time of a V8 profile (also a `--cpu-prof` file), grouped by file, function or package. */
export function sharesOf(profile: CpuProfile, top: number, by: Grouping): TimeShare[] {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const totals = new Map<string, number>();
  let all = 0;
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  for (let i = 0; i < samples.length; i++) {
    const node = byId.get(samples[i]);
    if (!node) continue;
    const file = placeOf(node);
    // The inspector's own message dispatch and idle time are not the work's.
    if (file === '(idle)' || file === '(dispatch)' || file === '(root)') continue;
    const where = by === 'file' ? file : by === 'package' ? packageOf(file) : `${node.callFrame.functionName || '(anonymous)'} ${file}`;
    const delta = deltas[i] ?? 0;
    totals.set(where, (totals.get(where) ?? 0) + delta);
    all += delta;
  }
  return [...totals.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([where, time]) => ({ where, percent: Math.round((1000 * time) / Math.max(all, 1)) / 10 }));
}

// Files under node_modules are named by package and file; ours relative to the project root.
function placeOf(node: ProfileNode): string {
  const { url, functionName } = node.callFrame;
  if (!url) return functionName ? `(${functionName.replace(/[()]/g, '')})` : '(native)';
  const path = originalOf(url.replace(/^file:\/\//, ''), node.callFrame);
  const inModules = path.lastIndexOf('node_modules/');
  if (inModules >= 0) return path.slice(inModules + 'node_modules/'.length);
  // A compiled copy of the app (cold start builds one in a temp folder).
  const compiled = path.lastIndexOf('/dist/');
  if (compiled >= 0) return path.slice(compiled + 1);
  return relative(process.cwd(), path);
}

// A bundle (bench/build.ts) is named by the source each sample maps to, through the map beside it.
const maps = new Map<string, SourceMap | undefined>();
function originalOf(path: string, frame: ProfileNode['callFrame']): string {
  if (path.includes('/node_modules/')) return path;
  if (!maps.has(path)) maps.set(path, existsSync(`${path}.map`) ? new SourceMap(JSON.parse(readFileSync(`${path}.map`, 'utf8'))) : undefined);
  const map = maps.get(path);
  if (!map || frame.lineNumber === undefined) return path;
  const source = (map.findEntry(frame.lineNumber, frame.columnNumber ?? 0) as { originalSource?: string }).originalSource;
  if (!source) return path;
  const file = source.replace(/^file:\/\//, '');
  return isAbsolute(file) ? file : resolve(dirname(path), file);
}

// `yaml/dist/parse/parser.js` → `yaml`, `@azure/functions/…` → `@azure/functions`, `dist/engine/lint/x.js` → `dist/engine/lint`.
function packageOf(file: string): string {
  if (file.startsWith('(') || file.startsWith('node:')) return file.startsWith('node:') ? 'node internals' : file;
  const parts = file.split('/');
  if (!file.includes('.') || parts.length === 1) return file;
  if (file.startsWith('@')) return parts.slice(0, 2).join('/');
  if (/^(dist\/)?(engine|activities|bench)\//.test(file)) return parts.slice(0, parts.length - 1).join('/');
  return parts[0];
}

/** Renders shares as one line: `file 41%, file 12%, …`. */
export function sharesText(shares: readonly TimeShare[]): string {
  return shares.map((share) => `${share.where} ${share.percent}%`).join(', ');
}
