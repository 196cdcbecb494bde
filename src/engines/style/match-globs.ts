/** Path and branch globs from config, compiled once per list. */
import picomatch from 'picomatch';

export type Matcher = (value: string) => boolean;

const NEVER: Matcher = () => false;

/** `dot: true`: a glob such as `secrets/**` must also catch `secrets/.env`. */
export function compileGlobs(patterns: readonly string[] | undefined): Matcher {
  const list = (patterns ?? []).filter((p) => p.trim() !== '');
  if (list.length === 0) return NEVER;
  return picomatch(list, { dot: true });
}

/** The first pattern of the list that matches, for messages that name it. */
export function firstMatchingGlob(patterns: readonly string[], value: string): string | null {
  for (const pattern of patterns) {
    if (picomatch.isMatch(value, pattern, { dot: true })) return pattern;
  }
  return null;
}
