/** The Mermaid graph: every construct becomes the expected nodes and edges; statuses become classes. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { workflowGraph } from '../../engine/graph/mermaid';
import { lintText } from '../../engine/lint/lint';

function definitionOf(file: string) {
  const text = readFileSync(path.join(__dirname, '..', '..', file), 'utf8');
  const { definition } = lintText(file, text, { activities: ['reserveStock', 'checkLine'] });
  if (!definition) throw new Error(`${file} does not lint`);
  return definition;
}

describe('workflowGraph', () => {
  const graph = workflowGraph(definitionOf('test/lint/ok/contract-example.yaml'));

  it('draws parallel as fork and join', () => {
    expect(graph).toContain('s_enrich{{"enrich · parallel"}}');
    expect(graph).toContain('s_enrich --> s_price');
    expect(graph).toContain('s_price --> s_enrich_join');
    expect(graph).toContain('s_confirm --> s_enrich_join');
  });

  it('draws forEach as a loop with its bound', () => {
    expect(graph).toContain('s_perLine[["perLine · for each line in input.lines, 10 at a time"]]');
    expect(graph).toContain('s_perLine -->|"each item"| s_check');
    expect(graph).toContain('s_check -.->|"next"| s_perLine');
    expect(graph).toContain('s_perLine -->|"done"| s_route');
  });

  it('draws switch as a decision with case labels and a default', () => {
    expect(graph).toContain('s_route{"route · switch"}');
    expect(graph).toContain(`s_route -->|"when steps.classify.output.category == 'fraud'"| s_review`);
    expect(graph).toContain('s_route -->|"default"| s_cool');
    expect(graph).toContain('s_review --> s_save');
    expect(graph).toContain('s_cool --> s_save');
  });

  it('draws catch paths dashed, rejoining the flow', () => {
    const order = workflowGraph(definitionOf('workflows/order-intake.yaml'));
    expect(order).toContain('s_save -.->|"catch CosmosError"| s_parkOrder');
    expect(order).toContain('s_parkOrder --> finish');
  });

  it('escapes quotes and brackets in labels', () => {
    const { definition } = lintText('q.yaml', 'name: q\nsteps:\n  - id: a\n    name: say "hi" <b>\n    set: 1\n');
    expect(workflowGraph(definition!)).toContain('s_a["say #quot;hi#quot; #lt;b#gt;<br/>set"]');
  });

  it('colours steps by status', () => {
    const coloured = workflowGraph(definitionOf('workflows/content-moderation.yaml'), { statuses: { analyze: 'degraded', store: 'succeeded', flag: 'failed' } });
    expect(coloured).toContain('class s_analyze degraded');
    expect(coloured).toContain('class s_store succeeded');
    expect(coloured).toMatch(/classDef failed fill:#fee2e2/);
  });
});

describe('workflowGraph statuses (#17)', () => {
  it('colours only nodes the graph has: no $deadLetter or stale step node, and caught steps as caught', () => {
    const definition = { name: 'w', steps: [{ id: 'charge', http: { url: 'https://e.com' }, catch: [{ steps: [{ id: 'note', set: { x: 1 } }] }] }] };
    const graph = workflowGraph(definition as never, { statuses: { charge: 'caught', note: 'succeeded', $deadLetter: 'failed', gone: 'failed' } });
    expect(graph).toContain('class s_charge caught');
    expect(graph).toContain('class s_note succeeded');
    expect(graph).not.toContain('deadLetter');
    expect(graph).not.toContain('s_gone');
  });
});
