/**
 * A .gitattributes reader for the two attributes the style rules need: `linguist-generated`
 * (pr-size) and `filter=lfs` (large-files). Matching follows gitattributes(5): a pattern without
 * a slash matches the file name at any depth, one with a slash is anchored to the root, and the
 * last line that sets an attribute wins.
 */
import picomatch from 'picomatch';

/** true: set (`attr`), false: unset (`-attr`), null: unspecified (`!attr`), string: `attr=value`. */
export type AttributeValue = string | boolean | null;

export interface AttributeLine {
  pattern: string;
  matches: (path: string) => boolean;
  attributes: ReadonlyMap<string, AttributeValue>;
}

export interface AttributeMatch {
  value: AttributeValue;
  /** The pattern of the line that decided the value, as written. */
  pattern: string;
}

// fnmatch has neither braces nor extglobs, so `{` and `+(` are literal characters in git.
const GLOB_OPTIONS = { dot: true, nobrace: true, noextglob: true } as const;

export function parseGitattributes(text: string | null): AttributeLine[] {
  if (!text) return [];
  const lines: AttributeLine[] = [];
  for (const raw of text.split(/\r?\n/)) {
    const line = parseLine(raw.trim());
    if (line) lines.push(line);
  }
  return lines;
}

function parseLine(line: string): AttributeLine | null {
  if (line === '' || line.startsWith('#') || line.startsWith('[attr]')) return null;
  const [pattern, rest] = splitPattern(line);
  // git rejects negative patterns in .gitattributes; a pattern ending in '/' names a directory, never a file.
  if (pattern === '' || pattern.startsWith('!') || pattern.endsWith('/')) return null;
  const attributes = new Map<string, AttributeValue>();
  for (const token of rest.split(/\s+/).filter(Boolean)) {
    const [name, value] = parseToken(token);
    if (name) attributes.set(name, value);
  }
  return { pattern, matches: compilePattern(pattern), attributes };
}

/** A pattern may be C-quoted when it holds spaces: `"my file.bin" filter=lfs`. */
function splitPattern(line: string): [string, string] {
  if (line.startsWith('"')) {
    for (let i = 1; i < line.length; i++) {
      if (line[i] === '\\') i++;
      else if (line[i] === '"') return [line.slice(1, i).replace(/\\(.)/g, '$1'), line.slice(i + 1)];
    }
  }
  const space = line.search(/\s/);
  return space === -1 ? [line, ''] : [line.slice(0, space), line.slice(space + 1)];
}

function parseToken(token: string): [string, AttributeValue] {
  if (token.startsWith('-')) return [token.slice(1), false];
  if (token.startsWith('!')) return [token.slice(1), null];
  const eq = token.indexOf('=');
  return eq === -1 ? [token, true] : [token.slice(0, eq), token.slice(eq + 1)];
}

function compilePattern(pattern: string): (path: string) => boolean {
  const anchored = pattern.includes('/');
  const glob = pattern.startsWith('/') ? pattern.slice(1) : pattern;
  const isMatch = picomatch(glob, GLOB_OPTIONS);
  if (anchored) return (path) => isMatch(path);
  return (path) => isMatch(path.slice(path.lastIndexOf('/') + 1));
}

/** The value of one attribute for a path: the last line that matches and mentions it. */
export function attributeFor(lines: readonly AttributeLine[], path: string, name: string): AttributeMatch | null {
  for (let i = lines.length - 1; i >= 0; i--) {
    const line = lines[i]!;
    if (line.attributes.has(name) && line.matches(path)) return { value: line.attributes.get(name)!, pattern: line.pattern };
  }
  return null;
}

/** linguist-generated set or `=true`; `-linguist-generated` and `=false` turn it back off. */
export function isGenerated(lines: readonly AttributeLine[], path: string): boolean {
  const match = attributeFor(lines, path, 'linguist-generated');
  return match !== null && (match.value === true || match.value === 'true');
}

/** The pattern that routes the path through Git LFS, or null. */
export function lfsPatternFor(lines: readonly AttributeLine[], path: string): string | null {
  const match = attributeFor(lines, path, 'filter');
  return match !== null && match.value === 'lfs' ? match.pattern : null;
}
