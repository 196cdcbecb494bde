/**
 * The GitHub adapter of the port: Octokit REST + GraphQL calls only, no decisions. Takes a Probot
 * (or any Octokit) instance and uses nothing but its `request` and `graphql`, whose retry and
 * throttling plugins stay in charge; failures surface as GitHubError.
 */
import type {
  Capabilities, CheckPlan, EvalPlatform, ExistingCheck, FileReader, PublishResult, PullRequestRef, PullRequestSnapshot, RepoReader,
  RepoWriter, ReviewWriter, TextFile,
} from '../port.js';
import { downloadArtifactFiles, listRunArtifacts } from './artifacts.js';
import { cancelWorkflowRun } from './cancel-workflow-run.js';
import { defaultBranch } from './default-branch.js';
import { dispatchWorkflow } from './dispatch-workflow.js';
import { findCheckRun } from './find-check-run.js';
import { countRequests, type GitHubClient } from './github-client.js';
import { isOrgMember } from './is-org-member.js';
import { listCommitPullRequests } from './list-commit-pull-requests.js';
import { listRunners } from './list-runners.js';
import { getWorkflowRun, listWorkflowRuns } from './list-workflow-runs.js';
import { loadPullRequest } from './load-pull-request.js';
import { postComment } from './post-comment.js';
import { publishCheck } from './publish-check.js';
import { readFile } from './read-file.js';
import { readFiles } from './read-files.js';
import { readPermission } from './read-permission.js';
import { readPullRequestHead } from './read-pull-request-head.js';
import { readPullRequestOrigin } from './read-pull-request-origin.js';
import { hasReview, postReview, readDiffLines } from './reviews.js';
import { upsertComment } from './upsert-comment.js';

export { GitHubError } from './github-error.js';
export { ArtifactError } from './artifact-error.js';
export type { GitHubClient } from './github-client.js';

export interface GitHubAdapterOptions {
  /** The App's id, so the existing check run is Steward's own, not another app's of the same name. */
  appId?: number | null;
  /** Commits read at most (100 per request); past it the check says the list was cut. Default 10,000. */
  maxCommits?: number;
}

export type GitHubAdapter = RepoReader & RepoWriter & FileReader & ReviewWriter & EvalPlatform & { requestCount(): number };

/** Callers may pass a richer record (an evaluation run); only owner and repo may reach GitHub's parameters. */
const nameOf = (r: { owner: string; repo: string }): { owner: string; repo: string } => ({ owner: r.owner, repo: r.repo });

const CAPABILITIES: Capabilities = { checks: true, comments: true, identity: true };

export function createGitHubAdapter(octokit: GitHubClient, opts: GitHubAdapterOptions = {}): GitHubAdapter {
  const client = countRequests(octokit);
  const appId = Number.isInteger(opts.appId) ? (opts.appId as number) : null;
  const memberships = new Map<string, Promise<boolean>>();
  /** Annotation counts of the check runs seen while loading, to know when an update is safe. */
  const annotationCounts = new Map<number, number>();

  return {
    capabilities: CAPABILITIES,
    requestCount: () => client.count(),

    async loadPullRequest(ref: PullRequestRef, checkName: string): Promise<PullRequestSnapshot> {
      const loaded = await loadPullRequest(client, ref, checkName, { appId, maxCommits: opts.maxCommits ?? 10_000 });
      if (loaded.found) annotationCounts.set(loaded.found.check.id, loaded.found.annotationCount);
      return loaded.snapshot;
    },

    readFile: (repository: string, path: string, ref?: string): Promise<TextFile | null> => readFile(client, repository, path, ref),
    readFiles: (repo, ref, paths, maxBytes) => readFiles(client, nameOf(repo), ref, paths, maxBytes),

    isOrgMember(org: string, login: string): Promise<boolean> {
      const key = `${org.toLowerCase()}/${login.toLowerCase()}`;
      let answer = memberships.get(key);
      if (!answer) {
        answer = isOrgMember(client, org, login);
        memberships.set(key, answer);
        answer.catch(() => memberships.delete(key)); // a failed lookup may be tried again
      }
      return answer;
    },

    permissionOf: (repo, login) => readPermission(client, nameOf(repo), login),
    pullRequestsForCommit: (repo, sha) => listCommitPullRequests(client, nameOf(repo), sha),
    pullRequestHead: (repo, number) => readPullRequestHead(client, nameOf(repo), number),
    pullRequestOrigin: (repo, number) => readPullRequestOrigin(client, nameOf(repo), number),
    async findCheck(repo, headSha, checkName) {
      const found = await findCheckRun(client, nameOf(repo), headSha, { name: checkName, appId });
      if (found) annotationCounts.set(found.check.id, found.annotationCount);
      return found?.check ?? null;
    },

    publishCheck(repo, plan: CheckPlan, existing: ExistingCheck | null): Promise<PublishResult> {
      return publishCheck(client, nameOf(repo), plan, existing, existing ? annotationCounts.get(existing.id) : undefined);
    },

    comment: (repo, issueNumber: number, body: string): Promise<void> => postComment(client, nameOf(repo), issueNumber, body),
    readDiffLines: (repo, number, paths) => readDiffLines(client, nameOf(repo), number, paths),
    hasReview: (repo, number, marker) => hasReview(client, nameOf(repo), number, marker),
    postReview: (repo, number, review) => postReview(client, nameOf(repo), number, review),

    listRunners: (repo) => listRunners(client, nameOf(repo)),
    dispatchWorkflow: (repo, dispatch) => dispatchWorkflow(client, nameOf(repo), dispatch),
    listWorkflowRuns: (repo, workflow, options) => listWorkflowRuns(client, nameOf(repo), workflow, options),
    getWorkflowRun: (repo, id) => getWorkflowRun(client, nameOf(repo), id),
    listRunArtifacts: (repo, runId) => listRunArtifacts(client, nameOf(repo), runId),
    downloadArtifactFiles: (repo, artifactId, limits) => downloadArtifactFiles(client, nameOf(repo), artifactId, limits),
    cancelWorkflowRun: (repo, id) => cancelWorkflowRun(client, nameOf(repo), id),
    upsertComment: (repo, issueNumber, body, existingId) => upsertComment(client, nameOf(repo), issueNumber, body, existingId),
    defaultBranch: (repo) => defaultBranch(client, nameOf(repo)),
  };
}
