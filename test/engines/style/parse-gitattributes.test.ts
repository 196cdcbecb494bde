import { describe, it, expect } from '@jest/globals';
import { attributeFor, isGenerated, lfsPatternFor, parseGitattributes } from '../../../src/engines/style/parse-gitattributes.js';

describe('parseGitattributes', () => {
  it.each([
    ['basename pattern at any depth', '*.pb.go linguist-generated', 'api/v1/x.pb.go', true],
    ['basename pattern at the root', '*.pb.go linguist-generated', 'x.pb.go', true],
    ['=true', 'dist/** linguist-generated=true', 'dist/a/b.js', true],
    ['anchored pattern does not match deeper', 'dist/*.js linguist-generated', 'pkg/dist/a.js', false],
    ['leading slash anchors', '/gen.js linguist-generated', 'sub/gen.js', false],
    ['leading slash at root', '/gen.js linguist-generated', 'gen.js', true],
    ['** in the middle', 'docs/**/api.md linguist-generated', 'docs/a/b/api.md', true],
    ['later unset wins', '*.js linguist-generated\nsrc/*.js -linguist-generated', 'src/a.js', false],
    ['later =false wins', '*.js linguist-generated\nsrc/*.js linguist-generated=false', 'src/a.js', false],
    ['later set wins again', '*.js -linguist-generated\nsrc/*.js linguist-generated', 'src/a.js', true],
    ['!attr resets to unspecified', '*.js linguist-generated\nsrc/*.js !linguist-generated', 'src/a.js', false],
    ['other attributes do not reset it', '*.js linguist-generated\nsrc/*.js text', 'src/a.js', true],
    ['comments, blanks and CRLF', '# generated\r\n\r\n  *.min.js   linguist-generated  \r\n', 'a/b.min.js', true],
    ['directory patterns never match files', 'dist/ linguist-generated', 'dist/a.js', false],
    ['negative patterns are ignored', '!*.js linguist-generated', 'a.js', false],
    ['braces are literal, as in git', '{a,b}.js linguist-generated', 'a.js', false],
    ['dotfiles match', '*.lock linguist-generated', '.yarn/.cache.lock', true],
    ['quoted pattern with a space', '"my file.bin" linguist-generated', 'dir/my file.bin', true],
    ['macro definitions are skipped', '[attr]gen linguist-generated\n*.js gen', 'a.js', false],
  ])('%s', (_label, text, path, expected) => {
    expect(isGenerated(parseGitattributes(text), path)).toBe(expected);
  });

  it('finds the LFS pattern that routes a path, honouring later -filter', () => {
    const lines = parseGitattributes('*.bin filter=lfs diff=lfs merge=lfs -text\nsmall/*.bin -filter\n*.safetensors filter=lfs');
    expect(lfsPatternFor(lines, 'weights/model.bin')).toBe('*.bin');
    expect(lfsPatternFor(lines, 'small/x.bin')).toBeNull();
    expect(lfsPatternFor(lines, 'm.safetensors')).toBe('*.safetensors');
    expect(lfsPatternFor(lines, 'readme.md')).toBeNull();
    expect(attributeFor(lines, 'weights/model.bin', 'text')).toEqual({ value: false, pattern: '*.bin' });
  });

  it('treats null and empty text as no attributes', () => {
    expect(parseGitattributes(null)).toEqual([]);
    expect(parseGitattributes('')).toEqual([]);
  });
});
