/**
 * Where upstream and a fork differ, as conflicts: used when both published the same version with
 * other content, where even changes a merge could combine are the problem to show.
 */
import type { MergeConflict } from './types.js';
import { isEqualValue, isMapping, ownValue, pointerStep } from './merge-values.js';

function diffAt(path: string, base: unknown, ours: unknown, theirs: unknown, out: MergeConflict[]): void {
  if (isEqualValue(ours, theirs)) return;
  if (!isMapping(ours) || !isMapping(theirs)) {
    out.push({ path, base, ours, theirs });
    return;
  }
  const keys = [...Object.keys(ours), ...Object.keys(theirs).filter((key) => !Object.hasOwn(ours, key))];
  for (const key of keys) {
    diffAt(pointerStep(path, key), ownValue(base, key), ownValue(ours, key), ownValue(theirs, key), out);
  }
}

/** Every leaf (or list, as a whole) where ours and theirs differ, with the base's value there. */
export function diffMetadata(base: unknown, ours: Record<string, unknown>, theirs: Record<string, unknown>): MergeConflict[] {
  const out: MergeConflict[] = [];
  diffAt('', base, ours, theirs, out);
  return out;
}
