import { describe, expect, it } from '@jest/globals';
import { validateHubMetadata } from '../../../../src/engines/model-card/validate-hub-metadata.js';
import { cardOf } from './card-of.js';

function problems(yaml: string) {
  return validateHubMetadata(cardOf(yaml)).map((f) => ({ rule: f.rule, field: f.field, line: f.line, message: f.message }));
}

const VALID_INDEX = `model-index:
- name: my-model
  results:
  - task:
      type: automatic-speech-recognition
      name: Speech Recognition
    dataset:
      type: common_voice
      name: Common Voice
      config: th
      split: test
      args: {lang: th}
    metrics:
    - type: wer
      value: 20.9
      name: Test WER
      verified: false
    source:
      url: https://example.org`;

describe('model-index', () => {
  it('accepts the shape huggingface_hub parses, and results: []', () => {
    expect(problems(VALID_INDEX)).toEqual([]);
    expect(problems('model-index:\n- name: m\n  results: []')).toEqual([]);
  });

  it('reports a mapping instead of a list at its line', () => {
    expect(problems('license: mit\nmodel-index:\n  name: m')).toEqual([{
      rule: 'card-schema', field: '/model-index', line: 4,
      message: "'model-index' is a mapping; huggingface_hub reads it as a list of models and cannot parse it",
    }]);
  });

  it('reports a result without dataset at the result', () => {
    expect(problems(VALID_INDEX.replace(/    dataset:[\s\S]*?args: \{lang: th\}\n/, ''))).toEqual([{
      rule: 'card-schema', field: '/model-index/0/results/0/dataset', line: 5,
      message: "'model-index[0].results[0]' lacks 'dataset'",
    }]);
  });

  it('reports a metric without value and an entry without results', () => {
    expect(problems(VALID_INDEX.replace('      value: 20.9\n', '')).map((p) => [p.field, p.line])).toEqual([['/model-index/0/results/0/metrics/0/value', 15]]);
    expect(problems('model-index:\n- name: m').map((p) => p.message)).toEqual(["'model-index[0]' lacks 'results'"]);
  });

  it('reports wrong types inside with the path people read', () => {
    expect(problems(VALID_INDEX.replace('verified: false', 'verified: maybe'))).toEqual([expect.objectContaining({
      field: '/model-index/0/results/0/metrics/0/verified', line: 18,
      message: "'model-index[0].results[0].metrics[0].verified' must be true or false, not text",
    })]);
  });

  it('requires url when source is given', () => {
    expect(problems(VALID_INDEX.replace('url: https://example.org', 'name: paper')).map((p) => p.field)).toEqual(['/model-index/0/results/0/source/url']);
  });
});

describe('other fields', () => {
  it.each([
    'tags: audio', 'tags: [a, b]', 'datasets: [mozilla-foundation/common_voice_7_0]', 'metrics: wer',
    'co2_eq_emissions: 12.5', 'co2_eq_emissions:\n  emissions: 3\n  source: codecarbon\n  hardware_used: 1 x A100',
    'widget:\n- text: Hello <mask>\n  example_title: greeting', 'inference: false',
    'inference:\n  parameters:\n    temperature: 0.7', 'thumbnail: null',
    'extra_gated_prompt: Agree?\nextra_gated_fields:\n  Name: text\n  I agree: checkbox\n  Role:\n    type: select\n    options: [a, b]',
  ])('accepts %s', (yaml) => {
    expect(problems(yaml)).toEqual([]);
  });

  it.each([
    ['tags: [a, {b: c}]', '/tags/1', "'tags[1]' must be text, not a mapping"],
    ['datasets:\n- FOSD: https://x', '/datasets/0', "'datasets[0]' must be text, not a mapping"],
    ['metrics: 3', '/metrics', "'metrics' must be text or a list of text, not the number 3"],
    ['co2_eq_emissions: lots', '/co2_eq_emissions', "'co2_eq_emissions' must be a number or a mapping, not text"],
    ['co2_eq_emissions:\n  emissions: lots', '/co2_eq_emissions/emissions', "'co2_eq_emissions.emissions' must be a number, not text"],
    ['widget:\n  text: hi', '/widget', "'widget' must be a list, not a mapping"],
    ['widget:\n- hi', '/widget/0', "'widget[0]' must be a mapping, not text"],
    ['inference: yes please', '/inference', "'inference' must be true or false or a mapping, not text"],
    ['extra_gated_fields: [a]', '/extra_gated_fields', "'extra_gated_fields' must be a mapping, not a list"],
    ['extra_gated_fields:\n  Name: textbox', '/extra_gated_fields/Name', "extra_gated_fields 'Name' has no field type the Hub's gate form knows"],
    ['extra_gated_heading: 3', '/extra_gated_heading', "'extra_gated_heading' must be text, not the number 3"],
  ])('reports %s', (yaml, field, message) => {
    expect(problems(yaml)).toEqual([expect.objectContaining({ field, message })]);
  });
});
