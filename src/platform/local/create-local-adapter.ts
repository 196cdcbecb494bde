/**
 * The local adapter: a range of a git clone seen as a pull request, for `steward check`.
 * It cannot write checks or comments and knows nothing of GitHub identities; it says so in its
 * capabilities instead of pretending.
 */
import path from 'node:path';
import type {
  Commit, FileReader, PullRequest, PullRequestRef, PullRequestSnapshot, RepoPermission, RepoReader, TextFile,
} from '../port.js';
import { readChangedFiles } from './read-changed-files.js';
import { readCommits } from './read-commits.js';
import { readHeadFiles } from './read-head-files.js';
import { readExtendedFile, readLocalConfig } from './read-local-files.js';
import { resolveRange, type LocalRange } from './resolve-range.js';
import { runGit } from './run-git.js';
import { decodeBytes } from './decode-bytes.js';

export interface LocalAdapterOptions {
  dir: string;
  base?: string;
  head?: string;
  title?: string;
  body?: string;
  labels?: string[];
  /** Relative to the current folder; default `.github/steward.yml` in the work tree. */
  configPath?: string;
}

export interface LocalAdapter extends RepoReader, FileReader {
  readonly range: LocalRange & { base: string; head: string };
  /** The name readFile treats as "this repository": local/<folder name>. */
  readonly repository: string;
}

export async function createLocalAdapter(options: LocalAdapterOptions): Promise<LocalAdapter> {
  const resolved = await resolveRange(path.resolve(options.dir), options);
  const range = { ...resolved, base: resolved.baseSha, head: resolved.headSha };
  const repository = `local/${path.basename(range.root)}`;
  let configFolder = range.root;

  return {
    capabilities: { checks: false, comments: false, identity: false },
    range,
    repository,
    async loadPullRequest(ref: PullRequestRef): Promise<PullRequestSnapshot> {
      const [commits, files, gitattributes, config] = await Promise.all([
        readCommits(range.root, range.fromRoot ? range.headSha : `${range.baseSha}..${range.headSha}`),
        readChangedFiles(range.root, range.baseSha, range.headSha, !range.fromRoot),
        readHeadFile(range.root, range.headSha, '.gitattributes'),
        readLocalConfig(range.root, options.configPath),
      ]);
      if (config) configFolder = path.dirname(path.resolve(range.root, config.path));
      const pr = buildPullRequest(range, commits, files, gitattributes, options, ref.number);
      return { pr, config: { repository: config, organization: null }, existingCheck: null };
    },
    async readFile(target: string | null, filePath: string): Promise<TextFile | null> {
      // GitHub cannot be reached offline; only this repository's own files resolve.
      if (target !== null && target !== '' && target !== repository) return null;
      return readExtendedFile(range.root, configFolder, filePath);
    },
    async isOrgMember(): Promise<boolean> {
      return false;
    },
    // A clone knows no collaborators (capabilities.identity is false): nobody is granted anything.
    async permissionOf(): Promise<RepoPermission> {
      return { level: 'none', role: 'none' };
    },
    // Pull requests live on GitHub; offline there are none to find.
    async pullRequestsForCommit(): Promise<number[]> {
      return [];
    },
    // The range is this adapter's only pull request, whatever its number.
    async pullRequestHead(): Promise<string> {
      return range.headSha;
    },
    // The clone is the only repository: `repo` names it, `ref` is any commit-ish of it.
    readFiles: (_repo, ref, paths, maxBytes) => readHeadFiles(range.root, ref, paths, maxBytes),
  };
}

function buildPullRequest(
  range: LocalRange,
  commits: Commit[],
  files: PullRequest['files'],
  gitattributes: string | null,
  options: LocalAdapterOptions,
  number: number,
): PullRequest {
  const newest = commits[commits.length - 1];
  const single = commits.length === 1 ? commits[0]!.message.split('\n')[0]! : null;
  return {
    number: number > 0 ? number : null,
    title: options.title ?? single ?? range.headRef,
    body: options.body ?? '',
    draft: false,
    author: newest
      ? { login: newest.author.login ?? newest.author.name, type: newest.author.type, association: 'NONE' }
      : { login: '', type: 'Unknown', association: 'NONE' },
    labels: options.labels ?? [],
    baseRef: range.baseRef,
    headRef: range.headRef,
    baseSha: range.baseSha,
    headSha: range.headSha,
    linkedIssues: null,
    commits,
    files,
    truncated: { commits: null, files: null },
    repository: {
      defaultBranch: range.defaultBranch ?? range.baseRef,
      // Unknown offline: allow every merge method, so squash-aware rules still lint the commits.
      squashMergeAllowed: true,
      mergeCommitAllowed: true,
      rebaseMergeAllowed: true,
      squashMergeCommitTitle: null,
    },
    gitattributes,
    // Only what the user passed: a branch name is no title, and no description is not an empty one.
    known: { title: options.title !== undefined, body: options.body !== undefined, labels: options.labels !== undefined },
  };
}

async function readHeadFile(root: string, headSha: string, file: string): Promise<string | null> {
  try {
    return decodeBytes(await runGit(root, ['cat-file', 'blob', `${headSha}:${file}`]));
  } catch {
    return null;
  }
}
