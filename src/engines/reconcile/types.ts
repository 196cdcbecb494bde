/**
 * Fork reconciliation (issue 5): the model metadata Steward compares across a fork network, and
 * what it says about each model in each fork. Pure data; the engines in this folder read, order,
 * classify, merge and draw it.
 */
import type { Finding } from '../findings.js';

export type ModelStatus = 'in-sync' | 'behind' | 'ahead' | 'diverged' | 'conflict' | 'new' | 'removed';

/** A weight file's checksum: a `sha256` field of the metadata, or a Git LFS pointer's oid. */
export interface WeightChecksum {
  /** Where the metadata names it, e.g. "files/0" or the weight file's path. */
  key: string;
  algorithm: 'sha256';
  value: string;
}

/** One model's metadata as one repository (upstream or a fork) holds it at one commit. */
export interface ModelMetadata {
  /** The value of `reconcile.id-field` (registry files), or the card's repository-relative folder. */
  id: string;
  /** The value of `reconcile.version-field`, as written; null when absent. */
  version: string | null;
  /** sha256 (hex) of the metadata's canonical JSON (keys sorted): equal content, equal hash. */
  contentHash: string;
  checksums: WeightChecksum[];
  /** base_model, always as a list (a string becomes one element); [] when absent. */
  baseModels: string[];
  /** base_model_relation as written; null when absent (the Hub infers it). */
  baseModelRelation: string | null;
  /** The parsed metadata itself (front matter or registry file), for the three-way merge. */
  data: Record<string, unknown>;
  /** File it came from, repository-relative. */
  path: string;
  /** The file's git blob id at that commit, when known. */
  blob: string | null;
}

/** A text file at one commit of one repository, as an adapter read it. */
export interface MetadataFile {
  path: string;
  text: string;
  blob: string | null;
  /** 'card': Markdown with YAML front matter; 'registry': a YAML or JSON file (reconcile.paths). */
  kind: 'card' | 'registry';
}

export interface ReadOptions {
  idField: string;
  versionField: string;
}

export interface ReadResult {
  models: ModelMetadata[];
  /** check "reconcile": malformed YAML, a missing id, the same id twice… with path and line. */
  findings: Finding[];
}

/** One disagreement of a three-way merge, at a JSON Pointer path. Absent values are undefined. */
export interface MergeConflict {
  path: string;
  base: unknown;
  ours: unknown;
  theirs: unknown;
}

export interface MergeResult {
  merged: Record<string, unknown>;
  conflicts: MergeConflict[];
}

/** A model in one fork, judged against upstream. "ours" = upstream, "theirs" = the fork. */
export interface ForkVerdict {
  status: ModelStatus;
  /** For `diverged` and `conflict`: what the three-way merge could not decide (for `conflict`, at least the version's content). */
  conflicts: MergeConflict[];
  /** For `ahead` / `diverged`: the merge result a pull request upstream would propose (null when conflicts remain). */
  merged: Record<string, unknown> | null;
}
