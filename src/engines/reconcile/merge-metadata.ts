/**
 * Three-way merge of model metadata (research §4 D), per key as Automerge merges maps, except that
 * a real disagreement is kept as a conflict {path, base, ours, theirs} instead of a silent winner.
 * "ours" is upstream, "theirs" the fork. Not JSON Merge Patch: null is a value like any other,
 * and lists of identified mappings merge element by element. The result shares unchanged values
 * with the inputs.
 */
import type { MergeConflict, MergeResult } from './types.js';
import { keyLists, orderIdentities, type KeyedList } from './merge-lists.js';
import { isMapping, ownValue, pickSide, pointerStep, type Mapping } from './merge-values.js';

export interface MergeOptions {
  /** Keys that identify the elements of a list of mappings, tried in order. */
  identityKeys: string[];
}

interface Context {
  identityKeys: readonly string[];
  conflicts: MergeConflict[];
}

/** Defined, not assigned: a "__proto__" key in the metadata stays a key. */
function setOwn(target: Mapping, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

/** The merged value at one place; undefined means the key (or element) is gone. */
function mergeAt(path: string, base: unknown, ours: unknown, theirs: unknown, context: Context): unknown {
  const side = pickSide(base, ours, theirs);
  if (side === 'ours') return ours;
  if (side === 'theirs') return theirs;
  if (isMapping(ours) && isMapping(theirs)) return mergeMappings(path, isMapping(base) ? base : {}, ours, theirs, context);
  const keyed = keyLists(base, ours, theirs, context.identityKeys);
  if (keyed) return mergeKeyedLists(path, keyed, context);
  context.conflicts.push({ path, base, ours, theirs });
  return ours; // ours (upstream) stays until someone decides
}

function mergeMappings(path: string, base: Mapping, ours: Mapping, theirs: Mapping, context: Context): Mapping {
  const merged: Mapping = {};
  const keys = [...Object.keys(ours), ...Object.keys(theirs).filter((key) => !Object.hasOwn(ours, key))];
  for (const key of keys) {
    const value = mergeAt(pointerStep(path, key), ownValue(base, key), ownValue(ours, key), ownValue(theirs, key), context);
    if (value !== undefined) setOwn(merged, key, value);
  }
  return merged;
}

/** Whether an element is in the merged list, decided before merging so conflict paths can use its index. */
function survives(base: unknown, ours: unknown, theirs: unknown): boolean {
  return pickSide(base, ours, theirs) === 'theirs' ? theirs !== undefined : ours !== undefined;
}

/**
 * Conflict paths index the merged list; an element the merge left out (ours deleted it, theirs
 * changed it) is indexed as in theirs, where it still is.
 */
function mergeKeyedLists(path: string, lists: { base: KeyedList; ours: KeyedList; theirs: KeyedList }, context: Context): unknown[] {
  const merged: unknown[] = [];
  const theirsOrder = [...lists.theirs.entries.keys()];
  for (const id of orderIdentities(lists.ours, lists.theirs)) {
    const [base, ours, theirs] = [lists.base, lists.ours, lists.theirs].map((list) => list.entries.get(id));
    const index = survives(base, ours, theirs) ? merged.length : theirsOrder.indexOf(id);
    const value = mergeAt(pointerStep(path, index), base, ours, theirs, context);
    if (value !== undefined) merged.push(value);
  }
  return merged;
}

/** Merges what upstream (ours) and a fork (theirs) each changed since their merge base. */
export function mergeMetadata(
  base: Record<string, unknown>,
  ours: Record<string, unknown>,
  theirs: Record<string, unknown>,
  { identityKeys }: MergeOptions = { identityKeys: ['version', 'id', 'name'] },
): MergeResult {
  const context: Context = { identityKeys, conflicts: [] };
  const merged = mergeAt('', base, ours, theirs, context);
  return { merged: isMapping(merged) ? merged : {}, conflicts: context.conflicts };
}
