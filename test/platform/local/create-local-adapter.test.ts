import { afterEach, describe, expect, it } from '@jest/globals';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createLocalAdapter } from '../../../src/platform/local/create-local-adapter.js';
import { isUsageError } from '../../../src/platform/local/usage-error.js';
import { importCommits, makeRepo, type TestRepo } from './make-repo.js';

const REF = { owner: 'local', repo: 'x', number: 0 };
const repos: TestRepo[] = [];
function repo(options?: { branch?: string; cloneFrom?: string }): TestRepo {
  const r = makeRepo(options);
  repos.push(r);
  return r;
}
afterEach(() => repos.splice(0).forEach((r) => r.cleanup()));

/** main with one commit, then a feature branch checked out. */
function featureRepo(branch = 'feat/add-card'): TestRepo {
  const r = repo();
  r.write('README.md', '# model\n');
  r.commit('chore: start');
  r.git(['checkout', '-q', '-b', branch]);
  return r;
}

async function load(r: TestRepo, options: Record<string, unknown> = {}) {
  const adapter = await createLocalAdapter({ dir: r.dir, ...options });
  return { adapter, ...(await adapter.loadPullRequest(REF, 'Steward / style')) };
}

describe('createLocalAdapter: commits', () => {
  it('reads base..head oldest first, against the merge base with main', async () => {
    const r = featureRepo();
    const base = r.git(['rev-parse', 'HEAD']).trim();
    r.write('a.txt', 'a\n');
    const first = r.commit('feat: add a\n\nWhy a is needed.\n\nSigned-off-by: Ada Lovelace <ada@example.org>');
    r.write('b.txt', 'b\n');
    const second = r.commit('fix: b', { author: 'Grace Hopper <grace@example.org>' });
    const { pr, adapter } = await load(r);
    expect(pr.commits.map((c) => c.sha)).toEqual([first, second]);
    expect(pr.commits[0]!.message).toBe('feat: add a\n\nWhy a is needed.\n\nSigned-off-by: Ada Lovelace <ada@example.org>');
    expect(pr.commits[1]!.author).toEqual({ name: 'Grace Hopper', email: 'grace@example.org', login: null, type: 'User' });
    expect(pr.commits[1]!.committer.email).toBe('ada@example.org');
    expect(pr.commits[0]!.parentCount).toBe(1);
    expect(pr.commits[0]!.verified).toBeNull();
    expect(pr).toMatchObject({ baseSha: base, headSha: second, baseRef: 'main', headRef: 'feat/add-card', number: null });
    expect(pr.title).toBe('feat/add-card'); // several commits, no --title: the branch name
    expect(pr.author).toEqual({ login: 'Grace Hopper', type: 'User', association: 'NONE' });
    expect(pr.repository).toEqual({ defaultBranch: 'main', squashMergeAllowed: true, mergeCommitAllowed: true, rebaseMergeAllowed: true, squashMergeCommitTitle: null });
    expect(adapter.capabilities).toEqual({ checks: false, comments: false, identity: false });
    expect(adapter.range).toMatchObject({ base, head: second, fromRoot: false });
  });

  it('takes the title from the single commit, and title, body and labels from options', async () => {
    const r = featureRepo();
    r.commit('docs: explain the card\n\nlonger text');
    expect((await load(r)).pr.title).toBe('docs: explain the card');
    const { pr } = await load(r, { title: 'feat: given', body: '## Summary\nx', labels: ['model', 'docs'] });
    expect(pr).toMatchObject({ title: 'feat: given', body: '## Summary\nx', labels: ['model', 'docs'], draft: false, linkedIssues: null });
  });

  it('counts merge commits with two parents and leaves out what main already has', async () => {
    const r = featureRepo();
    r.write('f.txt', 'f\n');
    r.commit('feat: f');
    r.git(['checkout', '-q', 'main']);
    r.write('m.txt', 'm\n');
    const onMain = r.commit('chore: on main');
    r.git(['checkout', '-q', 'feat/add-card']);
    r.git(['merge', '-q', '--no-edit', 'main']);
    const { pr } = await load(r);
    expect(pr.baseSha).toBe(onMain);
    expect(pr.commits.map((c) => c.parentCount)).toEqual([1, 2]);
    expect(pr.files.map((f) => f.path)).toEqual(['f.txt']);
  });

  it('decodes Latin-1 message bytes instead of crashing, and honours a declared encoding', async () => {
    const r = featureRepo();
    r.commit(Buffer.from('fix: caf\xe9 cr\xe8me\n', 'latin1'), { author: 'Jos\xe9 <jose@example.org>' });
    r.commit(Buffer.from('docs: na\xefve\n', 'latin1'), { config: ['i18n.commitEncoding=ISO-8859-1'] });
    const { pr } = await load(r);
    expect(pr.commits.map((c) => c.message)).toEqual(['fix: café crème', 'docs: naïve']);
  });

  it('reads an empty message as an empty string', async () => {
    const r = featureRepo();
    r.write('x.txt', 'x\n');
    r.commit('', { extraArgs: ['--allow-empty-message'] });
    r.commit('fix: after');
    const { pr } = await load(r);
    expect(pr.commits.map((c) => c.message)).toEqual(['', 'fix: after']);
  });

  it('marks bot authors and takes logins from GitHub noreply addresses', async () => {
    const r = featureRepo();
    r.commit('chore(deps): bump', { author: 'dependabot[bot] <49699333+dependabot[bot]@users.noreply.github.com>' });
    const { pr } = await load(r);
    expect(pr.commits[0]!.author).toMatchObject({ login: 'dependabot[bot]', type: 'Bot' });
    expect(pr.author).toEqual({ login: 'dependabot[bot]', type: 'Bot', association: 'NONE' });
  });

  it('reads 10,000 commits in one pass, quickly', async () => {
    const r = featureRepo('bulk');
    importCommits(r, 'bulk', 10_000, (i) => (i % 2 ? `feat: change ${i}` : `change ${i}\n\nSigned-off-by: A <a@b.c>`));
    const started = performance.now();
    const { pr } = await load(r);
    const elapsed = performance.now() - started;
    expect(pr.commits).toHaveLength(10_000);
    expect(pr.commits[9_999]!.message).toBe('feat: change 9999');
    expect(pr.commits[0]!.message).toBe('change 0\n\nSigned-off-by: A <a@b.c>');
    expect(elapsed).toBeLessThan(5_000);
  });
});

describe('createLocalAdapter: ranges', () => {
  it('checks the whole history when head is the default branch', async () => {
    const r = repo();
    r.commit('chore: one');
    r.commit('chore: two');
    const { pr, adapter } = await load(r);
    expect(pr.commits).toHaveLength(2);
    expect(adapter.range.fromRoot).toBe(true);
  });

  it('finds the default branch through origin/HEAD', async () => {
    const upstream = repo({ branch: 'trunk' });
    upstream.write('a.txt', 'a\n');
    upstream.commit('chore: a');
    const clone = repo({ cloneFrom: upstream.dir });
    clone.git(['checkout', '-q', '-b', 'fix/x']);
    clone.write('b.txt', 'b\n');
    clone.commit('fix: b');
    const { pr } = await load(clone);
    expect(pr).toMatchObject({ baseRef: 'trunk', repository: { defaultBranch: 'trunk' } });
    expect(pr.commits.map((c) => c.message)).toEqual(['fix: b']);
  });

  it('honours --base and --head given as branch names', async () => {
    const r = featureRepo();
    const one = r.commit('feat: one');
    r.commit('feat: two');
    const { pr } = await load(r, { base: one, head: 'feat/add-card' });
    expect(pr.commits.map((c) => c.message)).toEqual(['feat: two']);
    expect(pr.headRef).toBe('feat/add-card');
  });

  it.each([
    [{ base: 'no-such-branch' }, /cannot resolve --base no-such-branch/],
    [{ head: 'nope' }, /cannot resolve --head nope/],
    [{ base: '--upload-pack=evil' }, /--base needs a branch/],
  ])('refuses bad refs with a usage error (%p)', async (options, message) => {
    const r = featureRepo();
    const error = await createLocalAdapter({ dir: r.dir, ...options }).catch((e: unknown) => e);
    expect(isUsageError(error)).toBe(true);
    expect((error as Error).message).toMatch(message);
  });

  it('asks for --base when there is no default branch', async () => {
    const r = repo({ branch: 'trunk' });
    r.commit('chore: a');
    await expect(createLocalAdapter({ dir: r.dir })).rejects.toThrow('cannot find the default branch (no origin/HEAD, main or master); pass --base');
  });

  it('says when the folder does not exist, is not a repository or has no commits', async () => {
    const plain = mkdtempSync(path.join(os.tmpdir(), 'steward-plain-'));
    try {
      await expect(createLocalAdapter({ dir: path.join(plain, 'missing') })).rejects.toThrow(/is not a folder; pass --repo/);
      await expect(createLocalAdapter({ dir: plain })).rejects.toThrow(/is not a git repository; pass --repo/);
    } finally {
      rmSync(plain, { recursive: true, force: true });
    }
    await expect(createLocalAdapter({ dir: repo().dir })).rejects.toThrow(/has no commits yet; commit something first/);
    const bare = repo();
    bare.git(['init', '-q', '--bare', 'server.git']);
    await expect(createLocalAdapter({ dir: path.join(bare.dir, 'server.git') })).rejects.toThrow(/is a bare repository, with no work tree; pass --repo/);
  });
});

describe('createLocalAdapter: what only GitHub knows', () => {
  it('grants no one anything, finds no pull requests of a commit, and names its range head as the head', async () => {
    const r = featureRepo();
    r.write('a.txt', 'a\n');
    const head = r.commit('feat: add a');
    const adapter = await createLocalAdapter({ dir: r.dir });
    expect(await adapter.permissionOf({ owner: 'local', repo: 'x' }, 'ada')).toEqual({ level: 'none', role: 'none' });
    expect(await adapter.pullRequestsForCommit({ owner: 'local', repo: 'x' }, head)).toEqual([]);
    expect(await adapter.pullRequestHead({ owner: 'local', repo: 'x' }, 1)).toBe(head);
  });
});
