/** Model lineage: the edges a maintainer sees in the report's graph, and the cycles Steward refuses. */
import { describe, expect, it } from '@jest/globals';
import { buildLineage } from '../../../src/engines/reconcile/build-lineage.js';
import type { ModelMetadata } from '../../../src/engines/reconcile/types.js';

const model = (id: string, baseModels: string[] = [], baseModelRelation: string | null = null): ModelMetadata => ({
  id, version: '1.0.0', contentHash: `h-${id}`, checksums: [], baseModels, baseModelRelation, data: {}, path: `models/${id}/model.yml`, blob: null,
});

describe('buildLineage', () => {
  const cases: { name: string; models: ModelMetadata[]; edges: [string, string, string, boolean][] }[] = [
    { name: 'explicit relation is kept as written', models: [model('base'), model('q4', ['base'], 'quantized')], edges: [['base', 'q4', 'quantized', false]] },
    { name: 'two bases without a relation are an inferred merge', models: [model('a'), model('b'), model('m', ['a', 'b'])], edges: [['a', 'm', 'merge', true], ['b', 'm', 'merge', true]] },
    { name: 'one base without a relation is only "derived", inferred', models: [model('a'), model('ft', ['a'])], edges: [['a', 'ft', 'derived', true]] },
    { name: 'an explicit relation on a merge is not overridden', models: [model('m', ['a', 'b'], 'adapter')], edges: [['a', 'm', 'adapter', false], ['b', 'm', 'adapter', false]] },
    { name: 'a Hub id outside the network stays as an external base', models: [model('mine', ['meta-llama/Llama-3.1-8B'], 'finetune')], edges: [['meta-llama/Llama-3.1-8B', 'mine', 'finetune', false]] },
    { name: 'a base listed twice gives one edge', models: [model('x', ['a', 'a'])], edges: [['a', 'x', 'derived', true]] },
    { name: 'the first model of an id wins', models: [model('x', ['a'], 'finetune'), model('x', ['b'], 'adapter')], edges: [['a', 'x', 'finetune', false]] },
    { name: 'no base models, no edges', models: [model('a'), model('b')], edges: [] },
  ];
  it.each(cases)('$name', ({ models, edges }) => {
    const lineage = buildLineage(models);
    expect(lineage.edges.map((e) => [e.from, e.to, e.relation, e.inferred])).toEqual(edges);
    expect(lineage.findings).toEqual([]);
  });

  it('refuses a two-model cycle, naming it, and keeps the edges outside it', () => {
    const { edges, findings } = buildLineage([model('a', ['b'], 'finetune'), model('b', ['a'], 'finetune'), model('c', ['a'], 'quantized'), model('a2', ['ext/base'])]);
    expect(edges.map((e) => `${e.from}->${e.to}`)).toEqual(['a->c', 'ext/base->a2']);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ check: 'reconcile', rule: 'lineage-cycle', severity: 'error', path: 'models/a/model.yml', field: '/base_model' });
    expect(findings[0]!.message).toContain('"a" → "b" → "a"');
  });

  it('refuses a self-reference with its own message', () => {
    const { edges, findings } = buildLineage([model('loop', ['loop', 'real'], 'merge')]);
    expect(edges.map((e) => `${e.from}->${e.to}`)).toEqual(['real->loop']);
    expect(findings.map((f) => f.rule)).toEqual(['lineage-cycle']);
    expect(findings[0]!.message).toBe('Model "loop" names itself as its base_model; its lineage edge is left out.');
  });

  it('names a longer cycle and reports two separate cycles separately', () => {
    const models = [model('c', ['b']), model('b', ['a']), model('a', ['c']), model('y', ['x']), model('x', ['y']), model('leaf', ['c'])];
    const { edges, findings } = buildLineage(models);
    expect(edges.map((e) => `${e.from}->${e.to}`)).toEqual(['c->leaf']);
    expect(findings.map((f) => f.message.split(' (')[0])).toEqual(['Lineage cycle: "a" → "b" → "c" → "a"', 'Lineage cycle: "x" → "y" → "x"']);
  });

  it('handles a chain of 20,000 models without overflowing the stack', () => {
    const models = Array.from({ length: 20_000 }, (_, i) => model(`m${i}`, i ? [`m${i - 1}`] : ['m19999']));
    const { edges, findings } = buildLineage(models);
    expect(edges).toEqual([]);
    expect(findings).toHaveLength(1);
    expect(findings[0]!.message).toContain('these 20000 models');
  });
});
