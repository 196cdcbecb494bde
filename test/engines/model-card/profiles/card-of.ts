/** Builds a ParsedCard from front-matter lines: YAML line 1 is file line 2. */
import type { ParsedCard } from '../../../../src/engines/model-card/types.js';
import { standInParse } from './stand-in-parse.js';

export function cardOf(yaml: string, body = '# Model\n'): ParsedCard {
  const card = standInParse('README.md', `---\n${yaml}\n---\n${body}`);
  if (!card) throw new Error(`stand-in could not parse:\n${yaml}`);
  return card;
}
