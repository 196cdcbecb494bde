/** Content identity of metadata: equal content gives an equal hash, whatever the key order or formatting. */
import { createHash } from 'node:crypto';

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (typeof value !== 'object' || value === null) return value;
  const sorted: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort()) {
    Object.defineProperty(sorted, key, { value: sortKeys((value as Record<string, unknown>)[key]), enumerable: true });
  }
  return sorted;
}

/** A canonical array index ("0", "7", not "07"): JS objects list these first, in numeric order. */
const INDEX_KEY = /^(?:0|[1-9]\d{0,9})$/;

/** Object.keys of the object sortKeys builds: index keys ascending, then the rest in code-unit order. */
function orderKeys(keys: string[]): string[] {
  keys.sort();
  if (!keys.some((k) => INDEX_KEY.test(k) && Number(k) < 4294967295)) return keys;
  const isIndex = (k: string): boolean => INDEX_KEY.test(k) && Number(k) < 4294967295;
  return [...keys.filter(isIndex).sort((a, b) => Number(a) - Number(b)), ...keys.filter((k) => !isIndex(k))];
}

/** JSON.stringify escapes quotes, backslashes, control characters and lone surrogates; other text is itself. */
const NEEDS_ESCAPE = /["\\\u0000-\u001f\ud800-\udfff]/;

function quote(text: string): string {
  return NEEDS_ESCAPE.test(text) ? JSON.stringify(text) : `"${text}"`;
}

/** Not writable by the fast writer: JSON.stringify's own rules (toJSON, undefined, bigint…) then apply. */
const DECLINE = Symbol('decline');

/** Parsed YAML/JSON as the fast writer handles it: plain objects, arrays, strings, numbers, booleans, null. */
function writeFast(value: unknown): string | typeof DECLINE {
  if (typeof value === 'string') return quote(value);
  if (typeof value === 'boolean' || value === null) return String(value);
  if (typeof value === 'number') return Number.isFinite(value) ? JSON.stringify(value) : 'null';
  if (Array.isArray(value)) {
    let out = '[';
    for (let i = 0; i < value.length; i++) {
      const item = writeFast(value[i]);
      if (item === DECLINE) return DECLINE;
      out += i > 0 ? `,${item}` : item;
    }
    return `${out}]`;
  }
  if (typeof value !== 'object' || Object.getPrototypeOf(value) !== Object.prototype) return DECLINE;
  let out = '{';
  for (const key of orderKeys(Object.keys(value))) {
    const item = writeFast((value as Record<string, unknown>)[key]);
    if (item === DECLINE) return DECLINE;
    out += `${out.length > 1 ? ',' : ''}${quote(key)}:${item}`;
  }
  return `${out}}`;
}

/** JSON with every mapping's keys sorted (code-unit order), lists kept in order. */
export function canonicalJson(value: unknown): string {
  const fast = writeFast(value);
  return fast !== DECLINE ? fast : JSON.stringify(sortKeys(value)) ?? 'null';
}

export function hashContent(value: unknown): string {
  return createHash('sha256').update(canonicalJson(value)).digest('hex');
}
