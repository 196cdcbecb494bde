import { describe, expect, it } from '@jest/globals';
import { editDistance, suggestKey } from '../../src/config/suggest-key.js';

const RULE_KEYS = ['severity', 'except', 'only', 'max-files', 'max-lines', 'ignore', 'ignore-generated'];

describe('suggestKey', () => {
  it.each([
    ['sevrity', 'severity'],
    ['severty', 'severity'],
    ['excpet', 'except'],
    ['maxFiles', 'max-files'],
    ['MAX_LINES', 'max-lines'],
    ['ignore_generated', 'ignore-generated'],
    ['onyl', 'only'],
  ])('%s -> %s', (typo, expected) => {
    expect(suggestKey(typo, RULE_KEYS)).toBe(expected);
  });

  it.each(['colour', 'x', 'paths', 'k'.repeat(100)])('suggests nothing for %s', (key) => {
    expect(suggestKey(key, RULE_KEYS)).toBeNull();
  });

  it('counts a swap of neighbours as one edit', () => {
    expect(editDistance('excpet', 'except')).toBe(1);
    expect(editDistance('', 'abc')).toBe(3);
  });
});
