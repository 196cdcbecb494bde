/**
 * A reader for the plain block YAML that registry files and front matter almost always are (`key:
 * value` lines, `- ` lists, one-line `[a, b]` lists, simple quotes), many times faster than `yaml`
 * with positions. It reads exactly what `yaml` reads or declines (null): anchors, tags, block
 * scalars, comments after values, multi-line scalars, duplicate keys, tabs, CR are left to `yaml`,
 * never guessed. test/engines/reconcile/read-fast-yaml*.test.ts compare both (fast-check, corpus).
 */
import { isSimplePlain, readSimpleQuoted, resolvePlain, type ScalarValue, type YamlFlavour } from './read-fast-scalar.js';
import { readFlowLine } from './read-fast-flow.js';

/** A node and where it starts (1-based line and column in the parsed text), as `yaml`'s range[0]. */
export type FastNode =
  | { kind: 'scalar'; value: ScalarValue; source: string; line: number; column: number }
  | { kind: 'map'; pairs: FastPair[]; line: number; column: number }
  | { kind: 'seq'; items: FastNode[]; line: number; column: number };

export interface FastPair {
  key: string;
  line: number;
  column: number;
  value: FastNode;
}

/** Characters accepted anywhere: printable ASCII, LF, and BMP text without a no-break space, line or paragraph separators or a BOM. */
const UNSAFE = /[^\n\x20-\x7E\u00A1-\u2027\u202A-\uD7FF\uE000-\uFEFE\uFF00-\uFFFD]/;
const MAX_CHARS = 64 * 1024;
const KEY = /^([A-Za-z0-9_][A-Za-z0-9_./+-]*):(?: +|$)/;

class Decline extends Error {}

interface Line {
  indent: number;
  text: string;
  number: number;
}

/** Content lines (blank lines and whole-line comments left out), or null when the text is not in the subset. */
function splitLines(text: string): Line[] | null {
  if (text.length > MAX_CHARS || UNSAFE.test(text)) return null;
  const lines: Line[] = [];
  const raw = text.split('\n');
  for (let i = 0; i < raw.length; i++) {
    const line = raw[i]!;
    const indent = line.search(/[^ ]/);
    if (indent === -1 || line[indent] === '#') continue;
    if (line.endsWith(' ') || (indent === 0 && /^(?:---|\.\.\.|%)/.test(line))) return null;
    lines.push({ indent, text: line.slice(indent), number: i + 1 });
  }
  return lines;
}

class Reader {
  at = 0;
  constructor(readonly lines: Line[], readonly flavour: YamlFlavour) {}

  peek = (): Line | undefined => this.lines[this.at];

  /** A block collection whose first line is the next one, at exactly `indent`. */
  block(indent: number): FastNode {
    const line = this.peek();
    if (!line || line.indent !== indent) throw new Decline();
    return isItem(line.text) ? this.seq(indent) : this.map(indent, line.indent, line.text);
  }

  seq(indent: number): FastNode {
    const first = this.peek()!;
    const items: FastNode[] = [];
    for (let line = this.peek(); line && line.indent === indent && isItem(line.text); line = this.peek()) {
      const rest = line.text.slice(2).replace(/^ +/, '');
      const column = indent + line.text.length - rest.length;
      if (line.text === '-' || rest.length === 0 || isItem(rest)) throw new Decline();
      if (KEY.test(rest)) items.push(this.map(column, column, rest));
      else {
        this.at++;
        items.push(this.inline(rest, line.number, column + 1, indent));
      }
    }
    return { kind: 'seq', items, line: first.number, column: indent + 1 };
  }

  /** A block mapping at `indent`; its first pair may sit after a `- ` (then `column` is where its key starts). */
  map(indent: number, column: number, firstText: string): FastNode {
    const first = this.peek()!;
    const pairs: FastPair[] = [];
    const seen = new Set<string>();
    let text = firstText;
    let keyColumn = column;
    for (let line = this.peek(); line; line = this.peek()) {
      if (pairs.length > 0) {
        if (line.indent !== indent) break;
        text = line.text;
        keyColumn = indent;
      }
      const match = KEY.exec(text);
      if (!match) throw new Decline();
      const key = match[1]!;
      if (key === '__proto__' || seen.has(key) || resolvePlain(key, this.flavour, true) !== key) throw new Decline();
      seen.add(key);
      this.at++;
      const rest = text.slice(match[0].length);
      const value = rest === '' ? this.nested(indent) : this.inline(rest, line.number, keyColumn + match[0].length + 1, indent);
      pairs.push({ key, line: line.number, column: keyColumn + 1, value });
    }
    return { kind: 'map', pairs, line: first.number, column: column + 1 };
  }

  /** The value of `key:` with nothing after it: a deeper block, or a list at the key's own indent. */
  nested(indent: number): FastNode {
    const next = this.peek();
    if (!next) throw new Decline();
    if (next.indent > indent) return this.block(next.indent);
    if (next.indent === indent && isItem(next.text)) return this.seq(indent);
    throw new Decline(); // `key:` alone is null, whose position yaml puts elsewhere: left to it
  }

  /** A value written on its key's (or dash's) line; `parent`: the indent of the collection it is in. */
  inline(text: string, line: number, column: number, parent: number): FastNode {
    const next = this.peek();
    if (next && next.indent > parent) throw new Decline(); // a continuation line (multi-line scalar)
    if (text[0] === '[') return readFlowLine(text, line, column, this.flavour) ?? decline();
    const quoted = readSimpleQuoted(text);
    if (quoted !== undefined) return { kind: 'scalar', value: quoted, source: quoted, line, column };
    if (!isSimplePlain(text)) throw new Decline();
    const value = resolvePlain(text, this.flavour, false);
    if (value === undefined) throw new Decline();
    return { kind: 'scalar', value, source: text, line, column };
  }
}

const decline = (): never => {
  throw new Decline();
};
function isItem(text: string): boolean {
  return text === '-' || text.startsWith('- ');
}

/** The document's root collection, or null to leave the text to `yaml`. */
export function readFastYaml(text: string, flavour: YamlFlavour): FastNode | null {
  const lines = splitLines(text);
  if (!lines || lines.length === 0 || lines[0]!.indent !== 0) return null;
  const reader = new Reader(lines, flavour);
  try {
    const root = reader.block(0);
    return reader.at === lines.length ? root : null;
  } catch (error) {
    if (error instanceof Decline) return null;
    throw error;
  }
}
