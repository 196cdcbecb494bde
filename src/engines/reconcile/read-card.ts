/**
 * A model card's front matter as model metadata. The card engine parses it (the Hub's own rules);
 * its findings come along as reconcile findings, so a fork's broken card shows up in this report.
 */
import { parseCard } from '../model-card/parse-card.js';
import { lineAt } from '../model-card/parse-fence-findings.js';
import { splitFrontMatter } from '../model-card/parse-split-front-matter.js';
import type { Finding } from '../findings.js';
import type { MetadataFile, ReadOptions } from './types.js';
import { readModel, type ReadModel } from './read-model.js';
import { readFastYaml } from './read-fast-yaml.js';
import { locateFast, toData } from './read-fast-locate.js';

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

interface Front {
  data: Record<string, unknown>;
  startLine: number;
  locate(pointer: string): { line: number; column: number } | null;
}

function readFront(file: MetadataFile, front: Front, options: ReadOptions): ReadModel {
  return readModel({
    data: front.data,
    path: file.path,
    blob: file.blob,
    fallbackId: cardFolder(file.path),
    written: (pointer) => scalarAt(file.text, front.locate(pointer)),
    lineOf: (pointer) => (pointer === '' ? front.startLine : front.locate(pointer)?.line ?? front.startLine),
  }, options);
}

/** Through the card engine's parser (`yaml` with positions): every card, with its findings. */
export function readCardFull(file: MetadataFile, options: ReadOptions): { models: ReadModel[]; findings: Finding[] } {
  const card = parseCard(file.text, file.path);
  const findings = card.findings.map((f) => ({ ...f, check: 'reconcile' as const, rule: 'reconcile-metadata' }));
  const front = card.frontMatter;
  if (!front) return { models: [], findings };
  return { models: [readFront(file, { ...front, data: front.data as Record<string, unknown> }, options)], findings };
}

/** Through the fast reader (read-fast-yaml.ts); null when it declines the front matter. It then has no findings. */
export function readCardFast(file: MetadataFile, options: ReadOptions): { models: ReadModel[]; findings: Finding[] } | null {
  const fence = splitFrontMatter(file.text);
  if (fence.kind !== 'found') return null;
  const root = readFastYaml(file.text.slice(fence.contentStart, fence.contentEnd), 'card');
  if (root?.kind !== 'map') return null;
  const startLine = lineAt(file.text, fence.contentStart);
  const front = { data: toData(root) as Record<string, unknown>, startLine, locate: locateFast(root, startLine) };
  return { models: [readFront(file, front, options)], findings: [] };
}

/** The same result either way: the fast reader reads exactly what the card engine reads, or declines. */
export function readCardFile(file: MetadataFile, options: ReadOptions): { models: ReadModel[]; findings: Finding[] } {
  return readCardFast(file, options) ?? readCardFull(file, options);
}
