/** The huggingface profile: a model card's front matter against what the Hub reads and accepts. */
import type { Finding } from '../findings.js';
import { checkHubConsistency } from './validate-hub-consistency.js';
import { checkHubKeys } from './validate-hub-keys.js';
import { checkHubStructure } from './validate-hub-schema.js';
import { checkHubValues } from './validate-hub-values.js';
import type { ParsedCard } from './types.js';

/**
 * card-schema, card-consistency and card-unknown-key findings, in front-matter order. A card without
 * usable front matter gets none here: the parser already reported why (card-front-matter, card-yaml).
 */
export function validateHubMetadata(card: ParsedCard): Finding[] {
  const data = card.frontMatter?.data;
  if (data === null || typeof data !== 'object' || Array.isArray(data)) return [];
  const record = data as Record<string, unknown>;
  const findings = [
    ...checkHubKeys(card, record),
    ...checkHubStructure(card, record),
    ...checkHubValues(card, record),
    ...checkHubConsistency(card, record),
  ];
  return findings.sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
}
