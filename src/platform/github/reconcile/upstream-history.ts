/**
 * The blob ids upstream held at each path over the newest 100 commits of its default branch that
 * touch it: `Commit.history(first: 100, path:)` with `file(path:) { oid }` on each commit. A fork
 * file equal to one of them is an old upstream version (the fork is behind), no compare needed.
 */
import type { GitHubClient } from '../github-client.js';
import { literal } from '../query-fragments.js';
import { runGraphql } from '../run-graphql.js';

/** 100 paths × 100 commits = 10,000 nodes per query, far under GitHub's 500,000 (research §3.7). */
export const HISTORY_PATHS_PER_QUERY = 100;

type HistoryAnswer = { repository: { object: Record<string, { nodes: ({ file: { oid: string } | null } | null)[] | null } | undefined> | null } | null };

export async function readUpstreamHistory(
  client: GitHubClient, repo: { owner: string; repo: string }, head: string, paths: readonly string[],
): Promise<Map<string, Set<string>>> {
  const history = new Map<string, Set<string>>();
  for (let start = 0; start < paths.length; start += HISTORY_PATHS_PER_QUERY) {
    const batch = paths.slice(start, start + HISTORY_PATHS_PER_QUERY);
    const fields = batch.map((p, i) => `h${i}: history(first: 100, path: ${literal(p)}) { nodes { file(path: ${literal(p)}) { oid } } }`);
    const query = `query StewardUpstreamHistory($owner: String!, $name: String!, $head: GitObjectID!) {
  repository(owner: $owner, name: $name) {
    object(oid: $head) {
      ... on Commit {
${fields.join('\n')}
      }
    }
  }
}`;
    const data = await runGraphql<HistoryAnswer>(client, 'StewardUpstreamHistory', query, { owner: repo.owner, name: repo.repo, head }, () => false);
    batch.forEach((path, i) => {
      const nodes = data.repository?.object?.[`h${i}`]?.nodes ?? [];
      history.set(path, new Set(nodes.flatMap((n) => (n?.file?.oid ? [n.file.oid] : []))));
    });
  }
  return history;
}
