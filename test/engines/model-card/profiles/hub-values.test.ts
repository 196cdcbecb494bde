import { describe, expect, it } from '@jest/globals';
import { validateHubMetadata } from '../../../../src/engines/model-card/validate-hub-metadata.js';
import { cardOf } from './card-of.js';

function problems(yaml: string) {
  return validateHubMetadata(cardOf(yaml)).map((f) => ({ rule: f.rule, severity: f.severity, field: f.field, line: f.line, message: f.message, hint: f.hint }));
}

describe('license', () => {
  it.each(['apache-2.0', 'mit', 'cc-by-sa-4.0', 'llama3.1', 'openrail++', 'eupl-1.2'])('accepts %s', (license) => {
    expect(problems(`license: ${license}`)).toEqual([]);
  });

  it.each([
    ['cc-by-sa 4.0', 'cc-by-sa-4.0'],
    ['CC-BY-SA-4.0', 'cc-by-sa-4.0'],
    ['MIT', 'mit'],
    ['Apache 2.0', 'apache-2.0'],
    ['apache2.0', 'apache-2.0'],
    ['gpl-2.0-or-later', 'gpl-2.0'],
    ['bsd_3_clause', 'bsd-3-clause'],
  ])('suggests the Hub id for %s', (written, id) => {
    expect(problems(`license: ${written}`)).toEqual([{
      rule: 'card-schema', severity: 'error', field: '/license', line: 2,
      message: `license '${written}' is not a Hub license id; did you mean '${id}'?`,
      hint: `Write: license: ${id}`,
    }]);
  });

  it('names no id when nothing is close, and points to the list', () => {
    const [finding] = problems('license: proprietary-foo');
    expect(finding!.message).toBe("license 'proprietary-foo' is not a Hub license id");
    expect(finding!.hint).toContain('license: other');
  });

  it('checks each entry of a list at its own line', () => {
    expect(problems('license:\n  - mit\n  - Apache-2.0').map((p) => [p.field, p.line])).toEqual([['/license/1', 4]]);
  });
});

describe('language', () => {
  it.each(['en', 'fra', 'gos', 'multilingual', 'code'])('accepts %s', (code) => {
    expect(problems(`language: ${code}`)).toEqual([]);
  });

  it.each([
    ['English', 'en', 'is a language name, not an ISO 639 code'],
    ['french', 'fr', 'is a language name, not an ISO 639 code'],
    ['russian', 'ru', 'is a language name, not an ISO 639 code'],
    ['EN', 'en', 'must be written in lowercase'],
    ['zh-CN', 'zh', 'carries a region or script; the Hub takes the bare ISO 639 code'],
    ['jp', 'ja', 'is a country code, not an ISO 639 language code'],
  ])('says %s should be %s', (written, code, reason) => {
    expect(problems(`language: ${written}`)).toEqual([{
      rule: 'card-schema', severity: 'error', field: '/language', line: 2,
      message: `language '${written}' ${reason}; did you mean '${code}'?`, hint: `Write: language: ${code}`,
    }]);
  });

  it('refuses placeholders without a suggestion', () => {
    expect(problems('language: noinfo').map((p) => p.message)).toEqual(["language 'noinfo' is not an ISO 639-1, 639-2 or 639-3 code"]);
  });

  it('explains the YAML 1.1 boolean for an unquoted no', () => {
    const [finding] = problems('language:\n- en\n- no');
    expect(finding).toMatchObject({ field: '/language/1', line: 4 });
    expect(finding!.message).toContain('boolean false');
    expect(finding!.hint).toBe('Quote the code. Write: "no"');
  });

  it('wants text or a list of text', () => {
    expect(problems('language: 3').map((p) => p.message)).toEqual(["'language' must be text or a list of text, not the number 3"]);
  });
});

describe('pipeline_tag, library_name, base_model', () => {
  it('accepts ids from @huggingface/tasks', () => {
    expect(problems('pipeline_tag: text-generation\nlibrary_name: transformers\nbase_model: meta-llama/Llama-2-7b-hf')).toEqual([]);
  });

  it('suggests the task for a misspelt pipeline_tag', () => {
    expect(problems('pipeline_tag: text_classification')[0]).toMatchObject({
      rule: 'card-schema', severity: 'error', field: '/pipeline_tag', hint: 'Write: pipeline_tag: text-classification',
    });
  });

  it('warns on an unknown library, suggesting a close one', () => {
    expect(problems('library_name: Transformers')[0]).toMatchObject({ severity: 'warning', hint: 'Write: library_name: transformers' });
    expect(problems('library_name: vllm')[0]).toMatchObject({ severity: 'warning', message: "library_name 'vllm' is not a library the Hub knows" });
  });

  it('turns a Hub URL in base_model into the id', () => {
    expect(problems('base_model:\n  - gpt2\n  - https://huggingface.co/org/model')).toEqual([expect.objectContaining({
      field: '/base_model/1', line: 4, hint: 'Write: base_model: org/model',
    })]);
  });

  it('checks base_model_relation values', () => {
    expect(problems('base_model: a/b\nbase_model_relation: fine-tune')[0]).toMatchObject({
      field: '/base_model_relation', line: 3, hint: 'Write: base_model_relation: finetune',
    });
  });
});
