/**
 * The GitHub App permission each route Steward calls needs, per GitHub's "Permissions required for
 * GitHub Apps" (GitHub's OpenAPI carries none). A need is a list of alternatives (any one suffices);
 * a route with several needs requires all of them; [] is a route the App's JWT calls (no permission).
 * Keep it complete: permissions.test.ts fails on a route Steward calls that is not listed here.
 */
export type Level = 'read' | 'write';
export type Grant = readonly [permission: string, level: Level];
export type Need = readonly Grant[];

const r = (permission: string): Grant => [permission, 'read'];
const w = (permission: string): Grant => [permission, 'write'];

export const GRAPHQL_NEEDS: readonly Need[] = [[r('contents')], [r('pull_requests')], [r('metadata')]];

export const ROUTE_NEEDS: Record<string, readonly Need[]> = {
  'POST /app/installations/{installation_id}/access_tokens': [],
  'GET /repos/{owner}/{repo}/installation': [],
  'GET /orgs/{org}/actions/runners': [[r('organization_self_hosted_runners')]],
  'GET /orgs/{org}/members/{username}': [[r('members')]],
  'GET /repos/{owner}/{repo}': [[r('metadata')]],
  'GET /repos/{owner}/{repo}/collaborators/{username}/permission': [[r('metadata')]],
  'GET /repos/{owner}/{repo}/actions/artifacts/{artifact_id}/{archive_format}': [[r('actions')]],
  'GET /repos/{owner}/{repo}/actions/runners': [[r('administration')]],
  'GET /repos/{owner}/{repo}/actions/runs/{run_id}': [[r('actions')]],
  'GET /repos/{owner}/{repo}/actions/runs/{run_id}/artifacts': [[r('actions')]],
  'GET /repos/{owner}/{repo}/actions/workflows/{workflow_id}/runs': [[r('actions')]],
  'POST /repos/{owner}/{repo}/actions/runs/{run_id}/cancel': [[w('actions')]],
  'POST /repos/{owner}/{repo}/actions/workflows/{workflow_id}/dispatches': [[w('actions')]],
  'GET /repos/{owner}/{repo}/branches/{branch}': [[r('contents')]],
  'GET /repos/{owner}/{repo}/compare/{basehead}': [[r('contents')]],
  'GET /repos/{owner}/{repo}/contents/{path}': [[r('contents')]],
  'GET /repos/{owner}/{repo}/git/trees/{tree_sha}': [[r('contents')]],
  'POST /repos/{owner}/{repo}/git/trees': [[w('contents')]],
  'POST /repos/{owner}/{repo}/git/commits': [[w('contents')]],
  'POST /repos/{owner}/{repo}/git/refs': [[w('contents')]],
  'PATCH /repos/{owner}/{repo}/git/refs/{ref}': [[w('contents')]],
  'GET /repos/{owner}/{repo}/commits/{commit_sha}/pulls': [[r('contents')], [r('pull_requests')]],
  'GET /repos/{owner}/{repo}/commits/{ref}/check-runs': [[r('checks')]],
  'POST /repos/{owner}/{repo}/check-runs': [[w('checks')]],
  'PATCH /repos/{owner}/{repo}/check-runs/{check_run_id}': [[w('checks')]],
  'GET /repos/{owner}/{repo}/issues': [[r('issues')]],
  'POST /repos/{owner}/{repo}/issues': [[w('issues')]],
  'GET /repos/{owner}/{repo}/issues/{issue_number}': [[r('issues'), r('pull_requests')]],
  'PATCH /repos/{owner}/{repo}/issues/{issue_number}': [[w('issues'), w('pull_requests')]],
  'POST /repos/{owner}/{repo}/issues/{issue_number}/comments': [[w('issues'), w('pull_requests')]],
  'PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}': [[w('issues'), w('pull_requests')]],
  'GET /repos/{owner}/{repo}/pulls': [[r('pull_requests')]],
  'POST /repos/{owner}/{repo}/pulls': [[w('pull_requests')]],
  'GET /repos/{owner}/{repo}/pulls/{pull_number}': [[r('pull_requests')]],
  'PATCH /repos/{owner}/{repo}/pulls/{pull_number}': [[w('pull_requests')]],
  'GET /repos/{owner}/{repo}/pulls/{pull_number}/files': [[r('pull_requests')]],
  'GET /repos/{owner}/{repo}/pulls/{pull_number}/reviews': [[r('pull_requests')]],
  'POST /repos/{owner}/{repo}/pulls/{pull_number}/reviews': [[w('pull_requests')]],
};

/**
 * Routes Steward calls knowing the App may lack the permission: the refusal (403/404) is handled.
 * FINDING: the repository's runners (list-runners.ts fallback) need `administration: read`, which
 * app.yml rightly does not ask for; so this call always fails for an App installed as declared.
 */
export const REFUSAL_HANDLED: Record<string, string> = {};

const RANK: Record<Level, number> = { read: 1, write: 2 };

/** Whether `declared` (permission -> level) satisfies every need. */
export function isGranted(needs: readonly Need[], declared: Record<string, string>): boolean {
  return needs.every((need) => need.some(([permission, level]) => RANK[declared[permission] as Level] >= RANK[level]));
}
