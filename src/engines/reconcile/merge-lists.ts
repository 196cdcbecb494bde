/**
 * Lists of mappings that carry an identity key (e.g. a `versions:` list keyed by `version`) merge
 * as maps keyed by it, never by index: two forks that each add a version must both keep theirs.
 */
import { isMapping, type Mapping } from './merge-values.js';

export interface KeyedList {
  /** canonical identity value -> element, in list order */
  entries: Map<string, Mapping>;
}

/** JSON text keeps 1 and "1" apart, as YAML does. */
function identityOf(element: Mapping, key: string): string {
  return JSON.stringify(element[key]);
}

function isScalar(value: unknown): boolean {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
}

function keyList(list: unknown, key: string): KeyedList | null {
  if (!Array.isArray(list)) return null;
  const entries = new Map<string, Mapping>();
  for (const element of list) {
    if (!isMapping(element) || !isScalar(element[key])) return null;
    const identity = identityOf(element, key);
    if (entries.has(identity)) return null; // two elements with one identity cannot be told apart
    entries.set(identity, element);
  }
  return { entries };
}

/**
 * The identity key that keys both ours and theirs (the first of `identityKeys` that fits), with
 * each side keyed by it; the base is keyed too, or empty when it was no such list. Null: merge
 * the lists as whole values.
 */
export function keyLists(
  base: unknown, ours: unknown, theirs: unknown, identityKeys: readonly string[],
): { base: KeyedList; ours: KeyedList; theirs: KeyedList } | null {
  if (!Array.isArray(ours) || !Array.isArray(theirs) || (ours.length === 0 && theirs.length === 0)) return null;
  for (const key of identityKeys) {
    const keyedOurs = keyList(ours, key);
    const keyedTheirs = keyedOurs && keyList(theirs, key);
    if (keyedOurs && keyedTheirs) {
      return { base: keyList(base, key) ?? { entries: new Map() }, ours: keyedOurs, theirs: keyedTheirs };
    }
  }
  return null;
}

/** Ours' order first, then what theirs added, as the merged list shows them. */
export function orderIdentities(ours: KeyedList, theirs: KeyedList): string[] {
  return [...ours.entries.keys(), ...[...theirs.entries.keys()].filter((id) => !ours.entries.has(id))];
}
