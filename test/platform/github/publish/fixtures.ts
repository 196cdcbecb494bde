/** Valid GitHub answers (from GitHub's own examples) for the publisher tests, shaped by a few fields. */
import { restExample, withOverrides } from '../../../support/github-fixtures.js';
import { RECONCILE_MARKER } from '../../../../src/report/reconcile-markdown.js';

export const REPO = { owner: 'acme', repo: 'models' };
export const BASE = '/repos/acme/models';
export const OURS = `${RECONCILE_MARKER}\n## Steward: model registry across forks\n\n2 forks.`;

/** An issue (not a pull request: GitHub's example is one, so its `pull_request` link is dropped). */
export function issueData(number: number, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const issue = withOverrides(restExample('POST', '/repos/{owner}/{repo}/issues'), { number, title: 'Steward: model registry across forks', body: OURS, state: 'open', ...overrides });
  if (!('pull_request' in overrides)) delete issue.pull_request;
  return issue;
}

export function repoData(defaultBranch = 'main'): Record<string, unknown> {
  // GitHub's example omits the required `language`; a repository without one answers null.
  return withOverrides(restExample('GET', '/repos/{owner}/{repo}'), { default_branch: defaultBranch, language: null, source: { language: null } });
}

export function branchData(name: string, sha: string, treeSha: string, message: string): Record<string, unknown> {
  return withOverrides(restExample('GET', '/repos/{owner}/{repo}/branches/{branch}'), { name, commit: { sha, commit: { message, tree: { sha: treeSha } } } });
}

export function treeData(sha: string, blobs: Record<string, string>, truncated = false): Record<string, unknown> {
  const tree = Object.entries(blobs).map(([path, blob]) => ({ path, mode: '100644', type: 'blob', size: 10, sha: blob, url: `https://api.github.com/repos/acme/models/git/blobs/${blob}` }));
  return { sha, url: `https://api.github.com/repos/acme/models/git/trees/${sha}`, tree, truncated };
}

export function pullData(number: number, title: string, body: string): Record<string, unknown> {
  return withOverrides(restExample('POST', '/repos/{owner}/{repo}/pulls'), { number, title, body, requested_teams: [] });
}

export function shaResponse(template: string, sha: string): Record<string, unknown> {
  return withOverrides(restExample('POST', template), { sha });
}

export function refResponse(branch: string, sha: string): Record<string, unknown> {
  return withOverrides(restExample('POST', '/repos/{owner}/{repo}/git/refs'), { ref: `refs/heads/${branch}`, object: { sha } });
}

/** A pacer that never waits but counts what went through it: every write must, no read may. */
export function countingPacer(): { run<T>(fn: () => Promise<T>): Promise<T>; count(): number } {
  let runs = 0;
  return { run: (fn) => { runs++; return fn(); }, count: () => runs };
}

export function writesOf(requests: { method: string }[]): number {
  return requests.filter((r) => r.method !== 'GET').length;
}
