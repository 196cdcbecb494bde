/**
 * The fast reader against `yaml` and the card engine on every card of the shared corpus: where it
 * reads a card at all, it reads exactly the same data, positions and model as the full path.
 */
import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { corpusFiles } from '../model-card/parse/corpus.js';
import { splitFrontMatter } from '../../../src/engines/model-card/parse-split-front-matter.js';
import { readCardFast, readCardFull } from '../../../src/engines/reconcile/read-card.js';
import { compareWithYaml } from './fast-yaml-compare.js';

const options = { idField: 'id', versionField: 'version' };
const cards = [...corpusFiles('model-cards'), ...corpusFiles('hf-cards-sample')];

describe('fast card reader on the shared corpus', () => {
  it('reads every corpus card it accepts exactly as the card engine does', () => {
    let accepted = 0;
    for (const file of cards) {
      const text = readFileSync(file, 'utf8');
      const meta = { path: `models/${basename(file, '.md')}/README.md`, text, blob: 'b10b', kind: 'card' as const };
      const fast = readCardFast(meta, options);
      if (fast === null) continue;
      accepted++;
      expect([file, fast]).toEqual([file, readCardFull(meta, options)]);
      const fence = splitFrontMatter(text);
      if (fence.kind === 'found') expect(compareWithYaml(text.slice(fence.contentStart, fence.contentEnd), 'card')).toBe('same');
    }
    // Most Hub cards are plain block YAML; a reader that declined them all would prove nothing.
    expect(accepted).toBeGreaterThan(cards.length / 2);
  });
});
