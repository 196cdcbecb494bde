/**
 * Version order for model metadata, GTO's rule: SemVer 2.0 precedence first (a leading v/V is
 * ignored, partial versions are padded with zeros, build metadata ignored), then every non-SemVer
 * string in code-unit order, then null (no version) last. A total preorder, so it sorts safely.
 */

interface SemVer {
  core: [string, string, string];
  pre: string[];
}

const NUMERIC = /^(?:0|[1-9]\d*)$/;
// SemVer 2.0's grammar with an optional v/V and optional minor and patch ("1.2" is 1.2.0).
const SEMVER = /^[vV]?(0|[1-9]\d*)(?:\.(0|[1-9]\d*))?(?:\.(0|[1-9]\d*))?(?:-((?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\.(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?(?:\+[0-9a-zA-Z-]+(?:\.[0-9a-zA-Z-]+)*)?$/;

function parseSemver(version: string): SemVer | null {
  const match = SEMVER.exec(version);
  if (!match) return null;
  // A pre-release needs the full major.minor.patch, as SemVer writes it; "1.2-beta" is not a version.
  if (match[4] !== undefined && match[3] === undefined) return null;
  return { core: [match[1]!, match[2] ?? '0', match[3] ?? '0'], pre: match[4]?.split('.') ?? [] };
}

/** True for the versions SemVer (with the allowances above) can order. */
export function isSemver(version: string): boolean {
  return parseSemver(version) !== null;
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Numbers of any size, without leading zeros: the longer one is larger. */
function compareDigits(a: string, b: string): number {
  return a.length - b.length || compareText(a, b);
}

function compareIdentifier(a: string, b: string): number {
  const aNumeric = NUMERIC.test(a);
  const bNumeric = NUMERIC.test(b);
  if (aNumeric && bNumeric) return compareDigits(a, b);
  if (aNumeric !== bNumeric) return aNumeric ? -1 : 1;
  return compareText(a, b);
}

function comparePre(a: string[], b: string[]): number {
  if (a.length === 0 || b.length === 0) return b.length - a.length; // a release sorts above its pre-releases
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const order = compareIdentifier(a[i]!, b[i]!);
    if (order !== 0) return order;
  }
  return a.length - b.length;
}

function compareSemver(a: SemVer, b: SemVer): number {
  for (let i = 0; i < 3; i++) {
    const order = compareDigits(a.core[i]!, b.core[i]!);
    if (order !== 0) return order;
  }
  return comparePre(a.pre, b.pre);
}

/** Negative when a comes first (is older), positive when later, 0 when of equal precedence. */
export function compareVersions(a: string | null, b: string | null): number {
  if (a === null || b === null) return (a === null ? 1 : 0) - (b === null ? 1 : 0);
  const semA = parseSemver(a);
  const semB = parseSemver(b);
  if (semA && semB) return Math.sign(compareSemver(semA, semB));
  if (semA || semB) return semA ? -1 : 1;
  return compareText(a, b);
}
