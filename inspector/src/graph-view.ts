/**
 * Draws a workflow graph as SVG: dagre lays it out (layered, top to bottom), the nodes and edges are
 * drawn here, so each node is an element the page can colour by status and make clickable. Recolouring
 * on a live update changes classes only; the layout is computed once per definition.
 */
import dagre from '@dagrejs/dagre';
import { s } from './dom';
import type { GraphNode, WorkflowGraph } from './graph-model';
import type { ShownStatus } from './status';

const CHAR = 6.6;
const clip = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/** A drawn graph: its SVG, and a way to recolour its step nodes. */
export interface DrawnGraph {
  svg: SVGSVGElement;
  /** Sets each step node's status (and an optional count such as `998/1000`). */
  paint(statuses: ReadonlyMap<string, { status: ShownStatus; note?: string }>): void;
  /** Marks the selected step's node. */
  select(step: string | undefined): void;
}

/** Lays out and draws `graph`; `onSelect` is called with a step id when its node is clicked. */
export function drawGraph(graph: WorkflowGraph, onSelect?: (step: string) => void): DrawnGraph {
  const layout = new dagre.graphlib.Graph({ multigraph: true });
  layout.setGraph({ rankdir: 'TB', nodesep: 28, ranksep: 36, edgesep: 12, marginx: 8, marginy: 8 });
  layout.setDefaultEdgeLabel(() => ({}));
  for (const node of graph.nodes) {
    const width = node.shape === 'join' ? 64 : Math.min(240, Math.max(96, CHAR * Math.max(clip(node.title, 34).length, clip(node.detail, 34).length) + 28));
    layout.setNode(node.key, { width, height: node.shape === 'join' ? 26 : node.detail ? 44 : 30 });
  }
  graph.edges.forEach((edge, index) => {
    const label = edge.label ? clip(edge.label, 30) : '';
    layout.setEdge(edge.from, edge.to, { width: label ? label.length * 6 + 8 : 0, height: label ? 14 : 0, labelpos: 'c' }, `e${index}`);
  });
  dagre.layout(layout);
  const { width = 0, height = 0 } = layout.graph();

  const svg = s('svg', { class: 'graph', viewBox: `0 0 ${width} ${height}`, width, height, role: 'img', 'aria-label': 'workflow graph' }) as SVGSVGElement;
  svg.append(s('defs', {}, s('marker', { id: 'arrow', viewBox: '0 0 10 10', refX: 9, refY: 5, markerWidth: 7, markerHeight: 7, orient: 'auto-start-reverse' }, s('path', { d: 'M0,0L10,5L0,10z', class: 'arrowhead' }))));
  graph.edges.forEach((edge, index) => {
    const laid = layout.edge({ v: edge.from, w: edge.to, name: `e${index}` }) as { points: Array<{ x: number; y: number }>; x?: number; y?: number };
    const d = laid.points.map((p, i) => `${i ? 'L' : 'M'}${p.x.toFixed(1)},${p.y.toFixed(1)}`).join('');
    svg.append(s('path', { d, class: `edge${edge.dashed ? ' dashed' : ''}`, 'marker-end': 'url(#arrow)' }));
    if (edge.label && laid.x !== undefined && laid.y !== undefined) {
      svg.append(s('text', { x: laid.x, y: laid.y + 4, class: 'edge-label', 'text-anchor': 'middle' }, clip(edge.label, 30)));
    }
  });

  const byStep = new Map<string, SVGElement>();
  for (const node of graph.nodes) {
    const laid = layout.node(node.key) as { x: number; y: number; width: number; height: number };
    const group = s('g', { class: `node shape-${node.shape}`, transform: `translate(${laid.x - laid.width / 2},${laid.y - laid.height / 2})`, 'data-node': node.key });
    group.append(outline(node, laid.width, laid.height));
    if (node.shape !== 'join') {
      group.append(s('text', { x: laid.width / 2, y: node.detail ? 18 : 19, class: 'title', 'text-anchor': 'middle' }, clip(node.title, 34)));
      if (node.detail) group.append(s('text', { x: laid.width / 2, y: 34, class: 'detail', 'text-anchor': 'middle' }, clip(node.detail, 34)));
    } else {
      group.append(s('text', { x: laid.width / 2, y: 17, class: 'detail', 'text-anchor': 'middle' }, 'all done'));
    }
    if (node.step) {
      group.setAttribute('data-step', node.step);
      group.setAttribute('tabindex', '0');
      group.append(s('title', {}, `${node.title} (${node.detail})`));
      const choose = () => onSelect?.(node.step!);
      group.addEventListener('click', choose);
      group.addEventListener('keydown', (event) => {
        if ((event as KeyboardEvent).key === 'Enter') choose();
      });
      byStep.set(node.step, group);
    }
    svg.append(group);
  }

  return {
    svg,
    paint(statuses) {
      for (const [step, group] of byStep) {
        const shown = statuses.get(step);
        group.setAttribute('data-status', shown?.status ?? 'none');
        group.querySelector('.count')?.remove();
        if (shown?.note) {
          const box = group.querySelector('rect, polygon') as SVGGraphicsElement;
          const w = Number(box.getAttribute('data-width'));
          group.append(s('text', { x: w - 4, y: -3, class: 'count', 'text-anchor': 'end' }, shown.note));
        }
      }
    },
    select(step) {
      for (const [id, group] of byStep) group.classList.toggle('selected', id === step);
    },
  };
}

function outline(node: GraphNode, width: number, height: number): SVGElement {
  if (node.shape === 'decision') {
    const points = `12,0 ${width - 12},0 ${width},${height / 2} ${width - 12},${height} 12,${height} 0,${height / 2}`;
    return s('polygon', { points, class: 'box', 'data-width': width });
  }
  const rounded = node.shape === 'terminal' || node.shape === 'join' ? height / 2 : 6;
  return s('rect', { width, height, rx: rounded, ry: rounded, class: 'box', 'data-width': width });
}
