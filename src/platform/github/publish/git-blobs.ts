/**
 * Blob ids, computed here and read from a branch, so "already holds these files" costs no content
 * download: git's blob id is sha1("blob <byte length>\0" + bytes), the same in every repository.
 */
import { createHash } from 'node:crypto';
import type { GitHubClient } from '../github-client.js';
import { restCall, statusOf } from '../rest-call.js';
import type { RepoRef } from '../../reconcile-port.js';
import type { BranchHead } from './read-branch.js';

export interface TreeEntry {
  sha: string;
  mode: string;
}

export function gitBlobSha(content: string): string {
  const bytes = Buffer.from(content, 'utf8');
  return createHash('sha1').update(`blob ${bytes.length}\0`).update(bytes).digest('hex');
}

/** True when every file's blob at `entries` equals its content (a missing path is a difference). */
export function holdsFiles(entries: Map<string, TreeEntry>, files: readonly { path: string; content: string }[]): boolean {
  return files.every((file) => entries.get(file.path)?.sha === gitBlobSha(file.content));
}

/**
 * The blobs at `paths` in a commit's tree: one recursive tree read; only when GitHub truncates it
 * (over 100,000 entries or 7 MB) one contents read per missing path, at the commit.
 */
export async function readTreeEntries(client: GitHubClient, repo: RepoRef, head: BranchHead, paths: readonly string[]): Promise<Map<string, TreeEntry>> {
  const { data } = await restCall(client, 'GET /repos/{owner}/{repo}/git/trees/{tree_sha}', { owner: repo.owner, repo: repo.repo, tree_sha: head.treeSha, recursive: '1' });
  const tree = data as { truncated: boolean; tree: { path?: string; sha?: string; mode?: string; type?: string }[] };
  const wanted = new Set(paths);
  const entries = new Map<string, TreeEntry>();
  for (const item of tree.tree) {
    if (item.type === 'blob' && item.path && item.sha && wanted.has(item.path)) entries.set(item.path, { sha: item.sha, mode: item.mode ?? '100644' });
  }
  if (!tree.truncated) return entries;
  for (const path of paths.filter((p) => !entries.has(p))) {
    const found = await readContentSha(client, repo, head.sha, path);
    if (found) entries.set(path, { sha: found, mode: '100644' });
  }
  return entries;
}

async function readContentSha(client: GitHubClient, repo: RepoRef, ref: string, path: string): Promise<string | null> {
  try {
    const { data } = await restCall(client, 'GET /repos/{owner}/{repo}/contents/{path}', { owner: repo.owner, repo: repo.repo, path, ref });
    return Array.isArray(data) ? null : (data as { type?: string; sha?: string }).type === 'file' ? (data as { sha: string }).sha : null;
  } catch (error) {
    if (statusOf(error) === 404) return null;
    throw error;
  }
}
