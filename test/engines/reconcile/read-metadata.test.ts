import { describe, expect, it } from '@jest/globals';
import { createHash } from 'node:crypto';
import { readMetadata } from '../../../src/engines/reconcile/read-metadata.js';
import type { MetadataFile } from '../../../src/engines/reconcile/types.js';

const options = { idField: 'id', versionField: 'version' };
const SHA_A = 'a'.repeat(64);
const SHA_B = 'B'.repeat(64);

function registry(path: string, text: string, blob: string | null = null): MetadataFile {
  return { path, text, blob, kind: 'registry' };
}

function card(path: string, text: string): MetadataFile {
  return { path, text, blob: null, kind: 'card' };
}

describe('readMetadata: registry files', () => {
  it('reads one model with its version as written, checksums and lineage', () => {
    const text = [
      'id: llama-7b-q4',
      'version: 1.10',
      'base_model: meta/llama-7b',
      'base_model_relation: quantized',
      'files:',
      `  - path: model.gguf`,
      `    sha256: ${SHA_B}`,
      '  - lfs:',
      `      oid: sha256:${SHA_A}`,
    ].join('\n');
    const { models, findings } = readMetadata([registry('models/q4/model.yml', text, 'f00d')], options);
    expect(findings).toEqual([]);
    expect(models).toEqual([expect.objectContaining({
      id: 'llama-7b-q4', version: '1.10', baseModels: ['meta/llama-7b'], baseModelRelation: 'quantized',
      path: 'models/q4/model.yml', blob: 'f00d',
      checksums: [
        { key: 'model.gguf', algorithm: 'sha256', value: SHA_B.toLowerCase() },
        { key: 'files/1/lfs', algorithm: 'sha256', value: SHA_A },
      ],
    })]);
    expect(models[0]!.data.version).toBe('1.10');
  });

  it('reads several models from a list, numbers as written', () => {
    const text = '- id: a\n  version: 2\n- id: b\n  version: v1.0.0\n  base_model: [x, y]\n- id: c\n';
    const { models, findings } = readMetadata([registry('registry.yml', text)], options);
    expect(findings).toEqual([]);
    expect(models.map((m) => [m.id, m.version, m.baseModels])).toEqual([['a', '2', []], ['b', 'v1.0.0', ['x', 'y']], ['c', null, []]]);
  });

  it('hashes content, not formatting: YAML and JSON with other key order hash equal', () => {
    const yaml = readMetadata([registry('a.yml', 'id: m\nversion: "1.0"\nmeta: {b: 1, a: [1, 2]}\n')], options).models[0]!;
    const json = readMetadata([registry('a.json', '{"meta": {"a": [1, 2], "b": 1}, "version": 1.0, "id": "m"}')], options).models[0]!;
    const other = readMetadata([registry('a.yml', 'id: m\nversion: "1.0"\nmeta: {b: 1, a: [2, 1]}\n')], options).models[0]!;
    expect(json.contentHash).toBe(yaml.contentHash);
    expect(other.contentHash).not.toBe(yaml.contentHash);
    const canonical = '{"id":"m","meta":{"a":[1,2],"b":1},"version":"1.0"}';
    expect(yaml.contentHash).toBe(createHash('sha256').update(canonical).digest('hex'));
  });

  it('uses the configured id and version fields', () => {
    const { models } = readMetadata([registry('m.yml', 'name: tiny\nrev: 3.0\nid: ignored\n')], { idField: 'name', versionField: 'rev' });
    expect(models.map((m) => [m.id, m.version])).toEqual([['tiny', '3.0']]);
  });

  it.each([
    ['malformed YAML', 'id: a\nversion: [1.0\nx: 1\n', 'reconcile-metadata', 3, 'not valid YAML or JSON'],
    ['a single value', '\n"just text"\n', 'reconcile-metadata', 2, 'must hold one model'],
    ['a list with a non-mapping', '- id: a\n- plain\n', 'reconcile-metadata', 1, 'must hold one model'],
    ['an empty file', '', 'reconcile-metadata', 1, 'must hold one model'],
    ['a model without id', 'version: 1.0.0\nlicense: mit\n', 'reconcile-id-missing', 1, "no usable 'id'"],
    ['a model with an empty id', '- id: a\n- id: ""\n  version: 1\n', 'reconcile-id-missing', 2, "no usable 'id'"],
  ])('reports %s at its line and reads no model from it', (_, text, rule, line, message) => {
    const { models, findings } = readMetadata([registry('models/x/model.yml', text)], options);
    expect(findings).toEqual([expect.objectContaining({ check: 'reconcile', rule, severity: 'error', path: 'models/x/model.yml', line })]);
    expect(findings[0]!.message).toContain(message);
    expect(models.filter((m) => m.id !== 'a')).toEqual([]);
  });

  it.each([
    ['{\n  "id": "a",\n  "version": }\n', null],
    ['{\n  "id": "a",\n  "version": 1,\n}\n', 4],
  ])('reports malformed JSON that YAML would accept', (text, line) => {
    const { models, findings } = readMetadata([registry('models/x/model.json', text)], options);
    expect(models).toEqual([]);
    expect(findings).toEqual([expect.objectContaining({ rule: 'reconcile-metadata', severity: 'error', path: 'models/x/model.json', line })]);
    expect(findings[0]!.message).toContain('not valid JSON');
  });

  it('reports a malformed checksum at its line and still reads the model', () => {
    const text = `id: m\nfiles:\n  - sha256: ${SHA_A}\n  - sha256: 12ab\n  - lfs: { oid: "sha256:xyz" }\n`;
    const { models, findings } = readMetadata([registry('m.yml', text)], options);
    expect(models.map((m) => m.checksums.length)).toEqual([1]);
    expect(findings).toEqual([
      expect.objectContaining({ rule: 'reconcile-checksum', severity: 'warning', line: 4, field: '/files/1/sha256' }),
      expect.objectContaining({ rule: 'reconcile-checksum', severity: 'warning', line: 5, field: '/files/2/lfs/oid' }),
    ]);
    expect(findings[0]!.message).toContain("'12ab'");
  });

  it('keeps the first of two models with one id and points at both', () => {
    const files = [registry('models/a/model.yml', 'id: m\nversion: 1.0.0\n'), registry('models/b/model.yml', '# copy\nversion: 2.0.0\nid: m\n')];
    const { models, findings } = readMetadata(files, options);
    expect(models.map((m) => [m.path, m.version])).toEqual([['models/a/model.yml', '1.0.0']]);
    expect(findings).toEqual([expect.objectContaining({ rule: 'reconcile-id-duplicate', path: 'models/b/model.yml', line: 3 })]);
    expect(findings[0]!.message).toContain('models/a/model.yml line 1');
  });
});

describe('readMetadata: model cards', () => {
  it('takes the id from the folder, "." at the root, and the version as written', () => {
    const files = [
      card('README.md', '---\nlicense: mit\nversion: 1.10\n---\n# Root model\n'),
      card('models/llama/README.md', '---\nbase_model: meta/llama\n---\n'),
    ];
    const { models, findings } = readMetadata(files, options);
    expect(findings).toEqual([]);
    expect(models.map((m) => [m.id, m.version, m.baseModels])).toEqual([['.', '1.10', []], ['models/llama', null, ['meta/llama']]]);
  });

  it('prefers the id field of the front matter', () => {
    const { models } = readMetadata([card('a/README.md', '---\nid: org/model\n---\n')], options);
    expect(models.map((m) => m.id)).toEqual(['org/model']);
  });

  it("passes the card engine's findings on as reconcile findings", () => {
    const { models, findings } = readMetadata([card('m/README.md', '---\nlicense: [mit\n---\n')], options);
    expect(models).toEqual([]);
    expect(findings.length).toBeGreaterThan(0);
    expect(findings[0]).toEqual(expect.objectContaining({ check: 'reconcile', rule: 'reconcile-metadata', path: 'm/README.md', line: 2 }));
  });

  it('reports a malformed checksum in a card at its line', () => {
    const { findings } = readMetadata([card('m/README.md', '---\nlicense: mit\nsha256: nope\n---\n')], options);
    expect(findings).toEqual([expect.objectContaining({ rule: 'reconcile-checksum', line: 3, field: '/sha256' })]);
  });

  it('finds a card and a registry entry with the same id', () => {
    const files = [card('m/README.md', '---\nid: m\n---\n'), registry('m/model.yml', 'id: m\n')];
    expect(readMetadata(files, options).findings.map((f) => f.rule)).toEqual(['reconcile-id-duplicate']);
  });
});
