import { describe, expect, it } from '@jest/globals';
import { compilePattern } from '../../../src/engines/style/compile-pattern.js';
import { findExponentialPattern } from '../../../src/engines/style/unsafe-pattern.js';

describe('patterns that can take exponential time are refused', () => {
  it.each([
    '^(\\w+\\s?)*$', '(a+)+', '(a|ab)*', '^(?:[a-z]+-?)*$', '(\\d{2,})+', '((ab)*c)*', '(?<word>\\w+)*', '(a?){2,}',
  ])('refuses %s', (pattern) => {
    expect(findExponentialPattern(pattern)).not.toBeNull();
    expect(compilePattern(pattern)).toEqual({ error: expect.stringMatching(/exponential time.*rewrite it without a quantifier inside a repeated group/) });
  });

  it.each([
    '^(feat|fix|docs)(\\([a-z-]+\\))?!?: .+$', '^[\\w\\s]*$', '^(?:feat|fix)/[a-z0-9-]+$', '\\(a+\\)*', '[(a+)]*', '^(ab){3}$',
    '(a+)?', '^[A-Z][^.]*$', '^(?=.*\\d)\\w+$', '^(release|hotfix)/v\\d+\\.\\d+$',
  ])('accepts %s', (pattern) => {
    expect(findExponentialPattern(pattern)).toBeNull();
    expect(compilePattern(pattern)).toHaveProperty('regex');
  });
});
