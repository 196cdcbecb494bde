/**
 * Which directories to list in every fork so a model only a fork holds is still found: each glob's
 * literal prefix, listed as deep as the glob reaches (two levels for `**`), and its literal paths.
 */
import picomatch from 'picomatch';

export interface DirectoryListing {
  /** Repository-relative directory; '' for the root. */
  prefix: string;
  /** Levels of entries below the prefix to list (1 = the prefix's own entries). */
  depth: number;
}

export interface GlobPlan {
  matches: (path: string) => boolean;
  listings: DirectoryListing[];
  /** Globs without wildcards: asked for directly in every fork. */
  literals: string[];
}

/** Deeper listings grow the answer geometrically; a `**` glob beyond this is read through upstream's paths only. */
const MAX_DEPTH = 4;
const GLOBSTAR_DEPTH = 2;
const WILDCARD = /[*?[\]{}()!+@]/;

export function planGlobs(globs: readonly string[]): GlobPlan {
  const list = globs.filter((g) => g.trim() !== '');
  const matcher = list.length ? picomatch([...list], { dot: true }) : () => false;
  const depths = new Map<string, number>();
  const literals: string[] = [];
  for (const glob of list) {
    const segments = glob.replace(/^\.?\//, '').split('/');
    const first = segments.findIndex((s) => WILDCARD.test(s));
    if (first < 0) {
      literals.push(segments.join('/'));
      continue;
    }
    const rest = segments.slice(first);
    const depth = Math.min(MAX_DEPTH, rest.includes('**') ? Math.max(GLOBSTAR_DEPTH, rest.length) : rest.length);
    const prefix = segments.slice(0, first).join('/');
    depths.set(prefix, Math.max(depth, depths.get(prefix) ?? 0));
  }
  const listings = [...depths].map(([prefix, depth]) => ({ prefix, depth }));
  return { matches: (path) => matcher(path), listings, literals };
}

/** Whether one of the listings reaches `path`, so it needs no alias of its own. */
export function isListed(plan: GlobPlan, path: string): boolean {
  return plan.listings.some(({ prefix, depth }) => {
    if (prefix !== '' && !path.startsWith(`${prefix}/`)) return false;
    const below = prefix === '' ? path : path.slice(prefix.length + 1);
    return below.split('/').length <= depth;
  });
}
