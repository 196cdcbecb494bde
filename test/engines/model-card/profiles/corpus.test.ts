/** Every corpus card goes through both profiles without a crash; the odd cards get the finding a user should see. */
import { describe, expect, it } from '@jest/globals';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { checkMitchellSections } from '../../../../src/engines/model-card/mitchell-sections.js';
import { validateHubMetadata } from '../../../../src/engines/model-card/validate-hub-metadata.js';
import { standInParse } from './stand-in-parse.js';

const CORPUS = '/work/shared/corpus';

function cardsIn(dir: string): string[] {
  return readdirSync(join(CORPUS, dir)).filter((f) => f.endsWith('.md')).map((f) => join(CORPUS, dir, f));
}

function hubFindings(file: string) {
  const card = standInParse(file, readFileSync(join(CORPUS, 'model-cards', file), 'utf8'))!;
  return validateHubMetadata(card).map((f) => [f.rule, f.field, f.line, f.severity]);
}

describe('corpus', () => {
  it.each(['model-cards', 'hf-cards-sample'])('checks every card of %s without throwing', (dir) => {
    const files = cardsIn(dir);
    expect(files.length).toBeGreaterThan(40);
    let checked = 0;
    for (const file of files) {
      const card = standInParse(file, readFileSync(file, 'utf8'));
      if (!card) continue;
      for (const finding of [...validateHubMetadata(card), ...checkMitchellSections(card)]) {
        expect(finding.path).toBe(file);
        expect(finding.message.length).toBeGreaterThan(10);
      }
      checked++;
    }
    expect(checked).toBeGreaterThan(files.length * 0.9);
  });

  it.each([
    ['15-rubert-base-cased-deeppavlov.md', [['card-schema', '/language/0', 3, 'error']]],
    ['17-bert-danish-botxo.md', [['card-unknown-key', '/pipeline', 13, 'warning']]],
    ['19-hfhub-fixture-invalid-model-index.md', [['card-schema', '/model-index/0/results/0/dataset', 15, 'error']]],
    ['21-wav2vec2-xlsr-th-vistec.md', [['card-schema', '/license', 10, 'error']]],
    ['22-whisper-large-v2-nob-nbailab.md', [['card-schema', '/language/0', 3, 'error']]],
    ['24-nb-bert-base-ner-nbailab.md', [['card-schema', '/language', 2, 'error']]],
    ['25-waynehills-stt-doogie.md', [['card-schema', '/model-index', 6, 'error']]],
    ['26-wav2vec-tr-lite-ag.md', [['card-schema', '/model-index/0/results/0/metrics/0/value', 24, 'error']]],
    ['28-logisgenerator-onselleuch.md', [['card-schema', '/license', 8, 'error'], ['card-schema', '/model-index/0/results', 16, 'error']]],
    ['29-wav2vec2-xlsr-vietnamese-nhut.md', [['card-schema', '/datasets/1', 5, 'error'], ['card-schema', '/datasets/2', 6, 'error']]],
    ['30-blip-captioning-base-salesforce.md', [['card-unknown-key', '/languages', 5, 'warning']]],
    ['35-prodiff-rongjiehuang.md', [['card-consistency', '/license', 2, 'warning']]],
    ['36-langdetect-ercdidip.md', [['card-unknown-key', '/tag', 3, 'warning']]],
    ['37-stable-architecture-rrustom.md', [['card-unknown-key', '/pipeline', 11, 'warning']]],
    ['39-mediaspeech-fr-hubert-espnet.md', [['card-schema', '/language', 6, 'error']]],
    ['43-t5-qa-legal-mariamd.md', [['card-schema', '/language', 2, 'error']]],
    ['41-distilbert-emotion-rezk.md', []],
    ['33-hindi-large-wav2vec2-harveenchadha.md', []],
    ['31-sgpt-125m-mteb-muennighoff.md', []],
  ])('%s', (file, expected) => {
    expect(hubFindings(file)).toEqual(expected);
  });

  it('27: uppercase license and every result without dataset', () => {
    const found = hubFindings('27-ja-gsd-bert-spacy-hiroshi.md');
    expect(found[0]).toEqual(['card-schema', '/license', 7, 'error']);
    expect(found.slice(1).map((f) => f[1])).toEqual([0, 1, 2, 3, 4].map((i) => `/model-index/0/results/${i}/dataset`));
  });

  it('gives the did-you-mean messages of the odd cards', () => {
    const message = (file: string) => validateHubMetadata(standInParse(file, readFileSync(join(CORPUS, 'model-cards', file), 'utf8'))!)[0]!.message;
    expect(message('21-wav2vec2-xlsr-th-vistec.md')).toBe("license 'cc-by-sa 4.0' is not a Hub license id; did you mean 'cc-by-sa-4.0'?");
    expect(message('15-rubert-base-cased-deeppavlov.md')).toBe("language 'russian' is a language name, not an ISO 639 code; did you mean 'ru'?");
    expect(message('17-bert-danish-botxo.md')).toBe("'pipeline' is not a key the Hub reads; did you mean 'pipeline_tag'?");
  });

  it('42: the unfilled template has empty sections at their headings', () => {
    const file = '42-lolight-template-meetmeat92.md';
    const card = standInParse(file, readFileSync(join(CORPUS, 'model-cards', file), 'utf8'))!;
    expect(checkMitchellSections(card).map((f) => [f.line, f.message])).toEqual([
      [13, "The 'Model Details' section is empty"],
      [36, "The 'Uses' section is empty"],
      [104, "The 'Factors' section is empty"],
      [110, "The 'Metrics' section is empty"],
      [96, "The 'Testing Data, Factors & Metrics' section is empty"],
      [70, "The 'Training Details' section is empty"],
      [92, "The 'Evaluation' section is empty"],
    ]);
  });

  it('01 and 06: bold and punctuated Mitchell headings count', () => {
    const sections = (file: string) => checkMitchellSections(standInParse(file, readFileSync(join(CORPUS, 'model-cards', file), 'utf8'))!).map((f) => f.message);
    expect(sections('01-llama2-meta.md')).not.toContain("The card has no 'Model Details' section");
    expect(sections('06-gpt2-openai.md')).not.toContain("The card has no 'Model Details' section");
    expect(sections('06-gpt2-openai.md')).not.toContain("The card has no 'Caveats and Recommendations' section");
  });
});
