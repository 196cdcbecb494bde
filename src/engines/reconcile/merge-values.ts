/** Value helpers shared by the three-way merge: plain mappings, deep equality, JSON Pointer steps. */

export type Mapping = Record<string, unknown>;

export function isMapping(value: unknown): value is Mapping {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Deep equality of parsed YAML/JSON: key order does not matter, list order does. */
export function isEqualValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((item, i) => isEqualValue(item, b[i]));
  }
  if (!isMapping(a) || !isMapping(b)) return Number.isNaN(a) && Number.isNaN(b);
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((key) => Object.hasOwn(b, key) && isEqualValue(a[key], b[key]));
}

/** One JSON Pointer step (RFC 6901: "~" and "/" escaped). */
export function pointerStep(path: string, key: string | number): string {
  return `${path}/${String(key).replace(/~/g, '~0').replace(/\//g, '~1')}`;
}

/** Reads an own key; undefined means absent (parsed YAML/JSON never holds undefined). */
export function ownValue(container: unknown, key: string): unknown {
  return isMapping(container) && Object.hasOwn(container, key) ? container[key] : undefined;
}

/** Which side a three-way merge takes at one place, when the answer needs no recursion. */
export type Pick = 'ours' | 'theirs' | 'undecided';

export function pickSide(base: unknown, ours: unknown, theirs: unknown): Pick {
  if (isEqualValue(ours, theirs) || isEqualValue(base, theirs)) return 'ours';
  if (isEqualValue(base, ours)) return 'theirs';
  return 'undecided';
}
