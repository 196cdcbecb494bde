import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { fetchForkRefs } from '../../../../src/platform/local/reconcile/fetch-fork-refs.js';
import { mergeBase } from '../../../../src/platform/local/reconcile/merge-base.js';
import { makeRepo } from '../make-repo.js';
import { makeForkNetwork, type ForkNetwork } from './make-fork-network.js';

let net: ForkNetwork;
beforeAll(async () => {
  net = await makeForkNetwork();
}, 60_000);
afterAll(() => net.cleanup());

const revParse = (ref: string): string => net.clone.git(['rev-parse', '--verify', ref]).trim();

describe('fetchForkRefs', () => {
  it('keeps two forks\' tags of the same name apart, each under its remote', () => {
    expect(revParse('refs/remotes/behind/tags/release')).toBe(net.releaseTags.behind);
    expect(revParse('refs/remotes/ahead/tags/release')).toBe(net.releaseTags.ahead);
    expect(net.releaseTags.behind).not.toBe(net.releaseTags.ahead);
    expect(net.clone.git(['tag', '--list'])).toBe('');
  });

  it('follows a tag the fork moved, instead of refusing to clobber it', async () => {
    net.forks.behind.commit('later');
    net.forks.behind.git(['tag', '-f', 'release']);
    await fetchForkRefs(net.clone.dir, 'behind');
    expect(revParse('refs/remotes/behind/tags/release')).toBe(net.forks.behind.git(['rev-parse', 'HEAD']).trim());
  });

  it('fails with git\'s message for a remote that does not exist', async () => {
    await expect(fetchForkRefs(net.clone.dir, 'nobody')).rejects.toThrow(/nobody/);
  });
});

describe('mergeBase', () => {
  it.each([
    ['ahead', 'secondSha'],
    ['conflict', 'secondSha'],
    ['behind', 'firstSha'],
    ['diverged', 'firstSha'],
  ] as const)('upstream and %s meet at upstream\'s %s', async (fork, expected) => {
    expect(await mergeBase(net.clone.dir, 'refs/remotes/origin/main', `refs/remotes/${fork}/main`)).toBe(net[expected]);
  });

  it('is null for unrelated histories', async () => {
    const stranger = makeRepo();
    try {
      stranger.write('models/a/model.yml', 'id: a\n');
      stranger.commit('unrelated');
      net.clone.git(['remote', 'add', 'stranger', stranger.dir]);
      await fetchForkRefs(net.clone.dir, 'stranger');
      expect(await mergeBase(net.clone.dir, 'refs/remotes/origin/main', 'refs/remotes/stranger/main')).toBeNull();
    } finally {
      stranger.cleanup();
    }
  });

  it('throws for a ref that does not exist, rather than calling it unrelated', async () => {
    await expect(mergeBase(net.clone.dir, 'refs/remotes/origin/main', 'refs/remotes/ghost/main')).rejects.toThrow(/ghost/);
  });
});
