import { afterEach, describe, expect, it } from '@jest/globals';
import path from 'node:path';
import { createLocalAdapter } from '../../../src/platform/local/create-local-adapter.js';
import { makeRepo, type TestRepo } from './make-repo.js';

const REF = { owner: 'local', repo: 'x', number: 0 };
const repos: TestRepo[] = [];
afterEach(() => repos.splice(0).forEach((r) => r.cleanup()));

function featureRepo(): TestRepo {
  const r = makeRepo();
  repos.push(r);
  r.write('.github/steward.yml', 'style:\n  rules: {}\n');
  r.commit('chore: start');
  r.git(['checkout', '-q', '-b', 'feat/config']);
  r.commit('feat: x');
  return r;
}

describe('createLocalAdapter: config and readFile', () => {
  it('reads .github/steward.yml from the work tree, uncommitted edits included', async () => {
    const r = featureRepo();
    r.write('.github/steward.yml', 'style:\n  rules:\n    draft: { severity: off }\n');
    const { config } = await (await createLocalAdapter({ dir: r.dir })).loadPullRequest(REF, 'x');
    expect(config).toEqual({
      repository: { origin: '.github/steward.yml', path: '.github/steward.yml', text: 'style:\n  rules:\n    draft: { severity: off }\n' },
      organization: null,
    });
  });

  it('gives no config when the file is missing', async () => {
    const r = featureRepo();
    r.git(['rm', '-q', '.github/steward.yml']);
    const { config } = await (await createLocalAdapter({ dir: r.dir })).loadPullRequest(REF, 'x');
    expect(config.repository).toBeNull();
  });

  it('reads --config as given, and says when it does not exist', async () => {
    const r = featureRepo();
    r.write('ci/strict.yml', 'style: {}\n');
    const file = path.join(r.dir, 'ci/strict.yml');
    const { config } = await (await createLocalAdapter({ dir: r.dir, configPath: file })).loadPullRequest(REF, 'x');
    expect(config.repository).toEqual({ origin: file, path: 'ci/strict.yml', text: 'style: {}\n' });
    const missing = await createLocalAdapter({ dir: r.dir, configPath: path.join(r.dir, 'nope.yml') });
    await expect(missing.loadPullRequest(REF, 'x')).rejects.toThrow(/--config .*nope\.yml: no such file/);
  });

  it('resolves _extends files locally: ./ from the config folder, others from the root; other repositories are unreachable', async () => {
    const r = featureRepo();
    r.write('.github/base.yml', 'from: github folder\n');
    r.write('shared/base.yml', 'from: root\n');
    const adapter = await createLocalAdapter({ dir: r.dir });
    await adapter.loadPullRequest(REF, 'x');
    expect(await adapter.readFile(null, './base.yml')).toEqual({ origin: './base.yml', path: '.github/base.yml', text: 'from: github folder\n' });
    expect((await adapter.readFile(adapter.repository, 'shared/base.yml'))?.text).toBe('from: root\n');
    expect(await adapter.readFile('octo-org/.github', '.github/steward.yml')).toBeNull();
    expect(await adapter.readFile(null, './missing.yml')).toBeNull();
    expect(await adapter.isOrgMember('octo-org', 'ada')).toBe(false);
  });
});
