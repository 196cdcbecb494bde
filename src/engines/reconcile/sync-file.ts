/**
 * What a pull request into a fork that is behind writes for one file: a registry file becomes
 * upstream's copy; a card keeps the fork's own text and takes only upstream's front matter (the
 * metadata is what is behind; the prose may be the fork's work).
 */
import { splitFrontMatter } from '../model-card/parse-split-front-matter.js';

export interface SyncInput {
  kind: 'card' | 'registry';
  upstreamText: string;
  /** The fork's text; null when the fork lacks the file. */
  forkText: string | null;
}

/** The new text, or null when the card cannot be spliced (upstream's front matter unreadable). */
export function syncFileText({ kind, upstreamText, forkText }: SyncInput): string | null {
  if (kind === 'registry' || forkText === null) return upstreamText;
  const theirs = splitFrontMatter(upstreamText);
  if (theirs.kind !== 'found') return null;
  const block = upstreamText.slice(theirs.open, theirs.end);
  const ours = splitFrontMatter(forkText);
  if (ours.kind === 'found') return forkText.slice(0, ours.open) + block + forkText.slice(ours.end);
  if (ours.kind === 'none') return `${block}${/\r?\n$/.test(block) ? '' : '\n'}${forkText}`;
  return null;
}
