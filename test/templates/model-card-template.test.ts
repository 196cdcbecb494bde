/** templates/model-card.md, the card `steward init` writes, must pass both built-in profiles untouched. */
import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { checkCard } from '../../src/engines/model-card/check-card.js';
import { MITCHELL_SECTIONS } from '../../src/engines/model-card/mitchell-sections.js';

const TEMPLATE = readFileSync(path.resolve(import.meta.dirname, '../../templates/model-card.md'), 'utf8');

describe('templates/model-card.md', () => {
  it.each(['huggingface', 'mitchell'] as const)('gives no finding under the %s profile', (profile) => {
    expect(checkCard(TEMPLATE, 'README.md', { profile, requiredSections: [] })).toEqual([]);
  });

  it('has the Hub fields a card should carry, as the Hub reads them', () => {
    const data = parse(TEMPLATE.split(/^---$/m)[1]!) as Record<string, unknown>;
    expect(Object.keys(data)).toEqual(expect.arrayContaining(['license', 'language', 'library_name', 'pipeline_tag', 'tags', 'datasets', 'metrics', 'base_model', 'model-index']));
  });

  it('names each Mitchell et al. section with the paper heading', () => {
    for (const section of Object.keys(MITCHELL_SECTIONS)) expect(TEMPLATE).toContain(`\n## ${section}\n`);
  });

  it('would be caught if a section lost its guidance text', () => {
    const emptied = TEMPLATE.replace(/(## Factors\n\n)[^#]*/, '$1');
    expect(checkCard(emptied, 'README.md', { profile: 'mitchell', requiredSections: [] })).toEqual([
      expect.objectContaining({ rule: 'card-section', message: "The 'Factors' section is empty" }),
    ]);
  });
});
