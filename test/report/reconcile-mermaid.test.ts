/** The network graph in the reconcile issue: two kinds of edge, and nothing a fork's name can break. */
import { describe, expect, it } from '@jest/globals';
import { renderReconcileMermaid } from '../../src/report/reconcile-mermaid.js';
import { fork, meta, report } from './reconcile-fixtures.js';

const graphLines = (text: string) => text.split('```')[1]!.split('\n').slice(2).filter(Boolean).map((l) => l.trim());

describe('renderReconcileMermaid', () => {
  it('draws fork edges between repositories (a fork of a fork under its parent) and lineage edges between models', () => {
    const lines = graphLines(renderReconcileMermaid(report()));
    expect(lines.filter((l) => l.includes('-->'))).toEqual([
      'r0_acme_models -->|"fork"| r1_alice_models',
      'r0_acme_models -->|"fork"| r2_bob_models',
      'r1_alice_models -->|"fork"| r3_carol_models',
      'r0_acme_models -->|"fork"| r4_dave_models',
    ]);
    expect(lines.filter((l) => l.includes('-.->'))).toEqual([
      'm4_meta_llama_Llama_3_1_8B -.->|"finetune"| m0_llama_ft',
      'm0_llama_ft -.->|"quantized"| m1_llama_q4',
      'm0_llama_ft -.->|"merge (inferred)"| m2_merge_x',
      'm1_llama_q4 -.->|"merge (inferred)"| m2_merge_x',
    ]);
    expect(lines).toContain('r4_dave_models["dave/models (skipped: private)"]');
    expect(lines).toContain('m4_meta_llama_Llama_3_1_8B["meta-llama/Llama-3.1-8B (external)"]');
  });

  it('keeps hostile names inside their quotes and node ids to [A-Za-z0-9_]', () => {
    const hostile = 'x"] --> evil["pwn`<img src=x>|#';
    const r = report();
    r.upstream.name = 'up stream[1]';
    r.forks = [{ name: hostile, parent: 'up stream[1]', skipped: null }];
    r.models = [{ id: 'a "b" [c]', upstream: null, forks: [fork(hostile, meta('a "b" [c]', '1', 'a', { baseModels: ['end'], baseModelRelation: 'fine"tune|x' }), 'new')] }];
    const lines = graphLines(renderReconcileMermaid(r));
    for (const line of lines) {
      // With the quoted labels taken out, only generated ids and arrows may be left.
      expect(line.replace(/"[^"]*"/g, '')).toMatch(/^([A-Za-z0-9_]+\[\]|[A-Za-z0-9_]+ (-->|-\.->)\|\| [A-Za-z0-9_]+)$/);
    }
    expect(lines).toContain('r1_x_______evil__pwn__img_src_x___["x#quot;] --#gt; evil[#quot;pwn#96;#lt;img src=x#gt;#124;#35;"]');
    expect(lines).toContain('m1_end["end (external)"]');
    expect(lines).toContain('m1_end -.->|"fine#quot;tune#124;x"| m0_a__b___c_');
    expect(lines).toContain('r0_up_stream_1_ -->|"fork"| r1_x_______evil__pwn__img_src_x___');
  });

  it('caps a large network at 200 nodes with a note, repositories first, and drops edges to cut nodes', () => {
    const r = report();
    r.forks = Array.from({ length: 250 }, (_, i) => ({ name: `f${i}/m`, parent: null, skipped: null }));
    const text = renderReconcileMermaid(r);
    const lines = graphLines(text);
    expect(lines.filter((l) => l.endsWith('"]'))).toHaveLength(200);
    expect(lines.filter((l) => l.includes('-->'))).toHaveLength(199);
    expect(lines.some((l) => l.includes('-.->'))).toBe(false);
    expect(text).toContain('_The graph shows the first 200 of 256 nodes (repositories first, then models)._');
  });
});
