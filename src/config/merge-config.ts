/**
 * How config layers combine (`_extends`, then the built-in defaults): mappings merge key by key,
 * everything else, lists included, is replaced by the upper layer. Lists are replaced, not
 * concatenated, so that a repository can shorten an inherited list (e.g. `forbidden-paths.paths`);
 * to extend one, write it out in full.
 */
import { RESERVED_KEYS } from './check-yaml-document.js';

export function isMapping(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A deep copy; reserved keys (__proto__ and friends) are never copied, so nothing reaches a prototype. */
export function cloneConfigValue<T>(value: T): T {
  if (Array.isArray(value)) return value.map((item) => cloneConfigValue(item)) as T;
  if (!isMapping(value)) return value;
  const out: Record<string, unknown> = {};
  for (const [key, child] of Object.entries(value)) {
    if (!RESERVED_KEYS.has(key)) out[key] = cloneConfigValue(child);
  }
  return out as T;
}

/** `upper` over `lower`; neither is changed. */
export function mergeConfig(lower: unknown, upper: unknown): unknown {
  if (!isMapping(lower) || !isMapping(upper)) return cloneConfigValue(upper === undefined ? lower : upper);
  const out = cloneConfigValue(lower);
  for (const [key, value] of Object.entries(upper)) {
    if (RESERVED_KEYS.has(key)) continue;
    out[key] = key in out ? mergeConfig(out[key], value) : cloneConfigValue(value);
  }
  return out;
}
