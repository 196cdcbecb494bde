import { describe, expect, it } from '@jest/globals';
import { validateHubMetadata } from '../../../../src/engines/model-card/validate-hub-metadata.js';
import { cardOf } from './card-of.js';

function findings(yaml: string) {
  return validateHubMetadata(cardOf(yaml));
}

describe('card-unknown-key', () => {
  it.each([
    ['pipeline', 'pipeline_tag'], ['tag', 'tags'], ['languages', 'language'], ['licence', 'license'],
    ['dataset', 'datasets'], ['base-model', 'base_model'], ['Pipeline_Tag', 'pipeline_tag'], ['librar_name', 'library_name'],
    ['model_index', 'model-index'], ['co2_eq_emission', 'co2_eq_emissions'], ['extra_gated_field', 'extra_gated_fields'],
  ])('%s -> %s, at the key', (key, intended) => {
    const [finding] = findings(`thumbnail: t.png\n  \n${key}: x`);
    expect(finding).toMatchObject({
      rule: 'card-unknown-key', severity: 'warning', field: `/${key}`, line: 4, column: 1,
      message: `'${key}' is not a key the Hub reads; did you mean '${intended}'?`, hint: `Rename the key. Write: ${intended}: x`,
    });
  });

  it('asks to merge when the intended key is there too', () => {
    expect(findings('tags: [a]\ntag: b')[0]!.message).toBe("'tag' is not a key the Hub reads; did you mean 'tags'? (the card also has 'tags'; merge the two)");
  });

  it.each(['my_custom_field', 'model_creator', 'quantized_by', 'prompt_template', 'model_name', 'language_bcp47'])('leaves the custom key %s alone', (key) => {
    expect(findings(`${key}: x`)).toEqual([]);
  });
});

describe('card-consistency', () => {
  it('license other wants license_name', () => {
    expect(findings('license: other')).toEqual([expect.objectContaining({ rule: 'card-consistency', field: '/license', line: 2 })]);
    expect(findings('license: other\nlicense_name: my-license\nlicense_link: LICENSE')).toEqual([]);
  });

  it('license_name and license_link only go with license other', () => {
    expect(findings('license: mit\nlicense_name: x\nlicense_link: LICENSE').map((f) => [f.rule, f.field, f.line])).toEqual([
      ['card-consistency', '/license_name', 3], ['card-consistency', '/license_link', 4],
    ]);
  });

  it.each([
    ['base_model_relation: adapter', "base_model_relation is 'adapter' but base_model is missing"],
    ['base_model: a/b\nbase_model_relation: merge', "base_model_relation is 'merge' but base_model names one model; a merge combines several"],
    ['base_model: [a/b, c/d]\nbase_model_relation: finetune', "base_model lists 2 models but base_model_relation is 'finetune'; several base models mean a merge"],
  ])('%s', (yaml, message) => {
    expect(findings(yaml)).toEqual([expect.objectContaining({ rule: 'card-consistency', severity: 'warning', field: '/base_model_relation', message })]);
  });

  it('accepts matching base_model and relation', () => {
    expect(findings('base_model: [a/b, c/d]\nbase_model_relation: merge')).toEqual([]);
    expect(findings('base_model: a/b\nbase_model_relation: quantized')).toEqual([]);
  });
});
