import { describe, expect, it } from '@jest/globals';
import type { Commit, PullRequest, PullRequestSnapshot, RepoReader } from '../../../src/platform/port.js';
import { withEventMetadata } from '../../../src/transports/actions/with-event-metadata.js';
import type { EventPullRequest } from '../../../src/transports/actions/read-event.js';

const person = { name: 'Ada', email: 'ada@example.org', login: null, type: 'Unknown' as const };
const commit = (sha: string, message: string): Commit => ({ sha, message, author: person, committer: person, parentCount: 1, verified: null });

/** What the local adapter gives for a two-commit range: git's view, no pull request. */
function localReader(): RepoReader {
  const pr: PullRequest = {
    number: null, title: 'feature/x', body: '', draft: false, author: { login: 'Ada', type: 'Unknown', association: 'NONE' },
    labels: [], baseRef: 'main', headRef: 'feature/x', baseSha: 'b'.repeat(40), headSha: 'c'.repeat(40), linkedIssues: null,
    commits: [commit('1'.repeat(40), 'fix: first'), commit('c'.repeat(40), 'feat(api): newest\n\nbody')], files: [],
    truncated: { commits: null, files: null },
    repository: { defaultBranch: 'main', squashMergeAllowed: true, mergeCommitAllowed: true, rebaseMergeAllowed: true, squashMergeCommitTitle: null },
    gitattributes: null,
    known: { title: false, body: false, labels: false },
  };
  const snapshot: PullRequestSnapshot = { pr, config: { repository: null, organization: null }, existingCheck: null };
  return {
    capabilities: { checks: false, comments: false, identity: false },
    loadPullRequest: async () => structuredClone(snapshot),
    readFile: async (repository, path) => ({ origin: `${repository}:${path}`, path, text: 'x' }),
    isOrgMember: async () => false,
    permissionOf: async () => ({ level: 'none', role: 'none' }),
    pullRequestsForCommit: async () => [],
    pullRequestHead: async () => pr.headSha,
  };
}

const ref = { owner: 'o', repo: 'r', number: 7 };

describe('withEventMetadata', () => {
  it('puts what the payload knows over what git knows', async () => {
    const event: EventPullRequest = {
      number: 7, title: 'feat: from the event', body: 'Closes #1', labels: ['docs'], draft: true,
      author: { login: 'dependabot[bot]', type: 'Bot', association: 'NONE' }, headRef: 'deps/x', baseRef: 'develop',
    };
    const { pr } = await withEventMetadata(localReader(), event).loadPullRequest(ref, 'Steward / style');
    expect(pr).toMatchObject({ ...event, headSha: 'c'.repeat(40), known: { title: true, body: true, labels: true } });
    expect(pr.commits).toHaveLength(2);
  });

  it('marks title, description and labels unknown when there is no pull request', async () => {
    const { pr } = await withEventMetadata(localReader(), null).loadPullRequest(ref, 'Steward / style');
    expect(pr.known).toEqual({ title: false, body: false, labels: false });
    expect(pr.number).toBeNull();
  });

  it('passes file reads through', async () => {
    await expect(withEventMetadata(localReader(), null).readFile('local/x', 'a.yml')).resolves.toMatchObject({ origin: 'local/x:a.yml' });
  });
});
