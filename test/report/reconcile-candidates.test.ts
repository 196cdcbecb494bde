/** Which forks' changes a maintainer should look at first, and how versions are ordered. */
import { describe, expect, it } from '@jest/globals';
import { compareNewestFirst, rankCandidates } from '../../src/report/reconcile-candidates.js';
import { fork, meta, report } from './reconcile-fixtures.js';

describe('compareNewestFirst', () => {
  const newestFirst: (string | null)[] = ['99999999999999999999.0.0', 'v2.0.0', '1.10.0', '1.9', '1.0.0', '1.0.0-rc.1', '1.0.0-beta.11', '1.0.0-beta.2', 'apple', 'banana', null];
  it('orders SemVer newest first, then other strings, then no version', () => {
    expect([...newestFirst].reverse().sort(compareNewestFirst)).toEqual(newestFirst);
  });
  it.each([['1.0.0', 'v1.0.0'], ['1.0.0+build.1', '1.0.0'], [null, null]])('%s ranks with %s', (a, b) => {
    expect(compareNewestFirst(a, b)).toBe(0);
  });
});

describe('rankCandidates', () => {
  it('groups ahead forks by content and ranks newest first', () => {
    expect(rankCandidates(report())).toEqual([{ model: 'llama-ft', version: '1.1.0', contentHash: meta('x', null, 'b').contentHash, forks: ['alice/models', 'carol/models'] }]);
  });

  it('ranks by version, then by how many forks agree', () => {
    const r = report();
    r.models = [{
      id: 'm', upstream: meta('m', '1.0.0', 'a'),
      forks: [fork('x', meta('m', '1.1.0', 'b'), 'ahead'), fork('y', meta('m', '1.1.0', 'c'), 'ahead'), fork('z', meta('m', '1.1.0', 'c'), 'ahead'),
        fork('w', meta('m', 'v1.2.0-rc.1', 'd'), 'ahead'), fork('q', meta('m', '9.0.0', 'e'), 'behind')],
    }];
    expect(rankCandidates(r).map((c) => [c.version, c.forks])).toEqual([['v1.2.0-rc.1', ['w']], ['1.1.0', ['y', 'z']], ['1.1.0', ['x']]]);
  });
});
