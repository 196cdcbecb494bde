/** "Did you mean" for ids and keys: people misspell by case, separators and a letter or two. */

/** Lowercase, spaces and underscores as dashes, runs of dashes collapsed: how ids are usually mistyped. */
export function normaliseId(value: string): string {
  return value.trim().toLowerCase().replace(/[\s_]+/g, '-').replace(/-+/g, '-');
}

function squash(value: string): string {
  return value.toLowerCase().replace(/[^a-z0-9+]/g, '');
}

/** Levenshtein distance with an early exit once every cell exceeds `limit`. */
export function editDistance(a: string, b: string, limit = Infinity): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const cell = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      current.push(cell);
      best = Math.min(best, cell);
    }
    if (best > limit) return limit + 1;
    previous = current;
  }
  return previous[b.length]!;
}

/** Edits tolerated for a word of this length: short ids differ by one letter from other real ids. */
function tolerance(length: number): number {
  if (length <= 3) return 0;
  if (length <= 6) return 1;
  return 2;
}

/**
 * The candidate the value most likely meant, or null. Exact after normalising wins; then the
 * nearest by edit distance on the letters and digits alone, within a tolerance that grows with length.
 */
export function suggestClosest(value: string, candidates: readonly string[]): string | null {
  const normal = normaliseId(value);
  const exact = candidates.find((c) => normaliseId(c) === normal);
  if (exact !== undefined) return exact;
  const squashed = squash(value);
  if (squashed === '') return null;
  const squashedExact = candidates.find((c) => squash(c) === squashed);
  if (squashedExact !== undefined) return squashedExact;
  const limit = tolerance(squashed.length);
  let best: string | null = null;
  let bestDistance = limit + 1;
  for (const candidate of candidates) {
    const distance = editDistance(squashed, squash(candidate), limit);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}
