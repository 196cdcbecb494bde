import { describe, expect, it } from '@jest/globals';
import { isListed, planGlobs } from '../../../../src/platform/github/reconcile/glob-plan.js';
import { makeKindOf } from '../../../../src/platform/github/reconcile/to-repository-files.js';

describe('which directories every fork lists', () => {
  it.each([
    [['models/*/model.yml'], [{ prefix: 'models', depth: 2 }], []],
    [['**/README.md'], [{ prefix: '', depth: 2 }], []],
    [['registry/**/*.json', 'registry/*.yml'], [{ prefix: 'registry', depth: 2 }], []],
    [['models/registry.yml', './MODEL_CARD.md'], [], ['models/registry.yml', 'MODEL_CARD.md']],
  ])('%j → listings %j, literals %j', (globs, listings, literals) => {
    const plan = planGlobs(globs);
    expect(plan.listings).toEqual(listings);
    expect(plan.literals).toEqual(literals);
  });

  it('asks separately only for paths deeper than a listing reaches', () => {
    const plan = planGlobs(['models/*/model.yml', '**/README.md']);
    expect(isListed(plan, 'models/a/model.yml')).toBe(true);
    expect(isListed(plan, 'models/README.md')).toBe(true);
    expect(isListed(plan, 'models/a/docs/README.md')).toBe(false);
    expect(plan.matches('.hidden/README.md')).toBe(true);
  });

  it.each([
    [['registry/**'], 'registry/README.md', 'registry'],
    [['registry/**'], 'models/a/model.yml', 'card'],
    [undefined, 'models/a/model.yml', 'registry'],
    [undefined, 'models/a/README.md', 'card'],
  ])('registry globs %j: %s is a %s file', (registryGlobs, path, kind) => {
    expect(makeKindOf(registryGlobs)(path)).toBe(kind);
  });
});
