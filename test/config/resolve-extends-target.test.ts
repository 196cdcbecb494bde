import { describe, expect, it } from '@jest/globals';
import { locationOfOrigin, resolveExtendsTarget, type ConfigLocation } from '../../src/config/resolve-extends-target.js';

const inRepo: ConfigLocation = { repository: 'acme/models', path: '.github/steward.yml', ref: null };
const local: ConfigLocation = { repository: null, path: 'conf/steward.yml', ref: null };

describe('resolveExtendsTarget', () => {
  it.each([
    ['.github', inRepo, { repository: 'acme/.github', path: '.github/steward.yml', ref: null }],
    ['other/shared', inRepo, { repository: 'other/shared', path: '.github/steward.yml', ref: null }],
    ['policies:steward/base.yml', inRepo, { repository: 'acme/policies', path: 'steward/base.yml', ref: null }],
    ['other/shared:base.yaml', inRepo, { repository: 'other/shared', path: 'base.yaml', ref: null }],
    ['other/shared:base.yml@v1.2', inRepo, { repository: 'other/shared', path: 'base.yml', ref: 'v1.2' }],
    ['.github@release/2025', inRepo, { repository: 'acme/.github', path: '.github/steward.yml', ref: 'release/2025' }],
    ['./base.yml', inRepo, { repository: 'acme/models', path: '.github/base.yml', ref: null }],
    ['../steward/base.yml', inRepo, { repository: 'acme/models', path: 'steward/base.yml', ref: null }],
    ['./base.yml', local, { repository: null, path: 'conf/base.yml', ref: null }],
    ['../../shared/base.yml', local, { repository: null, path: '../shared/base.yml', ref: null }],
    ['./base.yml', { repository: null, path: '/home/ada/steward.yml', ref: null }, { repository: null, path: '/home/ada/base.yml', ref: null }],
    ['other/shared', local, { repository: 'other/shared', path: '.github/steward.yml', ref: null }],
  ])('%s from %o', (spec, from, expected) => {
    expect(resolveExtendsTarget(spec, from)).toEqual(expected);
  });

  it('keeps the ref of the extending file for a relative path', () => {
    expect(resolveExtendsTarget('./x.yml', { ...inRepo, ref: 'v2' })).toEqual({ repository: 'acme/models', path: '.github/x.yml', ref: 'v2' });
  });

  it.each([
    ['../../x.yml', inRepo, "_extends '../../x.yml' points outside the repository"],
    ['base', local, "_extends 'base' names a repository without its owner, and this file is not in a GitHub repository: write 'owner/base'"],
    ['https://example.com/x.yml', inRepo, "_extends 'https://example.com/x.yml' is not in a form Steward understands"],
    ['a b', inRepo, "_extends 'a b' is not in a form Steward understands"],
  ])('refuses %s', (spec, from, error) => {
    expect(resolveExtendsTarget(spec, from)).toEqual({ error });
  });
});

describe('locationOfOrigin', () => {
  it('reads "owner/repo:path" origins and treats anything else as a local file', () => {
    expect(locationOfOrigin('acme/models:.github/steward.yml', '.github/steward.yml')).toEqual(inRepo);
    expect(locationOfOrigin('/tmp/x/steward.yml', '/tmp/x/steward.yml')).toEqual({ repository: null, path: '/tmp/x/steward.yml', ref: null });
  });
});
