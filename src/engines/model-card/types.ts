/**
 * The model-card engine's shared shapes (issue 3). Pure data: the text comes in, findings go out.
 * Positions are 1-based lines and columns in the file as stored (front-matter lines count).
 */
import type { Finding } from '../findings.js';

export interface Position {
  line: number;
  column: number;
}

/** The front matter as the Hub finds it (huggingface_hub's REGEX_YAML_BLOCK), parsed with `yaml`. */
export interface ParsedFrontMatter {
  /** The plain data, as the Hub's YAML 1.1 reader (PyYAML safe_load) would see it where the two differ. */
  data: unknown;
  /** File line of the first YAML line (the line after the opening `---`). */
  startLine: number;
  /** File line of the closing `---`. */
  endLine: number;
  /** Position in the file of the value (or key, with `key: true`) at a JSON Pointer; null if absent. */
  locate(pointer: string, options?: { key?: boolean }): Position | null;
}

export interface ParsedCard {
  path: string;
  /** null when the card has no usable front matter (missing, unterminated, not a mapping, unparseable). */
  frontMatter: ParsedFrontMatter | null;
  /** Markdown after the front matter, and the file line it starts on. */
  body: string;
  bodyStartLine: number;
  /** card-front-matter and card-yaml findings met while parsing. */
  findings: Finding[];
}
