import { describe, expect, it } from '@jest/globals';
import { checkMitchellSections } from '../../../../src/engines/model-card/mitchell-sections.js';
import { normaliseHeading } from '../../../../src/engines/model-card/mitchell-headings.js';
import { standInParse } from './stand-in-parse.js';

const FULL = [
  '# Model Card', '', '## Model Details', 'A model.', '## Intended Use', 'Tagging.', '## Factors', 'Dialect.',
  '## Metrics', 'F1.', '## Evaluation Data', 'Test set.', '## Training Data', 'Wiki.', '## Quantitative Analyses',
  '0.9', '## Ethical Considerations', 'None known.', '## Caveats and Recommendations', 'Check outputs.', '',
].join('\n');

function check(text: string, required?: string[]) {
  const card = standInParse('MODEL_CARD.md', text)!;
  return checkMitchellSections(card, { required }).map((f) => ({ rule: f.rule, severity: f.severity, line: f.line, message: f.message }));
}

describe('checkMitchellSections', () => {
  it('accepts a card with every section of the paper', () => {
    expect(check(FULL)).toEqual([]);
  });

  it('reports a missing section without a line', () => {
    expect(check(FULL.replace('## Factors\nDialect.\n', ''))).toEqual([
      { rule: 'card-section', severity: 'warning', line: null, message: "The card has no 'Factors' section" },
    ]);
  });

  it('matches the Hugging Face template names and other synonyms', () => {
    const text = FULL.replace('## Intended Use', '## Uses').replace('## Quantitative Analyses', '### Results:')
      .replace('## Training Data', '## Training procedure').replace('## Ethical Considerations', '## Bias, Risks, and Limitations')
      .replace('## Caveats and Recommendations', '## **Recommendations**').replace('## Model Details', '# 1. Model Details');
    expect(check(text)).toEqual([]);
  });

  it('normalises emphasis, numbering, escapes, case and trailing punctuation', () => {
    expect(normaliseHeading(' **Model Details:** ')).toBe('model details');
    expect(normaliseHeading('4.2 Intended Use.')).toBe('intended use');
    expect(normaliseHeading('Bias\\, Risks, and _Limitations_')).toBe('bias, risks, and limitations');
  });

  it('reports an empty section at its heading, counting front-matter lines', () => {
    const text = `---\nlicense: mit\n---\n${FULL.replace('Dialect.', '<!-- fill in -->\n\n[More Information Needed]')}`;
    // Front matter takes lines 1-3; '## Factors' is body line 7, so file line 10.
    expect(check(text)).toEqual([{ rule: 'card-section', severity: 'warning', line: 10, message: "The 'Factors' section is empty" }]);
  });

  it('counts a section whose subsections are all placeholders as empty, and real subsection text as content', () => {
    const empty = FULL.replace('## Intended Use\nTagging.', '## Intended Use\n### Direct Use\n[More Information Needed]\n### Out-of-Scope Use\n');
    expect(check(empty)).toEqual([expect.objectContaining({ line: 5, message: "The 'Intended Use' section is empty" })]);
    expect(check(FULL.replace('## Intended Use\nTagging.', '## Intended Use\n### Direct Use\nTagging.'))).toEqual([]);
  });

  it('ignores headings inside fenced code', () => {
    const text = FULL.replace('## Factors\nDialect.', '```\n## Factors\n```');
    expect(check(text).map((f) => f.message)).toEqual(["The card has no 'Factors' section"]);
  });

  it('adds required sections as errors, and upgrades paper sections named there', () => {
    expect(check(FULL, ['How to Get Started', 'Metrics'])).toEqual([
      { rule: 'card-section', severity: 'error', line: null, message: "The card has no 'How to Get Started' section" },
    ]);
    expect(check(FULL.replace('F1.', ''), ['metrics'])).toEqual([
      { rule: 'card-section', severity: 'error', line: 9, message: "The 'Metrics' section is empty" },
    ]);
  });
});
