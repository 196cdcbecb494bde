/** Pull-request reviews: the diff lines a review may comment on, finding Steward's own review, posting one. */
import type { RepoName, ReviewPlan } from '../port.js';
import type { GitHubClient } from './github-client.js';
import { toGitHubError } from './to-github-error.js';

/** GitHub lists at most 3,000 files of a pull request, 100 per page. */
const MAX_PAGES = 30;
/** Reviews looked through for Steward's marker; a pull request with more is rare. */
const MAX_REVIEW_PAGES = 10;

export async function readDiffLines(client: GitHubClient, repo: RepoName, number: number, paths: readonly string[]): Promise<Map<string, Set<number>>> {
  const wanted = new Set(paths);
  const lines = new Map<string, Set<number>>();
  const route = 'GET /repos/{owner}/{repo}/pulls/{pull_number}/files';
  for (let page = 1; page <= MAX_PAGES && lines.size < wanted.size; page++) {
    const data = (await call(client, route, { ...repo, pull_number: number, per_page: 100, page })) as { filename: string; patch?: string }[];
    for (const file of data) {
      if (wanted.has(file.filename) && typeof file.patch === 'string') lines.set(file.filename, headLinesOf(file.patch));
    }
    if (data.length < 100) break;
  }
  return lines;
}

/** The head-side line numbers a unified diff shows: added and context lines of every hunk. */
export function headLinesOf(patch: string): Set<number> {
  const shown = new Set<number>();
  let line = 0;
  for (const row of patch.split('\n')) {
    const hunk = /^@@ -\d+(?:,\d+)? \+(\d+)(?:,\d+)? @@/.exec(row);
    if (hunk) line = Number(hunk[1]);
    else if (row.startsWith('+') || row.startsWith(' ')) shown.add(line++);
    // '-' lines are on the base side only; '\ No newline at end of file' is no line.
  }
  return shown;
}

export async function hasReview(client: GitHubClient, repo: RepoName, number: number, marker: string): Promise<boolean> {
  const route = 'GET /repos/{owner}/{repo}/pulls/{pull_number}/reviews';
  for (let page = 1; page <= MAX_REVIEW_PAGES; page++) {
    const data = (await call(client, route, { ...repo, pull_number: number, per_page: 100, page })) as { body?: string | null }[];
    if (data.some((review) => (review.body ?? '').includes(marker))) return true;
    if (data.length < 100) return false;
  }
  return false;
}

export async function postReview(client: GitHubClient, repo: RepoName, number: number, review: ReviewPlan): Promise<void> {
  await call(client, 'POST /repos/{owner}/{repo}/pulls/{pull_number}/reviews', {
    ...repo,
    pull_number: number,
    commit_id: review.headSha,
    event: 'COMMENT',
    body: review.body,
    comments: review.comments.map((c) => ({ path: c.path, line: c.line, side: 'RIGHT', body: c.body })),
  });
}

async function call(client: GitHubClient, route: string, params: Record<string, unknown>): Promise<unknown> {
  try {
    return (await client.request(route, params)).data;
  } catch (error) {
    const [method, path] = route.split(' ');
    const filled = path!.replace(/\{(\w+)\}/g, (_, key: string) => String(params[key]));
    throw toGitHubError(error, `${method} ${filled}`);
  }
}
