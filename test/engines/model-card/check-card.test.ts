import { describe, expect, it } from '@jest/globals';
import { checkCard } from '../../../src/engines/model-card/check-card.js';

const card = [
  '---',
  'license: cc-by-sa 4.0',
  'pipeline_tag: text-classification',
  '---',
  '# My model',
  '',
  '## Intended Use',
  '',
  'Sentiment of movie reviews.',
  '',
  '## Limitations',
  '',
  '<!-- to do -->',
  '',
].join('\n');

describe('checkCard', () => {
  it('runs the huggingface profile on the front matter, at the line of the value', () => {
    const findings = checkCard(card, 'README.md', { profile: 'huggingface', requiredSections: [] });
    expect(findings).toEqual([
      expect.objectContaining({ check: 'model-card', rule: 'card-schema', field: '/license', line: 2, path: 'README.md' }),
    ]);
    expect(findings[0]!.message).toContain("did you mean 'cc-by-sa-4.0'?");
  });

  it('checks only the required sections outside the mitchell profile', () => {
    const findings = checkCard(card, 'README.md', { profile: 'none', requiredSections: ['Intended Use', 'Limitations', 'Training Data'] });
    expect(findings.map((f) => [f.rule, f.severity, f.message, f.line])).toEqual([
      ['card-section', 'error', "The 'Limitations' section is empty", 11],
      ['card-section', 'error', "The card has no 'Training Data' section", null],
    ]);
  });

  it('asks for every section of the paper under the mitchell profile', () => {
    const findings = checkCard(card, 'README.md', { profile: 'mitchell', requiredSections: [] });
    const missing = findings.filter((f) => f.rule === 'card-section').map((f) => f.message);
    expect(missing).toContain("The card has no 'Model Details' section");
    expect(missing).not.toContain("The card has no 'Intended Use' section");
    expect(findings.some((f) => f.rule === 'card-schema')).toBe(false);
  });

  it('reports a card without front matter under every profile, and never throws on binary bytes', () => {
    expect(checkCard('# Just a title\n', 'README.md', { profile: 'none', requiredSections: [] }).map((f) => f.rule)).toEqual(['card-front-matter']);
    expect(() => checkCard('\u0000\u0001---\n\u0000: x\n---\n', 'x.md', { profile: 'huggingface', requiredSections: [] })).not.toThrow();
  });
});

describe('checkCard on a value the parser already explained', () => {
  it('reports an unquoted `language: no` once, as the YAML 1.1 reading it is', () => {
    const findings = checkCard('---\nlicense: mit\nlanguage: no\n---\n# Norsk modell\n', 'README.md', { profile: 'huggingface', requiredSections: [] });
    expect(findings.map((f) => [f.rule, f.field, f.line])).toEqual([['card-yaml', '/language', 3]]);
  });
});
