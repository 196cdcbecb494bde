/**
 * A model card's front matter as model metadata. The card engine parses it (the Hub's own rules);
 * its findings come along as reconcile findings, so a fork's broken card shows up in this report.
 */
import { parseCard } from '../model-card/parse-card.js';
import type { Finding } from '../findings.js';
import type { MetadataFile, ReadOptions } from './types.js';
import { readModel, type ReadModel } from './read-model.js';

/** The card's repository-relative folder: "." for a card at the root. */
export function cardFolder(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash <= 0 ? '.' : path.slice(0, slash);
}

/** A plain scalar's text at a file position: up to a space, comma, bracket or comment. */
export function scalarAt(text: string, position: { line: number; column: number } | null): string | null {
  if (!position) return null;
  const line = text.split('\n', position.line)[position.line - 1] ?? '';
  return /^[^\s,\]}#]+/.exec(line.slice(position.column - 1))?.[0] ?? null;
}

export function readCardFile(file: MetadataFile, options: ReadOptions): { models: ReadModel[]; findings: Finding[] } {
  const card = parseCard(file.text, file.path);
  const findings = card.findings.map((f) => ({ ...f, check: 'reconcile' as const, rule: 'reconcile-metadata' }));
  const front = card.frontMatter;
  if (!front) return { models: [], findings };
  const read = readModel({
    data: front.data as Record<string, unknown>,
    path: file.path,
    blob: file.blob,
    fallbackId: cardFolder(file.path),
    written: (pointer) => scalarAt(file.text, front.locate(pointer)),
    lineOf: (pointer) => (pointer === '' ? front.startLine : front.locate(pointer)?.line ?? front.startLine),
  }, options);
  return { models: [read], findings };
}
