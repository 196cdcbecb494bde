/** A fake platform for workflow tests: an in-memory RepoReader/RepoWriter that records what it was asked. */
import type {
  CheckPlan, ConfigCandidates, ExistingCheck, PublishResult, PullRequestSnapshot, RepoPermission, RepoReader, RepoWriter, TextFile,
} from '../../src/platform/port.js';
import type { PullRequest } from '../../src/engines/pull-request.js';

export interface FakePlatform extends RepoReader, RepoWriter {
  published: { plan: CheckPlan; existing: ExistingCheck | null }[];
  memberLookups: string[];
  fileReads: string[];
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
}): FakePlatform {
  const platform: FakePlatform = {
    capabilities: { checks: true, comments: true, identity: true },
    published: [],
    memberLookups: [],
    fileReads: [],
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
  };
  return platform;
}

export function configFile(text: string, origin = 'octo/models:.github/steward.yml'): TextFile {
  return { origin, path: '.github/steward.yml', text };
}
