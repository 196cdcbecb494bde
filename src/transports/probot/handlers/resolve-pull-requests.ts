/** The pull requests a check suite or check run stands for. */
import { integer, list, text, type RepoName } from '../payload.js';
import type { WorkContext } from '../types.js';

/**
 * From the payload's `pull_requests` (same repository only), else the check run's `external_id`
 * (Steward stores `{"pr":N}` there), else GitHub's pull requests of the head commit: the payload
 * lists no pull request from a fork.
 */
export async function resolvePullRequests(
  payload: unknown,
  key: 'check_suite' | 'check_run',
  repo: RepoName,
  ctx: WorkContext,
): Promise<number[]> {
  const named = pullRequestsNamed(payload, key);
  if (named.length) return named;
  const fromExternalId = key === 'check_run' ? prOfExternalId(text(payload, key, 'external_id')) : null;
  if (fromExternalId !== null) return [fromExternalId];
  const sha = text(payload, key, 'head_sha');
  return sha ? ctx.platform.pullRequestsForCommit(repo, sha) : [];
}

export function pullRequestsNamed(payload: unknown, key: 'check_suite' | 'check_run'): number[] {
  const repoId = integer(payload, 'repository', 'id');
  return list(payload, key, 'pull_requests')
    .filter((pr) => {
      const baseRepo = integer(pr, 'base', 'repo', 'id');
      return repoId === null || baseRepo === null || baseRepo === repoId;
    })
    .map((pr) => integer(pr, 'number'))
    .filter((n): n is number => n !== null);
}

export function prOfExternalId(externalId: string | null): number | null {
  if (!externalId) return null;
  try {
    const parsed: unknown = JSON.parse(externalId);
    const pr = typeof parsed === 'number' ? parsed : (parsed as { pr?: unknown } | null)?.pr;
    return typeof pr === 'number' && Number.isInteger(pr) && pr > 0 ? pr : null;
  } catch {
    return null;
  }
}
