/**
 * Test-only stand-in for the real card parser: the Hub's front-matter regex, `yaml` with source
 * positions, and locate() for JSON Pointers. Returns null where it cannot parse (the real parser reports those).
 */
import { LineCounter, isMap, isPair, isScalar, isSeq, parseDocument, type Node } from 'yaml';
import type { ParsedCard, Position } from '../../../../src/engines/model-card/types.js';

const BLOCK = /^(\s*)---(\r\n|\r|\n)([\s\S]*?)(\r\n|\r|\n)---[ \t]*(\r\n|\r|\n|$)/;

function lineCount(text: string): number {
  return text.split(/\r\n|\r|\n/).length - 1;
}

function nodeAt(root: unknown, pointer: string, key: boolean): Node | null {
  if (pointer === '') return isMap(root) ? root : null;
  let node: unknown = root;
  const parts = pointer.split('/').slice(1).map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
  for (const [i, part] of parts.entries()) {
    const last = i === parts.length - 1;
    if (isMap(node)) {
      const pair = node.items.find((item) => isPair(item) && isScalar(item.key) && String(item.key.value) === part);
      if (!pair) return null;
      if (last && key) return pair.key as Node;
      node = pair.value;
    } else if (isSeq(node)) {
      node = node.items[Number(part)];
    } else return null;
  }
  return (node as Node | null) ?? null;
}

export function standInParse(path: string, text: string): ParsedCard | null {
  // CR CR LF defeats the Hub's regex (corpus 38); the stand-in gives up on it like the Hub does.
  const match = text.includes('\r\r\n') ? null : BLOCK.exec(text);
  if (!match) return { path, frontMatter: null, body: text, bodyStartLine: 1, findings: [] };
  const startLine = lineCount(match[1]!) + 2;
  const yamlText = match[3]!;
  const lineCounter = new LineCounter();
  const doc = parseDocument(yamlText, { lineCounter, version: '1.1', uniqueKeys: false });
  if (doc.errors.length > 0) return null;
  const endLine = startLine + lineCount(yamlText) + 1;
  const locate = (pointer: string, options?: { key?: boolean }): Position | null => {
    const node = nodeAt(doc.contents, pointer, options?.key ?? false);
    if (!node?.range) return null;
    const pos = lineCounter.linePos(node.range[0]);
    return { line: pos.line + startLine - 1, column: pos.col };
  };
  const consumed = match[0];
  const bodyStartLine = lineCount(consumed) + 1;
  return {
    path,
    frontMatter: { data: doc.toJS({ maxAliasCount: 100 }), startLine, endLine, locate },
    body: text.slice(consumed.length),
    bodyStartLine,
    findings: [],
  };
}
