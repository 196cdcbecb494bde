/**
 * Finds the front matter exactly as the Hub does: huggingface_hub's REGEX_YAML_BLOCK,
 * `^(\s*---(?:\r\n|\r|\n))([\S\s]*?)((?:\r\n|\r|\n)---[ \t]*(\r\n|\n|$))` ("exact same regex as
 * in the Hub server"), re-implemented as one linear scan so its backtracking is explicit.
 */

export type FenceOutcome =
  | { kind: 'found'; open: number; contentStart: number; contentEnd: number; close: number; end: number }
  /** No `---` at the start (after whitespace): an ordinary Markdown file. */
  | { kind: 'none' }
  /** `---` followed by something other than a line break on its line, e.g. `--- `. */
  | { kind: 'bad-opening'; open: number; lineEnd: number }
  /** `---` + line break, but no closing fence the Hub accepts. */
  | { kind: 'unterminated'; open: number };

const NEWLINE = /[\r\n]/;
const LINE_BREAK = /\r\n|\r|\n/y;

/** `---`, spaces or tabs, then CRLF, LF or the end of the text; returns the offset after it, or -1. */
function closingAt(text: string, at: number): number {
  if (!text.startsWith('---', at)) return -1;
  let after = at + 3;
  while (text[after] === ' ' || text[after] === '\t') after++;
  if (after === text.length) return after;
  if (text[after] === '\n') return after + 1;
  if (text.startsWith('\r\n', after)) return after + 2;
  return -1;
}

/** The closing fence when a line break starts at `at`: the regex tries CRLF, then CR, then LF. */
function closingFrom(text: string, at: number): { close: number; end: number } | null {
  const width = text.startsWith('\r\n', at) ? 2 : 1;
  const end = closingAt(text, at + width);
  return end === -1 ? null : { close: at + width, end };
}

function firstNonSpace(text: string): number {
  const match = /\S/.exec(text);
  return match ? match.index : text.length;
}

export function splitFrontMatter(text: string): FenceOutcome {
  const open = firstNonSpace(text);
  if (!text.startsWith('---', open)) return { kind: 'none' };
  LINE_BREAK.lastIndex = open + 3;
  const opening = LINE_BREAK.exec(text);
  if (!opening) {
    const rest = text.slice(open + 3, open + 203);
    const lineEnd = NEWLINE.exec(rest);
    return { kind: 'bad-opening', open, lineEnd: open + 3 + (lineEnd ? lineEnd.index : rest.length) };
  }
  const contentStart = open + 3 + opening[0].length;
  const breaks = /[\r\n]/g;
  breaks.lastIndex = contentStart;
  for (let found = breaks.exec(text); found !== null; found = breaks.exec(text)) {
    const closing = closingFrom(text, found.index);
    if (closing) return { kind: 'found', open, contentStart, contentEnd: found.index, ...closing };
  }
  // Backtracking: after an opening CRLF fails, the regex retries with CR alone, and the LF may start the closing.
  if (opening[0] === '\r\n') {
    const end = closingAt(text, contentStart);
    if (end !== -1) return { kind: 'found', open, contentStart: contentStart - 1, contentEnd: contentStart - 1, close: contentStart, end };
  }
  return { kind: 'unterminated', open };
}
