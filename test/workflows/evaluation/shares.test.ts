import { describe, expect, it } from '@jest/globals';
import { sharesOf } from '../../../src/workflows/evaluation/read-dispatch-state.js';

const quota = (minutes: number | null) => ({ concurrentShards: null, runnerMinutesPerMonth: minutes });

describe('fair-share weights', () => {
  it('give each repository its runner-minutes quota as its share, and the median to one without a quota', () => {
    expect(sharesOf({ 'o/a': quota(6000), 'o/b': quota(2000), 'o/c': quota(null), 'o/d': quota(1000) })).toEqual({
      'o/a': 6000, 'o/b': 2000, 'o/c': 2000, 'o/d': 1000,
    });
  });

  it('weigh everyone alike when no repository has a quota', () => {
    expect(sharesOf({ 'o/a': quota(null), 'o/b': quota(null) })).toEqual({ 'o/a': 1, 'o/b': 1 });
  });
});
