/** Repository schemas: each draft, local $refs, the built-in profile by id, bad and missing schema files. */
import { describe, expect, it } from '@jest/globals';
import { checkCard, type CardCheckOptions } from '../../../../src/engines/model-card/check-card.js';
import { HUGGINGFACE_CARD_SCHEMA } from '../../../../src/engines/model-card/profile-huggingface-schema.js';
import { prepareRepoSchemas, type RepoSchemaEntry } from '../../../../src/engines/model-card/repo-schema-check.js';
import { HUGGINGFACE_CARD_SCHEMA_URL } from '../../../../src/engines/model-card/repo-schema-load.js';
import { readerOf } from './schema-set.js';

const CARD = '---\nlicense: gpl-3.0\nversion: 3\n---\n# Model\n';

function findingsOf(files: Record<string, unknown>, entries: RepoSchemaEntry[] = [{ schema: 'schemas/card.json' }], card = CARD) {
  const options: CardCheckOptions = { profile: 'none', requiredSections: [], schemas: prepareRepoSchemas(entries, readerOf(files)) };
  return checkCard(card, 'models/a/README.md', options).map((f) => ({ rule: f.rule, message: f.message, field: f.field, line: f.line }));
}

const LICENSE_RULE = { properties: { license: { enum: ['apache-2.0', 'mit'] } } };
const LICENSE_FINDING = { rule: 'card-schema', message: "license must be one of: apache-2.0, mit (got 'gpl-3.0')", field: '/license', line: 2 };

describe('repository schema drafts', () => {
  it.each([
    ['no $schema (draft-07)', {}],
    ['draft-07', { $schema: 'http://json-schema.org/draft-07/schema#' }],
    ['2019-09', { $schema: 'https://json-schema.org/draft/2019-09/schema' }],
    ['2020-12', { $schema: 'https://json-schema.org/draft/2020-12/schema' }],
  ])('validates with %s', (_name, head) => {
    expect(findingsOf({ 'schemas/card.json': { ...head, ...LICENSE_RULE } })).toEqual([LICENSE_FINDING]);
  });

  it('reads each draft by its own rules: 2020-12 prefixItems, 2019-09 dependentRequired, draft-07 dependencies', () => {
    const card = '---\nlicense: other\ntags: [1, x]\n---\n';
    expect(findingsOf({ 's.json': { $schema: 'https://json-schema.org/draft/2020-12/schema', properties: { tags: { prefixItems: [{ type: 'string' }] } } } }, [{ schema: 's.json' }], card))
      .toEqual([{ rule: 'card-schema', message: "'tags[0]' must be a string, not a number", field: '/tags/0', line: 3 }]);
    const needsName = { license: ['license_name'] };
    expect(findingsOf({ 's.json': { $schema: 'https://json-schema.org/draft/2019-09/schema', dependentRequired: needsName } }, [{ schema: 's.json' }], card))
      .toEqual([expect.objectContaining({ message: 'license_name is required when license is set', field: '/license_name' })]);
    expect(findingsOf({ 's.json': { dependencies: needsName } }, [{ schema: 's.json' }], card))
      .toEqual([expect.objectContaining({ message: 'license_name is required when license is set', field: '/license_name' })]);
  });

  it('refuses a $schema it does not read with one finding naming the file', () => {
    const found = findingsOf({ 'schemas/card.json': { $schema: 'http://json-schema.org/draft-04/schema#', ...LICENSE_RULE } });
    expect(found).toEqual([{ rule: 'card-schema', line: 2, field: undefined, message: expect.stringMatching(/^The repository schema schemas\/card\.json cannot be used: its \$schema .*draft-04.* is not one Steward reads/) }]);
  });
});

describe('$ref', () => {
  it('follows refs to local files, relative to the file that holds them, with fragments', () => {
    const files = {
      'schemas/card.json': { properties: { license: { $ref: 'common/licenses.json#/definitions/license' }, version: { $ref: './common/version.json' } } },
      'schemas/common/licenses.json': { definitions: { license: { $ref: '../values.json#/$defs/licenses' } } },
      'schemas/values.json': { $defs: { licenses: { enum: ['apache-2.0', 'mit'] } } },
      'schemas/common/version.json': { type: 'string' },
    };
    expect(findingsOf(files)).toEqual([LICENSE_FINDING, { rule: 'card-schema', message: "'version' must be a string, not a number", field: '/version', line: 3 }]);
  });

  it.each(['steward:huggingface', HUGGINGFACE_CARD_SCHEMA.$id, HUGGINGFACE_CARD_SCHEMA_URL])('takes the built-in Hub profile as %s', (ref) => {
    const files = { 'card.json': { allOf: [{ $ref: ref }, { required: ['base_model'] }] } };
    const card = '---\nlicense: mit\nmodel-index:\n  - name: m\n    results:\n      - task: {type: t}\n        metrics: []\n        dataset:\n          type: d\n---\n';
    expect(findingsOf(files, [{ schema: 'card.json' }], card)).toEqual([
      { rule: 'card-schema', message: 'base_model is required', field: '/base_model', line: 2 },
      { rule: 'card-schema', message: 'model-index[0].results[0].dataset.name is required', field: '/model-index/0/results/0/dataset/name', line: 8 },
    ]);
  });

  it('reports a $ref to a missing file, or outside the repository, once per card, and keeps the other checks', () => {
    const missing = findingsOf({ 'schemas/card.json': { properties: { license: { $ref: 'nowhere.json' } } } }, undefined, `${CARD}`);
    expect(missing).toEqual([expect.objectContaining({ rule: 'card-schema', message: 'The repository schema schemas/card.json cannot be used: schemas/nowhere.json (which it $refs) cannot be found' })]);
    const remote = findingsOf({ 'schemas/card.json': { $ref: 'https://example.com/card.json' } });
    expect(remote).toHaveLength(1);
    expect(remote[0]!.message).toContain('points outside the repository');
    const hub = checkCard('---\nlicense: cc-by-sa 4.0\n---\n', 'README.md', { profile: 'huggingface', requiredSections: [], schemas: prepareRepoSchemas([{ schema: 'x.json' }], readerOf({})) });
    expect(hub.map((f) => f.message)).toEqual([expect.stringContaining('cc-by-sa-4.0'), 'The repository schema x.json cannot be used: the file cannot be found']);
  });

  it('reports an invalid schema, an unparseable file and a non-object, without throwing', () => {
    expect(findingsOf({ 'schemas/card.json': { type: 'strnig' } })[0]!.message).toMatch(/^The repository schema schemas\/card.json cannot be used: it is not a valid draft-07 JSON Schema: at \/type/);
    expect(findingsOf({ 'schemas/card.json': 'Unexpected token } in JSON at position 12' })[0]!.message)
      .toBe('The repository schema schemas/card.json cannot be used: the file cannot be read: Unexpected token } in JSON at position 12');
    expect(findingsOf({ 'schemas/card.json': [1, 2] })[0]!.message).toContain('is not a JSON Schema object');
    expect(findingsOf({ 'schemas/card.json': { $ref: '#/definitions/none' } })[0]!.message).toMatch(/cannot be compiled: .*definitions\/none/);
  });

  it('applies a schema only to the cards its paths match', () => {
    const files = { 'schemas/card.json': LICENSE_RULE };
    expect(findingsOf(files, [{ paths: ['models/**/README.md'], schema: 'schemas/card.json' }])).toHaveLength(1);
    expect(findingsOf(files, [{ paths: ['datasets/**'], schema: 'schemas/card.json' }])).toEqual([]);
  });
});
