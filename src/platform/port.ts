/**
 * The port: the only platform surface workflows import. Two adapters implement it:
 * `github` (Octokit REST + GraphQL) and `local` (simple-git over a clone).
 * Adapters convert to these types at the boundary; no Octokit type leaks inward.
 */
import type { PullRequest } from '../engines/pull-request.js';

export type {
  AuthorType, AuthorAssociation, Person, Commit, FileStatus, ChangedFile, Truncation, RepositorySettings, PullRequest, KnownFields,
} from '../engines/pull-request.js';

/** A text file read from a repository (config, .gitattributes, model cards). */
export interface TextFile {
  /** Where it came from, as users write it: "owner/repo:.github/steward.yml" or a local path. */
  origin: string;
  path: string;
  text: string;
}

/** Config files read alongside a pull request: the repository's own, then the org `.github` fallback. */
export interface ConfigCandidates {
  repository: TextFile | null;
  organization: TextFile | null;
}

export interface ExistingCheck {
  id: number;
  status: 'queued' | 'in_progress' | 'completed' | 'waiting' | 'requested' | 'pending';
  /** The fingerprint Steward wrote in the summary, to skip unchanged writes. */
  fingerprint: string | null;
  /** The fingerprint of the annotations it carries: equal ones let an update send none. */
  annotationsFingerprint?: string | null;
}

export interface PullRequestSnapshot {
  pr: PullRequest;
  config: ConfigCandidates;
  existingCheck: ExistingCheck | null;
}

export interface PullRequestRef {
  owner: string;
  repo: string;
  number: number;
  /** Known from the webhook; lets the adapter read config and .gitattributes in the same query. */
  headSha?: string;
  defaultBranch?: string;
}

export interface Capabilities {
  checks: boolean;
  comments: boolean;
  /** Verified signatures and org membership are known. */
  identity: boolean;
}

export interface CheckAnnotation {
  path: string;
  startLine: number;
  endLine: number;
  startColumn?: number;
  endColumn?: number;
  level: 'failure' | 'warning' | 'notice';
  title: string;
  message: string;
}

export type CheckConclusion = 'success' | 'failure' | 'neutral' | 'action_required' | 'skipped' | 'cancelled' | 'timed_out';

export interface CheckAction {
  label: string;
  description: string;
  identifier: string;
}

export interface CheckPlan {
  name: string;
  headSha: string;
  /** A check still working (an evaluation in flight); absent means completed with `conclusion`. */
  status?: 'queued' | 'in_progress';
  /** Ignored while `status` says the check is still working. */
  conclusion: CheckConclusion;
  title: string;
  summary: string;
  text: string | null;
  annotations: CheckAnnotation[];
  actions: CheckAction[];
  /** Hash of everything the check shows; equal fingerprints are not written again. */
  fingerprint: string;
  /** Hash of the annotations alone: GitHub appends annotations on update, never replaces them. */
  annotationsFingerprint: string;
  /** Opaque state to restore on re-run (e.g. the PR number), stored in `external_id`. */
  externalId: string;
}

export interface PublishResult {
  checkId: number | null;
  written: boolean;
  requests: number;
}

/** A repository role, highest first. Kept apart where GitHub's legacy `permission` folds maintain into write and triage into read. */
export type PermissionLevel = 'admin' | 'maintain' | 'write' | 'triage' | 'read' | 'none';

export interface RepoPermission {
  /** The highest standard role the person holds; 'none' when they are no collaborator. */
  level: PermissionLevel;
  /** The role's name as the platform shows it (a custom role keeps its own name), for replies. */
  role: string;
}

export type RepoName = { owner: string; repo: string };

export interface RepoReader {
  readonly capabilities: Capabilities;
  /** The PR, its commits and files, repository settings, config candidates and the existing check, in as few reads as the platform allows. */
  loadPullRequest(ref: PullRequestRef, checkName: string): Promise<PullRequestSnapshot>;
  /** A file for `_extends`; null when absent. `repository` is "owner/repo" (at `ref`, else its
   *  default branch), or null for a path relative to the local config file: the GitHub adapter
   *  answers null to that, the local adapter answers null to any repository. */
  readFile(repository: string | null, path: string, ref?: string | null): Promise<TextFile | null>;
  /** Whether a login is a member of an organisation (for skip-verified-members). */
  isOrgMember(org: string, login: string): Promise<boolean>;
  /** What a login may do in a repository (who may run `/steward` commands); level 'none' for no collaborator. */
  permissionOf(repo: RepoName, login: string): Promise<RepoPermission>;
  /** Numbers of the open pull requests of this repository whose head is `sha`, forks included
   *  (check suite payloads list none from a fork); [] when there are none. */
  pullRequestsForCommit(repo: RepoName, sha: string): Promise<number[]>;
  /** The current head commit of a pull request. */
  pullRequestHead(repo: RepoName, number: number): Promise<string>;
}

export interface RepoWriter {
  readonly capabilities: Capabilities;
  /** Steward's latest check run of that name on a commit, to update instead of adding one; null when none. */
  findCheck(repo: RepoName, headSha: string, checkName: string): Promise<ExistingCheck | null>;
  publishCheck(repo: { owner: string; repo: string }, plan: CheckPlan, existing: ExistingCheck | null): Promise<PublishResult>;
  comment(repo: { owner: string; repo: string }, issueNumber: number, body: string): Promise<void>;
}

/** A file read at a commit for a check: its text, or only its size when it was not read (binary, or over the limit). */
export type HeadFile =
  | { path: string; text: string; bytes: number }
  | { path: string; text: null; bytes: number; reason: 'binary' | 'too-large' };

/** Reads the files a check looks at (the changed model cards). Apart from RepoReader: only adapters that can read blobs offer it. */
export interface FileReader {
  /** The files `paths` of `repo` at commit `ref`, in as few reads as the platform allows (GitHub: one
   *  GraphQL query per 100 paths). Paths absent at `ref` are left out; binary files and files over
   *  `maxBytes` come back without their text. */
  readFiles(repo: RepoName, ref: string, paths: readonly string[], maxBytes: number): Promise<HeadFile[]>;
}

/** A review comment on one line of the head side of the diff. */
export interface ReviewComment {
  path: string;
  line: number;
  body: string;
}

export interface ReviewPlan {
  /** The commit the comments are about. */
  headSha: string;
  /** Carries `marker`, so the same review is never posted twice. */
  body: string;
  comments: ReviewComment[];
}

/** Pull-request reviews: what a review may comment on, whether Steward already posted one, and posting it. */
export interface ReviewWriter {
  /** The head-side lines each file's diff shows (the lines a review may comment on), by path;
   *  a path is missing when the platform gives no diff for it (binary, too large). */
  readDiffLines(repo: RepoName, number: number, paths: readonly string[]): Promise<Map<string, Set<number>>>;
  /** Whether a review of the pull request already has `marker` in its body. */
  hasReview(repo: RepoName, number: number, marker: string): Promise<boolean>;
  /** One review with event COMMENT and its line comments. */
  postReview(repo: RepoName, number: number, review: ReviewPlan): Promise<void>;
}

/** A self-hosted runner as GitHub lists it. */
export interface Runner {
  name: string;
  online: boolean;
  busy: boolean;
  labels: string[];
}

export interface WorkflowDispatch {
  /** Workflow file name, e.g. "steward-eval.yml". */
  workflow: string;
  /** Branch or tag the workflow file is read from (the default branch). */
  ref: string;
  /** workflow_dispatch inputs (strings), within GitHub's limits (25 inputs, 65,535 characters). */
  inputs: Record<string, string>;
}

export interface WorkflowRunInfo {
  id: number;
  /** The run-name, where Steward puts its dispatch id. */
  displayTitle: string;
  status: string;
  conclusion: string | null;
  headSha: string;
  /** Minutes between start and last update, for the usage ledger. */
  minutes: number;
}

export interface ArtifactInfo {
  id: number;
  name: string;
  bytes: number;
  expired: boolean;
}

export interface ArtifactLimits {
  maxZipBytes: number;
  maxFiles: number;
  maxFileBytes: number;
}

export interface ArtifactFile {
  /** Entry name with / separators, never absolute, never with "..". */
  path: string;
  bytes: Uint8Array;
}

/** What the evaluation needs of the platform: runners, dispatch, artifacts, one comment kept in place. */
export interface EvalPlatform {
  /** Self-hosted runners of the organisation (or, without that permission, of the repository); null when neither may be read. */
  listRunners(repo: RepoName): Promise<Runner[] | null>;
  /** Starts the workflow; returns the run id when GitHub says it (return_run_details), else null. */
  dispatchWorkflow(repo: RepoName, dispatch: WorkflowDispatch): Promise<{ workflowRunId: number | null }>;
  /** Recent runs of the workflow (newest first), to find a dispatch's run by its run-name. */
  listWorkflowRuns(repo: RepoName, workflow: string, options: { createdAfter: Date }): Promise<WorkflowRunInfo[]>;
  getWorkflowRun(repo: RepoName, id: number): Promise<WorkflowRunInfo>;
  listRunArtifacts(repo: RepoName, workflowRunId: number): Promise<ArtifactInfo[]>;
  /**
   * The files of an artifact (a zip made by someone else's workflow: untrusted). Throws ArtifactError
   * when the zip is larger than `maxZipBytes`, holds more than `maxFiles` entries, an entry would
   * unpack past `maxFileBytes` (zip bombs are caught while inflating, not by the sizes the zip claims),
   * or an entry's name is absolute or climbs out with `..`.
   */
  downloadArtifactFiles(repo: RepoName, artifactId: number, limits: ArtifactLimits): Promise<ArtifactFile[]>;
  cancelWorkflowRun(repo: RepoName, id: number): Promise<void>;
  /** Creates the issue comment, or edits comment `existingId` in place; returns its id. A deleted comment is created anew. */
  upsertComment(repo: RepoName, issueNumber: number, body: string, existingId: number | null): Promise<number>;
  /** The repository's default branch. */
  defaultBranch(repo: RepoName): Promise<string>;
  /** Head commit, branch, and whether the head lives in a fork (from the pull request itself). */
  pullRequestOrigin(repo: RepoName, number: number): Promise<PullRequestOrigin>;
}

/** How one piece's command ended on this machine or a runner. */
export interface CommandOutcome {
  exitCode: number | null;
  timedOut: boolean;
  /** The last lines of its output (stderr, then stdout), for the error message. */
  outputTail: string;
  seconds: number;
}

/** Runs shard commands and reads what they wrote (the eval-shard Action and `steward eval run`). */
export interface ShardExecutor {
  /** Runs `command` through the shell in `cwd`, killed (with its children) after `timeoutMs`. */
  runCommand(command: string, options: { cwd: string; timeoutMs: number; env?: Record<string, string> }): Promise<CommandOutcome>;
  /** A fresh empty folder for one piece's output. */
  makeOutputDir(label: string): Promise<string>;
  /** Result files under `dir` (recursively, at most `maxBytes` each): path → text; larger or binary files are listed with text null. */
  readOutputs(dir: string, maxBytes: number): Promise<{ path: string; text: string | null; bytes: number }[]>;
  /** Deletes a folder made by makeOutputDir once its results are read (a laptop's temp folder fills up otherwise). */
  removeOutputDir(dir: string): Promise<void>;
}

/** Where a pull request's head lives, for the fork policy of evaluations. */
export interface PullRequestOrigin {
  headSha: string;
  headRef: string;
  /** The head repository differs from the base, or was deleted: the code comes from outside. */
  fromFork: boolean;
  open: boolean;
}
