import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { parseCard } from '../../../../src/engines/model-card/parse-card.js';
import type { ParsedCard } from '../../../../src/engines/model-card/types.js';
import { corpusFiles } from './corpus.js';

function problemsOf(card: ParsedCard, text: string, path: string): string[] {
  const problems: string[] = [];
  if (card.path !== path) problems.push('path');
  if (!text.endsWith(card.body)) problems.push('body is not the end of the file');
  for (const f of card.findings) {
    if (f.check !== 'model-card' || !['card-front-matter', 'card-yaml'].includes(f.rule)) problems.push(`finding ${f.rule}`);
    if (f.line !== null && (f.line < 1 || (f.column ?? 0) < 1)) problems.push(`position ${f.line}:${f.column}`);
    if (!f.message || !f.hint) problems.push('finding without message or hint');
  }
  const fm = card.frontMatter;
  if (fm) {
    if (typeof fm.data !== 'object' || fm.data === null || Array.isArray(fm.data)) problems.push('data is not a mapping');
    if (!(fm.startLine <= fm.endLine && fm.endLine <= card.bodyStartLine)) problems.push(`lines ${fm.startLine} ${fm.endLine} ${card.bodyStartLine}`);
    for (const key of Object.keys(fm.data as object)) {
      const at = fm.locate('/' + key.replace(/~/g, '~0').replace(/\//g, '~1'), { key: true });
      if (!at || at.line < fm.startLine || at.line >= fm.endLine) problems.push(`locate ${key}`);
    }
  }
  return problems;
}

describe('parseCard on the corpus', () => {
  it('reads every card of model-cards/ and hf-cards-sample/ without throwing, into a well-formed result', () => {
    const files = [...corpusFiles('model-cards'), ...corpusFiles('hf-cards-sample')];
    expect(files.length).toBeGreaterThan(1000);
    const problems: string[] = [];
    let withMetadata = 0;
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      const card = parseCard(text, file);
      if (card.frontMatter) withMetadata++;
      problems.push(...problemsOf(card, text, file).map((p) => `${file}: ${p}`));
    }
    expect(problems).toEqual([]);
    // Most Hub cards carry metadata: a splitter that found none would pass the loop above.
    expect(withMetadata).toBeGreaterThan(900);
  });
});
