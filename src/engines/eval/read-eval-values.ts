/**
 * Small readers for the raw `evaluation` section. The schema has already checked types when the
 * section comes from `.github/steward.yml`, but the section may also come from an organisation's
 * file or a test, so every reader falls back to the default instead of trusting the shape.
 */
export type Section = Record<string, unknown>;

export function sectionOf(value: unknown): Section {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Section) : {};
}

export function listOf(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

export function textOr(value: unknown, fallback: string): string {
  return typeof value === 'string' && value.trim() !== '' ? value : fallback;
}

export function numberOr(value: unknown, fallback: number, minimum = 0): number {
  return typeof value === 'number' && Number.isFinite(value) && value >= minimum ? value : fallback;
}

export function textsOr(value: unknown, fallback: string[]): string[] {
  if (typeof value === 'string' && value.trim() !== '') return [value];
  if (!Array.isArray(value)) return fallback;
  return value.filter((v): v is string => typeof v === 'string' && v.trim() !== '');
}

export function oneOf<T extends string>(value: unknown, allowed: readonly T[], fallback: T, key: string, problems: string[]): T {
  if (value === undefined || value === null) return fallback;
  if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return value as T;
  problems.push(`evaluation.${key} is ${JSON.stringify(value)}; use one of ${allowed.join(', ')} (default ${fallback})`);
  return fallback;
}

/** Names listed more than once, in first-seen order. */
export function findTwice(names: readonly string[]): string[] {
  return [...new Set(names.filter((n, i) => names.indexOf(n) !== i))];
}
