/**
 * Files of a repository at a commit (the changed model cards): one GraphQL query per 100 paths,
 * each path an aliased `object(expression: "<sha>:<path>")`. Binary, truncated or oversized blobs
 * come back without text; absent paths are left out.
 */
import type { HeadFile, RepoName } from '../port.js';
import type { GitHubClient } from './github-client.js';
import { literal } from './query-fragments.js';
import { runGraphql } from './run-graphql.js';

/** Paths per query: GitHub's node limit is far away, and a query stays small (~20 KB). */
export const FILES_PER_QUERY = 100;

interface BlobAnswer {
  text?: string | null;
  byteSize?: number;
  isBinary?: boolean | null;
  isTruncated?: boolean;
}

type FilesAnswer = { repository: Record<string, BlobAnswer | null> | null };

export async function readFiles(
  client: GitHubClient, repo: RepoName, ref: string, paths: readonly string[], maxBytes: number,
): Promise<HeadFile[]> {
  const files: HeadFile[] = [];
  for (let start = 0; start < paths.length; start += FILES_PER_QUERY) {
    const batch = paths.slice(start, start + FILES_PER_QUERY);
    const data = await runGraphql<FilesAnswer>(client, 'StewardReadFiles', filesQuery(ref, batch), { owner: repo.owner, name: repo.repo });
    batch.forEach((path, i) => {
      const file = toHeadFile(path, data.repository?.[`f${i}`] ?? null, maxBytes);
      if (file) files.push(file);
    });
  }
  return files;
}

export function filesQuery(ref: string, paths: readonly string[]): string {
  const fields = paths.map(
    (path, i) => `    f${i}: object(expression: ${literal(`${ref}:${path}`)}) { ... on Blob { text byteSize isBinary isTruncated } }`,
  );
  return `query StewardReadFiles($owner: String!, $name: String!) {\n  repository(owner: $owner, name: $name) {\n${fields.join('\n')}\n  }\n}`;
}

function toHeadFile(path: string, blob: BlobAnswer | null, maxBytes: number): HeadFile | null {
  if (!blob || typeof blob.byteSize !== 'number') return null; // absent, or a tree/submodule at that path
  const bytes = blob.byteSize;
  if (blob.isBinary) return { path, text: null, bytes, reason: 'binary' };
  if (bytes > maxBytes || blob.isTruncated || typeof blob.text !== 'string') return { path, text: null, bytes, reason: 'too-large' };
  return { path, text: blob.text, bytes };
}
