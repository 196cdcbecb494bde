/** A fake platform for workflow tests: an in-memory RepoReader/RepoWriter that records what it was asked. */
import type {
  CheckPlan, ConfigCandidates, ExistingCheck, FileReader, HeadFile, PublishResult, PullRequestSnapshot, RepoPermission, RepoReader,
  RepoWriter, ReviewPlan, ReviewWriter, TextFile,
} from '../../src/platform/port.js';
import type { PullRequest } from '../../src/engines/pull-request.js';

export interface FakePlatform extends RepoReader, RepoWriter, FileReader, ReviewWriter {
  published: { plan: CheckPlan; existing: ExistingCheck | null }[];
  memberLookups: string[];
  fileReads: string[];
  /** Each readFiles call: the ref and the paths asked for. */
  headReads: { ref: string; paths: string[] }[];
  diffReads: string[][];
  reviews: ReviewPlan[];
}

export function createFakePlatform(options: {
  pr: PullRequest;
  config?: Partial<ConfigCandidates>;
  files?: Record<string, string>;
  members?: string[];
  existingCheck?: ExistingCheck | null;
  /** By login; anyone else is no collaborator. */
  permissions?: Record<string, RepoPermission>;
  /** Open pull requests by head commit. */
  pullRequestsByHead?: Record<string, number[]>;
  /** Files at the head commit: text, or a Buffer for a binary file. */
  headFiles?: Record<string, string | Buffer>;
  /** Head-side diff lines by path, for readDiffLines. */
  diffLines?: Record<string, number[]>;
  /** Bodies of the reviews already on the pull request. */
  reviewBodies?: string[];
}): FakePlatform {
  const platform: FakePlatform = {
    capabilities: { checks: true, comments: true, identity: true },
    published: [],
    memberLookups: [],
    fileReads: [],
    headReads: [],
    diffReads: [],
    reviews: [],
    async loadPullRequest(): Promise<PullRequestSnapshot> {
      return {
        pr: options.pr,
        config: { repository: null, organization: null, ...options.config },
        existingCheck: options.existingCheck ?? null,
      };
    },
    async readFile(repository, path): Promise<TextFile | null> {
      const key = `${repository ?? '.'}:${path}`;
      platform.fileReads.push(key);
      const text = options.files?.[key];
      return text === undefined ? null : { origin: key, path, text };
    },
    async isOrgMember(_org, login) {
      platform.memberLookups.push(login);
      return (options.members ?? []).includes(login);
    },
    async permissionOf(_repo, login) {
      return options.permissions?.[login] ?? { level: 'none', role: 'none' };
    },
    async pullRequestsForCommit(_repo, sha) {
      return options.pullRequestsByHead?.[sha] ?? [];
    },
    async pullRequestHead() {
      return options.pr.headSha;
    },
    async findCheck() {
      return options.existingCheck ?? null;
    },
    async publishCheck(_repo, plan, existing): Promise<PublishResult> {
      platform.published.push({ plan, existing });
      const written = existing?.fingerprint !== plan.fingerprint;
      return { checkId: existing?.id ?? 1, written, requests: written ? 1 : 0 };
    },
    async comment() {},
    async readFiles(_repo, ref, paths, maxBytes): Promise<HeadFile[]> {
      platform.headReads.push({ ref, paths: [...paths] });
      return paths.flatMap((path): HeadFile[] => {
        const content = options.headFiles?.[path];
        if (content === undefined) return [];
        const bytes = Buffer.byteLength(content);
        if (typeof content !== 'string') return [{ path, text: null, bytes, reason: 'binary' }];
        return [bytes > maxBytes ? { path, text: null, bytes, reason: 'too-large' } : { path, text: content, bytes }];
      });
    },
    async readDiffLines(_repo, _number, paths) {
      platform.diffReads.push([...paths]);
      return new Map(paths.flatMap((p) => (options.diffLines?.[p] ? [[p, new Set(options.diffLines[p])] as const] : [])));
    },
    async hasReview(_repo, _number, marker) {
      return [...(options.reviewBodies ?? []), ...platform.reviews.map((r) => r.body)].some((body) => body.includes(marker));
    },
    async postReview(_repo, _number, review) {
      platform.reviews.push(review);
    },
  };
  return platform;
}

export function configFile(text: string, origin = 'octo/models:.github/steward.yml'): TextFile {
  return { origin, path: '.github/steward.yml', text };
}
