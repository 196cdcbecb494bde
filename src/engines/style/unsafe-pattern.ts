/**
 * Refuses regular expressions that can take exponential time (catastrophic backtracking): a group
 * that repeats (`*`, `+`, `{n,}`) while something inside it also repeats or alternates, as in
 * `^(\w+\s?)*$` or `(a|ab)*`. Config patterns are run on text a pull request's author controls
 * (title, branch name, commit messages), so one such pattern would let any contributor stall the
 * App. Conservative: a few safe patterns of that shape are refused too, with the rewrite to use.
 */

interface Group {
  /** Something inside repeats or alternates. */
  inner: boolean;
}

/** The reason the pattern is unsafe, or null. */
export function findExponentialPattern(pattern: string): string | null {
  const stack: Group[] = [{ inner: false }];
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === '\\') {
      i++;
    } else if (c === '[') {
      i = skipClass(pattern, i);
    } else if (c === '(') {
      stack.push({ inner: false });
      i = skipGroupPrefix(pattern, i);
    } else if (c === ')' && stack.length > 1) {
      const group = stack.pop()!;
      const repeats = repeatsAt(pattern, i + 1);
      if (repeats && group.inner) return 'a repeated group contains a quantifier or an alternation';
      if (repeats || group.inner) stack.at(-1)!.inner = true;
    } else if (c === '|' || repeatsAt(pattern, i) || c === '?') {
      stack.at(-1)!.inner = true;
    }
  }
  return null;
}

/** A quantifier starting at `i` that repeats its atom more than once: `*`, `+`, `{n,}`, `{n,m}` with m > 1. */
function repeatsAt(pattern: string, i: number): boolean {
  const c = pattern[i];
  if (c === '*' || c === '+') return true;
  if (c !== '{') return false;
  const bounds = /^\{(\d*)(,(\d*))?\}/.exec(pattern.slice(i));
  if (!bounds) return false;
  if (bounds[2] === undefined) return Number(bounds[1]) > 1;
  return bounds[3] === '' || Number(bounds[3]) > 1;
}

/** The index of the class's closing `]`. */
function skipClass(pattern: string, start: number): number {
  for (let i = start + 1; i < pattern.length; i++) {
    if (pattern[i] === '\\') i++;
    else if (pattern[i] === ']' && i > start + 1) return i;
  }
  return pattern.length;
}

/** Skips `?:`, `?=`, `?!`, `?<=`, `?<!`, `?<name>` after an opening parenthesis. */
function skipGroupPrefix(pattern: string, open: number): number {
  if (pattern[open + 1] !== '?') return open;
  const named = /^\?<[A-Za-z_$][\w$]*>/.exec(pattern.slice(open + 1));
  if (named) return open + named[0].length;
  const other = /^\?(?::|=|!|<=|<!)/.exec(pattern.slice(open + 1));
  return other ? open + other[0].length : open;
}
