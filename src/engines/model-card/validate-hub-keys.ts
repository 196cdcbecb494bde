/** card-unknown-key: keys that look like a misspelt Hub key. Other custom keys are the author's own. */
import type { Finding } from '../findings.js';
import { hubFinding, toPointer } from './hub-finding.js';
import { HUB_MODEL_CARD_KEYS, KEY_MISSPELLINGS } from './hub-known-keys.js';
import { suggestClosest } from './suggest-closest.js';
import type { ParsedCard } from './types.js';

const KNOWN = new Set(HUB_MODEL_CARD_KEYS);

/** The known key `key` most likely stands for, or null when it is a custom key or already known. */
export function intendedKey(key: string): string | null {
  if (KNOWN.has(key)) return null;
  const squashed = key.trim().toLowerCase().replace(/[\s-]+/g, '_');
  const listed = KEY_MISSPELLINGS[squashed] ?? KEY_MISSPELLINGS[squashed.replace(/_/g, '')];
  if (listed) return listed;
  return suggestClosest(key, HUB_MODEL_CARD_KEYS);
}

function rendered(value: unknown): string {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? ` ${String(value)}` : '';
}

export function checkHubKeys(card: ParsedCard, data: Record<string, unknown>): Finding[] {
  return Object.entries(data).flatMap(([key, value]) => {
    const intended = intendedKey(key);
    if (!intended) return [];
    const also = intended in data ? ` (the card also has '${intended}'; merge the two)` : '';
    return [hubFinding(card, {
      rule: 'card-unknown-key',
      severity: 'warning',
      field: toPointer(key),
      atKey: true,
      message: `'${key}' is not a key the Hub reads; did you mean '${intended}'?${also}`,
      hint: `Rename the key. Write: ${intended}:${rendered(value)}`,
    })];
  });
}
