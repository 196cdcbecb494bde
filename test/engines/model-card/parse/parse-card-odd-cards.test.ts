/** The odd cards of model-cards/SOURCES.tsv that concern parsing: the finding a user should get, with rule, field and line. */
import { describe, expect, it } from '@jest/globals';
import { parseCard } from '../../../../src/engines/model-card/parse-card.js';
import { readOddCard } from './corpus.js';

function parse(prefix: string) {
  const { text, path } = readOddCard(prefix);
  return { card: parseCard(text, path), text, path };
}

function brief(card: ReturnType<typeof parseCard>) {
  return card.findings.map((f) => ({ rule: f.rule, severity: f.severity, line: f.line, column: f.column, field: f.field }));
}

describe('odd cards of the corpus', () => {
  it('01: no front matter gives one warning and no metadata', () => {
    const { card, text } = parse('01');
    expect(card.frontMatter).toBeNull();
    expect(brief(card)).toEqual([{ rule: 'card-front-matter', severity: 'warning', line: 1, column: 1, field: undefined }]);
    expect(card.findings[0]!.message).toMatch(/no metadata block; the Hub will show no license/);
    expect(card.body).toBe(text);
  });

  it('07: a --- that never closes is unterminated front matter, at the opening fence', () => {
    const { card } = parse('07');
    expect(card.frontMatter).toBeNull();
    expect(brief(card)).toEqual([{ rule: 'card-front-matter', severity: 'error', line: 1, column: 1, field: undefined }]);
    expect(card.findings[0]!.message).toMatch(/^unterminated front matter: the Hub sees no metadata/);
  });

  it('18: CRLF line endings: metadata read, positions on the right lines', () => {
    const { card, text } = parse('18');
    expect(text).toContain('\r\n');
    expect(card.findings).toEqual([]);
    const fm = card.frontMatter!;
    expect(fm.startLine).toBe(2);
    const lines = text.split('\n');
    const at = fm.locate('/language', { key: true })!;
    expect(lines[at.line - 1]!.slice(at.column - 1)).toMatch(/^language:/);
    const value = fm.locate('/license')!;
    expect(lines[value.line - 1]!.slice(value.column - 1).trimEnd()).toBe((fm.data as { license: string }).license);
  });

  it('20: a list instead of a mapping is refused, at the list', () => {
    const { card } = parse('20');
    expect(card.frontMatter).toBeNull();
    expect(brief(card)).toEqual([{ rule: 'card-front-matter', severity: 'error', line: 2, column: 1, field: '' }]);
    expect(card.findings[0]!.message).toMatch(/metadata must be a mapping \(key: value lines\)/);
  });

  it('22: a tab after a value is the error PyYAML raises, and `- no` under language is the boolean false', () => {
    const { card } = parse('22');
    expect(brief(card)).toEqual(expect.arrayContaining([
      { rule: 'card-yaml', severity: 'error', line: 24, column: 24, field: undefined },
      { rule: 'card-yaml', severity: 'error', line: 3, column: 3, field: '/language/0' },
    ]));
    expect(card.findings).toHaveLength(2);
    expect(card.findings.find((f) => f.line === 24)!.message).toMatch(/tab/);
    expect(card.findings.find((f) => f.line === 3)!.hint).toBe("Quote it: - 'no'");
    expect((card.frontMatter!.data as { language: unknown[] }).language).toEqual([false]);
  });

  it('23: an opening fence with a trailing space is not front matter', () => {
    const { card } = parse('23');
    expect(card.frontMatter).toBeNull();
    expect(brief(card)).toEqual([{ rule: 'card-front-matter', severity: 'error', line: 1, column: 1, field: undefined }]);
    expect(card.findings[0]!.message).toMatch(/opening '---' has spaces after it, so the Hub sees no metadata/);
  });

  it('24: language: no is Norwegian to the author and false to the Hub', () => {
    const { card } = parse('24');
    expect(brief(card)).toEqual([{ rule: 'card-yaml', severity: 'error', line: 2, column: 11, field: '/language' }]);
    expect(card.findings[0]!.message).toBe("the Hub reads `no` as the boolean false (YAML 1.1); write 'no' in quotes if you mean the text");
    expect(card.findings[0]!.hint).toBe("Quote it: language: 'no'");
    expect((card.frontMatter!.data as { language: unknown }).language).toBe(false);
  });

  it('32: a 1,220-line front matter is read whole, with positions near its end', () => {
    const { card, text } = parse('32');
    expect(card.findings).toEqual([]);
    const fm = card.frontMatter!;
    expect([fm.startLine, fm.endLine, card.bodyStartLine]).toEqual([2, 1220, 1221]);
    const index = (fm.data as { 'model-index': { results: unknown[] }[] })['model-index'];
    const last = index[0]!.results.length - 1;
    const at = fm.locate(`/model-index/0/results/${last}/dataset`, { key: true })!;
    expect(at.line).toBeGreaterThan(1150);
    expect(text.split('\n')[at.line - 1]!.slice(at.column - 1)).toMatch(/^dataset:/);
  });

  it('37: a front-matter-only file without a final newline is read', () => {
    const { card } = parse('37');
    expect(card.findings).toEqual([]);
    expect(card.body).toBe('');
    expect(Object.keys(card.frontMatter!.data as object)).toContain('pipeline');
  });

  it('38: CR CR LF line endings defeat the Hub: error with the reason and the fix', () => {
    const { card } = parse('38');
    expect(card.frontMatter).toBeNull();
    expect(brief(card)).toEqual([{ rule: 'card-front-matter', severity: 'error', line: 1, column: 1, field: undefined }]);
    expect(card.findings[0]!.message).toMatch(/will not see the metadata.*CR CR LF/);
    expect(card.findings[0]!.hint).toMatch(/line endings/);
  });

  it('40: leading blank line before the fence is allowed, and lines count from the top of the file', () => {
    const { card } = parse('40');
    expect(card.findings).toEqual([]);
    expect(card.frontMatter!.startLine).toBe(3);
    expect(card.frontMatter!.locate('/license', { key: true })).toEqual({ line: 3, column: 1 });
  });

  it('43: blank line before the closing fence', () => {
    const { card } = parse('43');
    expect(card.findings).toEqual([]);
    expect(card.frontMatter!.data).toMatchObject({ language: 'english', pipeline_tag: 'question-answering' });
  });
});
