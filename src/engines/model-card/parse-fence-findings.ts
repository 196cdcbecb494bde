/** What to tell the author when the Hub finds no front matter in a card. */
import type { FenceOutcome } from './parse-split-front-matter.js';
import type { Position } from './types.js';

export interface FenceProblem {
  severity: 'error' | 'warning';
  message: string;
  hint: string;
  position: Position;
}

/** 1-based line of an offset, counting LF (as GitHub and editors number lines). */
export function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

export function positionAt(text: string, offset: number): Position {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  return { line: lineAt(text, offset), column: offset - lineStart + 1 };
}

const NO_METADATA: Omit<FenceProblem, 'position'> = {
  severity: 'warning',
  message: 'no metadata block; the Hub will show no license, tags, language or pipeline for this model',
  hint: "Start the card with a YAML block between two '---' lines, e.g. '---', 'license: apache-2.0', '---'.",
};

export function describeMissingFrontMatter(text: string, fence: Exclude<FenceOutcome, { kind: 'found' }>): FenceProblem {
  if (fence.kind === 'none') return { ...NO_METADATA, position: { line: 1, column: 1 } };
  const opening = positionAt(text, fence.open);
  if (fence.kind === 'bad-opening') {
    if (!/^---[ \t]+\r?$/.test(text.slice(fence.open, fence.lineEnd))) return { ...NO_METADATA, position: { line: 1, column: 1 } };
    return {
      severity: 'error', position: opening,
      message: "the opening '---' has spaces after it, so the Hub sees no metadata (the line must be exactly '---')",
      hint: "Delete the spaces after '---' so that the line is exactly '---'.",
    };
  }
  if (text.includes('\r\r\n')) {
    return {
      severity: 'error', position: opening,
      message: "the Hub will not see the metadata: the file's lines end in CR CR LF (\\r\\r\\n), and the Hub only accepts a closing '---' followed by LF or CRLF",
      hint: 'Convert the line endings to LF (or CRLF), e.g. in your editor\'s line-ending setting or with `sed -i "s/\\r\\r$/\\r/"`.',
    };
  }
  if (/^---(?:\r\n|\r|\n)---[ \t]*(?:\r?\n|$)/.test(text.slice(fence.open, fence.open + 40))) {
    return {
      severity: 'error', position: opening,
      message: "the Hub does not recognise an empty metadata block written as two '---' lines in a row: it sees no metadata",
      hint: "Put the metadata ('key: value' lines) between the two '---' lines, or remove both.",
    };
  }
  return {
    severity: 'error', position: opening,
    message: "unterminated front matter: the Hub sees no metadata (no closing '---' line after the opening one)",
    hint: "Add a line with only '---' after the metadata; if this '---' is a horizontal rule, put text before it.",
  };
}
