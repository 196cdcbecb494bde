/**
 * Blob ids of named paths at one upstream commit (a merge base): `object(expression: "<sha>:<path>")`
 * aliases, 100 per query. The texts then come through the cache like any other blob.
 */
import type { GitHubClient } from '../github-client.js';
import { runGraphql } from '../run-graphql.js';
import { buildFileSelection } from './file-selection.js';
import { planGlobs } from './glob-plan.js';
import type { FoundBlob } from './types.js';

export const PATHS_PER_QUERY = 100;

export async function readBlobIdsAt(
  client: GitHubClient, repo: { owner: string; repo: string }, commit: string, paths: readonly string[],
): Promise<Map<string, FoundBlob>> {
  const found = new Map<string, FoundBlob>();
  const none = planGlobs([]);
  for (let start = 0; start < paths.length; start += PATHS_PER_QUERY) {
    const selection = buildFileSelection(paths.slice(start, start + PATHS_PER_QUERY), none, commit);
    const query = `query StewardReadAt($owner: String!, $name: String!) {\n  repository(owner: $owner, name: $name) {\n${selection.text}\n  }\n}`;
    const data = await runGraphql<{ repository: Record<string, unknown> | null }>(client, 'StewardReadAt', query, { owner: repo.owner, name: repo.repo }, () => false);
    for (const [path, blob] of selection.read(data.repository ?? {})) found.set(path, blob);
  }
  return found;
}
