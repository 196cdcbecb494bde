/** What a maintainer reads: messages, fields and exact lines; and a schema compiled once however many cards use it. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from '@jest/globals';
import { checkCard } from '../../../../src/engines/model-card/check-card.js';
import { prepareRepoSchemas } from '../../../../src/engines/model-card/repo-schema-check.js';
import { countSchemaCompilations } from '../../../../src/engines/model-card/repo-schema-compile.js';
import { readerOf } from './schema-set.js';

const SCHEMA = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  type: 'object',
  required: ['license', 'owner'],
  additionalProperties: false,
  properties: {
    license: { enum: ['apache-2.0', 'mit'] },
    owner: { type: 'string' },
    version: { type: 'string', pattern: '^\\d+\\.\\d+$' },
    tags: { type: 'array', items: { type: 'string' }, uniqueItems: true },
    eval: { type: 'object', required: ['dataset'], properties: { dataset: { type: 'object', required: ['name'] }, score: { type: 'number', maximum: 1 } } },
  },
};

const CARD = [
  '---', //                       1
  'license: gpl-3.0', //          2
  'version: 2', //                3
  'tags:', //                     4
  '  - nlp', //                   5
  '  - 7', //                     6
  'eval:', //                     7
  '  dataset: {split: test}', //  8
  '  score: 1.5', //              9
  'licence: mit', //             10
  '---', //                      11
  '# Model',
].join('\n');

function check(card: string, schema: unknown = SCHEMA) {
  const schemas = prepareRepoSchemas([{ paths: ['**/README.md'], schema: 'card.schema.json' }], readerOf({ 'card.schema.json': schema }));
  return checkCard(card, 'models/x/README.md', { profile: 'none', requiredSections: [], schemas });
}

describe('repository schema findings', () => {
  it('says what is wrong in words, at the line and column of the value, the key or the nearest parent', () => {
    const found = check(CARD).map((f) => [f.line, f.column, f.field, f.message]);
    expect(found).toEqual(expect.arrayContaining([
      [2, 10, '/license', "license must be one of: apache-2.0, mit (got 'gpl-3.0')"],
      [3, 10, '/version', "'version' must be a string, not a number"],
      [6, 5, '/tags/1', "'tags[1]' must be a string, not a number"],
      [8, 3, '/eval/dataset/name', 'eval.dataset.name is required'],
      [9, 10, '/eval/score', 'eval.score must be <= 1 (got 1.5)'],
      [10, 1, '/licence', "'licence' is not allowed in the front matter (allowed: license, owner, version, tags, eval)"],
      [2, 1, '/owner', 'owner is required'],
    ]));
    expect(found).toHaveLength(7);
    expect(check(CARD).every((f) => f.rule === 'card-schema' && f.severity === 'error' && f.hint === 'Required by the repository schema card.schema.json.')).toBe(true);
  });

  it('passes a card that follows the schema', () => {
    expect(check('---\nlicense: mit\nowner: ml-team\nversion: "1.2"\n---\n')).toEqual([]);
  });

  it('checks a corpus card (bert-danish-botxo) against a tiny repository schema', () => {
    const card = readFileSync('/work/shared/corpus/model-cards/17-bert-danish-botxo.md', 'utf8');
    const tiny = { required: ['pipeline_tag'], properties: { license: { enum: ['apache-2.0', 'mit'] }, language: { type: 'array' } } };
    const found = check(card, tiny).map((f) => [f.line, f.field, f.message]);
    expect(found).toEqual([
      [2, '/pipeline_tag', 'pipeline_tag is required'],
      [2, '/language', "'language' must be a list, not a string"],
      [9, '/license', "license must be one of: apache-2.0, mit (got 'cc-by-4.0')"],
    ]);
  });
});

describe('compilation cache', () => {
  it('compiles a schema once for a thousand cards, and once again for the same content read anew', () => {
    const schema = { properties: { owner: { type: 'string', minLength: 3, description: `cache test ${Math.random()}` } } };
    const before = countSchemaCompilations();
    const schemas = prepareRepoSchemas([{ schema: 's.json' }], readerOf({ 's.json': schema }));
    for (let i = 0; i < 1000; i++) checkCard(`---\nowner: ${i}\n---\n`, `m${i}/README.md`, { profile: 'none', requiredSections: [], schemas });
    prepareRepoSchemas([{ schema: 's.json' }, { schema: 's.json' }], readerOf({ 's.json': structuredClone(schema) }));
    expect(countSchemaCompilations() - before).toBe(1);
    prepareRepoSchemas([{ schema: 's.json' }], readerOf({ 's.json': { ...schema, required: ['owner'] } }));
    expect(countSchemaCompilations() - before).toBe(2);
  });

  it('compiles again when only a $ref-ed file changes', () => {
    const root = { $ref: 'part.json', description: `ref cache ${Math.random()}` };
    const before = countSchemaCompilations();
    prepareRepoSchemas([{ schema: 'r.json' }], readerOf({ 'r.json': root, 'part.json': { type: 'object' } }));
    prepareRepoSchemas([{ schema: 'r.json' }], readerOf({ 'r.json': root, 'part.json': { type: 'object' } }));
    prepareRepoSchemas([{ schema: 'r.json' }], readerOf({ 'r.json': root, 'part.json': { type: 'object', required: ['x'] } }));
    expect(countSchemaCompilations() - before).toBe(2);
  });
});
