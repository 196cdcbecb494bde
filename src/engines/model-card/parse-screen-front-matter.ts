/**
 * Refuses, before the YAML parser sees it, metadata no card would contain and that could make
 * parsing slow or crash it: over 256 KB, characters PyYAML refuses (NUL, control codes), brackets
 * nested hundreds deep (the parser recurses per level).
 */
import { deepFlowOffset } from '../flow-depth.js';

export const MAX_FRONT_MATTER_BYTES = 256 * 1024;
export const MAX_FLOW_DEPTH = 100;

export interface ScreenProblem {
  rule: 'card-front-matter' | 'card-yaml';
  message: string;
  hint: string;
  /** Offset in the front-matter text. */
  offset: number;
}

/** What PyYAML's Reader accepts (its NON_PRINTABLE check); anything else makes safe_load raise. */
const NOT_PRINTABLE = /[^\x09\x0A\x0D\x20-\x7E\x85\xA0-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;

function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

function describeCharacter(code: number): string {
  if (code === 0) return 'a NUL byte';
  return `the character U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
}

export function screenFrontMatter(yamlText: string): ScreenProblem | null {
  if (yamlText.length > MAX_FRONT_MATTER_BYTES || utf8Length(yamlText) > MAX_FRONT_MATTER_BYTES) {
    const kb = Math.round(utf8Length(yamlText) / 1024);
    return {
      rule: 'card-front-matter',
      message: `the metadata block is ${kb} KB; Steward reads at most 256 KB of front matter, so it was not checked`,
      hint: 'Card metadata is usually a few kilobytes: move long content (tables, results) into the Markdown body or a separate file.',
      offset: 0,
    };
  }
  const bad = NOT_PRINTABLE.exec(yamlText);
  if (bad) {
    return {
      rule: 'card-yaml',
      message: `the metadata contains ${describeCharacter(bad[0].codePointAt(0)!)}, which the Hub's YAML reader refuses; the Hub will reject the metadata`,
      hint: 'Save the card as UTF-8 text and remove control characters from the front matter.',
      offset: bad.index,
    };
  }
  const deep = deepFlowOffset(yamlText, MAX_FLOW_DEPTH);
  if (deep !== -1) {
    return {
      rule: 'card-yaml',
      message: `the metadata nests [ or { more than ${MAX_FLOW_DEPTH} levels deep, so it was not read`,
      hint: 'No card field needs more than a few levels: check for unclosed brackets.',
      offset: deep,
    };
  }
  return null;
}
