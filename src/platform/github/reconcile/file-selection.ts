/**
 * The part of a fork-page query that finds metadata blob ids at a repository's HEAD: one aliased
 * `object(expression: "HEAD:<path>")` per path upstream holds outside the listed directories, plus
 * one nested Tree listing per glob prefix. Paths are GraphQL string literals (JSON escaping is valid
 * GraphQL), so a path with a quote cannot break the query.
 */
import { literal } from '../query-fragments.js';
import type { FoundBlob } from './types.js';
import type { GlobPlan } from './glob-plan.js';

export interface FileSelection {
  /** The fields to put in a Repository selection. */
  text: string;
  /** Object lookups per repository, to size pages. */
  weight: number;
  /** Reads the blob ids out of one repository's answer. */
  read(node: Record<string, unknown>): Map<string, FoundBlob>;
}

const BLOB_FIELDS = '... on Blob { oid byteSize isBinary }';
/** A listed directory costs more than one path: count it as this many lookups per level. */
const LISTING_WEIGHT = 5;

interface TreeEntryAnswer {
  name: string;
  type: string;
  oid: string;
  object?: { byteSize?: number; isBinary?: boolean | null; entries?: TreeEntryAnswer[] | null } | null;
}

export function buildFileSelection(paths: readonly string[], plan: GlobPlan, ref = 'HEAD'): FileSelection {
  const fields = [
    ...paths.map((path, i) => `p${i}: object(expression: ${literal(`${ref}:${path}`)}) { ${BLOB_FIELDS} }`),
    ...plan.listings.map((l, i) => `d${i}: object(expression: ${literal(`${ref}:${l.prefix}`)}) { ... on Tree { entries { ${entryFields(l.depth)} } } }`),
  ];
  return {
    text: fields.join('\n'),
    weight: paths.length + plan.listings.reduce((sum, l) => sum + LISTING_WEIGHT * l.depth, 0),
    read: (node) => readFiles(node, paths, plan),
  };
}

function entryFields(depth: number): string {
  const below = depth > 1 ? ` ... on Tree { entries { ${entryFields(depth - 1)} } }` : '';
  return `name type oid object { ... on Blob { byteSize isBinary }${below} }`;
}

function readFiles(node: Record<string, unknown>, paths: readonly string[], plan: GlobPlan): Map<string, FoundBlob> {
  const blobs = new Map<string, FoundBlob>();
  plan.listings.forEach((listing, i) => {
    const tree = node[`d${i}`] as { entries?: TreeEntryAnswer[] | null } | null | undefined;
    walkEntries(tree?.entries ?? [], listing.prefix, plan, blobs);
  });
  paths.forEach((path, i) => {
    const blob = node[`p${i}`] as { oid?: string; byteSize?: number; isBinary?: boolean | null } | null | undefined;
    // A tree or submodule at the path answers {} (no Blob fields): not a file.
    if (blob?.oid) blobs.set(path, { oid: blob.oid, byteSize: blob.byteSize ?? null, isBinary: blob.isBinary ?? null });
  });
  return blobs;
}

function walkEntries(entries: readonly TreeEntryAnswer[], dir: string, plan: GlobPlan, blobs: Map<string, FoundBlob>): void {
  for (const entry of entries) {
    const path = dir === '' ? entry.name : `${dir}/${entry.name}`;
    if (entry.type === 'blob' && plan.matches(path)) {
      blobs.set(path, { oid: entry.oid, byteSize: entry.object?.byteSize ?? null, isBinary: entry.object?.isBinary ?? null });
    } else if (entry.type === 'tree' && entry.object?.entries) {
      walkEntries(entry.object.entries, path, plan, blobs);
    }
  }
}
