import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { fetchForkRefs } from '../../../../src/platform/local/reconcile/fetch-fork-refs.js';
import { listForkRemotes } from '../../../../src/platform/local/reconcile/list-fork-remotes.js';
import { makeRepo, type TestRepo } from '../make-repo.js';
import { FORK_NAMES, makeForkNetwork, type ForkNetwork } from './make-fork-network.js';

let net: ForkNetwork;
const extra: TestRepo[] = [];
const track = (repo: TestRepo): TestRepo => (extra.push(repo), repo);
beforeAll(async () => {
  net = await makeForkNetwork();
}, 60_000);
afterAll(() => {
  net.cleanup();
  extra.forEach((r) => r.cleanup());
});

/** A repository with one commit on `branch`. */
function makeSource(branch: string): TestRepo {
  const repo = track(makeRepo({ branch }));
  repo.commit('start');
  return repo;
}

describe('listForkRemotes on a clone', () => {
  it('takes the remote the default branch tracks as upstream and every other remote as a fork', async () => {
    const found = await listForkRemotes(net.clone.dir, { all: true });
    expect(found.upstream).toEqual({ name: 'origin', ref: 'refs/remotes/origin/main' });
    expect(found.forks).toEqual([...FORK_NAMES].sort().map((name) => ({ name, ref: `refs/remotes/${name}/main`, problem: null })));
  });

  it('answers named remotes in order, with a problem for an unknown name and for upstream itself', async () => {
    const { forks } = await listForkRemotes(net.clone.dir, { remotes: ['ahead', 'nosuch', 'origin'] });
    expect(forks.map((f) => [f.name, f.ref])).toEqual([['ahead', 'refs/remotes/ahead/main'], ['nosuch', null], ['origin', null]]);
    expect(forks[1]?.problem).toMatch(/no remote named "nosuch".*git remote add nosuch/);
    expect(forks[2]?.problem).toMatch(/"origin" is the upstream/);
  });

  it('lists no forks when asked for none', async () => {
    expect((await listForkRemotes(net.clone.dir, {})).forks).toEqual([]);
  });
});

describe('a remote\'s default branch', () => {
  it('is refs/remotes/<r>/HEAD when set, else main, else master, else a problem naming the fix', async () => {
    const repo = track(makeRepo());
    const trunk = makeSource('trunk');
    trunk.git(['branch', 'main']);
    for (const [name, source] of [['old', makeSource('master')], ['trunky', trunk], ['unfetched', makeSource('main')]] as const) {
      repo.git(['remote', 'add', name, source.dir]);
    }
    await fetchForkRefs(repo.dir, 'old');
    await fetchForkRefs(repo.dir, 'trunky');
    repo.git(['remote', 'set-head', 'trunky', 'trunk']);
    const { forks } = await listForkRemotes(repo.dir, { all: true });
    expect(forks.map((f) => [f.name, f.ref])).toEqual([['old', 'refs/remotes/old/master'], ['trunky', 'refs/remotes/trunky/trunk'], ['unfetched', null]]);
    expect(forks[2]?.problem).toMatch(/git fetch unfetched/);
  });
});

describe('the upstream', () => {
  it('is the local default branch, named ".", in a repository without remotes', async () => {
    const repo = makeSource('main');
    expect((await listForkRemotes(repo.dir, { all: true })).upstream).toEqual({ name: '.', ref: 'refs/heads/main' });
  });

  it('is origin when the default branch tracks nothing', async () => {
    const repo = makeSource('main');
    repo.git(['remote', 'add', 'origin', net.upstream.dir]);
    await fetchForkRefs(repo.dir, 'origin');
    expect((await listForkRemotes(repo.dir, { all: true })).upstream).toEqual({ name: 'origin', ref: 'refs/remotes/origin/main' });
  });

  it('is whatever remote the default branch tracks, even when origin exists', async () => {
    const repo = track(makeRepo({ cloneFrom: net.upstream.dir }));
    repo.git(['remote', 'add', 'canonical', net.upstream.dir]);
    await fetchForkRefs(repo.dir, 'canonical');
    repo.git(['branch', '--set-upstream-to=canonical/main', 'main']);
    const found = await listForkRemotes(repo.dir, { all: true });
    expect(found.upstream).toEqual({ name: 'canonical', ref: 'refs/remotes/canonical/main' });
    expect(found.forks.map((f) => f.name)).toEqual(['origin']);
  });
});
