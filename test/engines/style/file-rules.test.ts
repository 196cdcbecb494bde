import { describe, it, expect } from '@jest/globals';
import { checkForbiddenPaths } from '../../../src/engines/style/rules/forbidden-paths.js';
import { checkLargeFiles } from '../../../src/engines/style/rules/large-files.js';
import type { ForbiddenPathsOptions, LargeFilesOptions } from '../../../src/config/types.js';
import type { ChangedFile } from '../../../src/engines/pull-request.js';
import { buildFile } from './build-pr.js';
import { buildStyleInput, ruleOptions } from './build-config.js';

describe('forbidden-paths', () => {
  const check = (files: ChangedFile[], patch: Partial<ForbiddenPathsOptions> = {}) =>
    checkForbiddenPaths(buildStyleInput({ pr: { files } }), ruleOptions('forbidden-paths', patch));

  it.each([
    ['secrets/prod.env', 'added', 'secrets/prod.env is added at a forbidden path (\'secrets/**\')'],
    ['secrets/.hidden', 'modified', 'secrets/.hidden is changed at a forbidden path (\'secrets/**\')'],
    ['deploy/keys/server.pem', 'renamed', 'deploy/keys/server.pem is moved to a forbidden path (\'**/*.pem\')'],
    ['server.pem', 'added', 'server.pem is added at a forbidden path (\'**/*.pem\')'],
  ] as const)('annotates %s (%s) on the file', (path, status, message) => {
    const result = check([buildFile(path, { status })]);
    expect(result.status).toBe('fail');
    expect(result.findings).toEqual([expect.objectContaining({ rule: 'forbidden-paths', severity: 'error', path, line: 1, column: null, message })]);
    expect(result.findings[0]!.hint).toContain(`git rm --cached '${path}'`);
  });

  it('passes other files and removed forbidden files', () => {
    const result = check([buildFile('src/a.ts'), buildFile('secrets/old.env', { status: 'removed', size: null }), buildFile('docs/pem.md')]);
    expect(result).toEqual({ status: 'pass', details: '2 files checked', findings: [] });
  });

  it('gives one finding per file', () => {
    expect(check([buildFile('a.pem'), buildFile('b.pem'), buildFile('secrets/c')]).findings).toHaveLength(3);
  });

  it('does nothing with no patterns', () => {
    expect(check([buildFile('a.pem')], { paths: [] }).status).toBe('pass');
  });
});

describe('large-files', () => {
  const check = (files: ChangedFile[], gitattributes: string | null = null, patch: Partial<LargeFilesOptions> = {}) =>
    checkLargeFiles(buildStyleInput({ pr: { files, gitattributes } }), ruleOptions('large-files', patch));

  it('reports a large regular blob with human sizes, annotated on the file', () => {
    const result = check([buildFile('weights/model.bin', { size: 48_213_000, status: 'added' })]);
    expect(result.findings).toEqual([expect.objectContaining({
      path: 'weights/model.bin', line: 1, column: null, severity: 'error',
      message: 'weights/model.bin is 48.2 MB (limit 5 MB) and is not stored in Git LFS',
    })]);
    expect(result.findings[0]!.hint).toContain("git lfs track '*.bin' && git add .gitattributes && git rm --cached 'weights/model.bin' && git add 'weights/model.bin'");
  });

  it('points at git lfs migrate when .gitattributes already routes the path to LFS', () => {
    const hint = check([buildFile('weights/model.bin', { size: 6_000_000 })], '*.bin filter=lfs diff=lfs merge=lfs -text').findings[0]!.hint!;
    expect(hint).toContain("matches the LFS pattern '*.bin' in .gitattributes but was committed as a regular blob");
    expect(hint).toContain("git lfs migrate import --include='weights/model.bin'");
  });

  it('tracks the path itself when it has no extension, and quotes odd names', () => {
    expect(check([buildFile("data/it's big", { size: 9_000_000 })]).findings[0]!.hint).toContain(`git lfs track 'data/it'\\''s big'`);
  });

  it.each([
    ['an LFS pointer', buildFile('m.bin', { size: 7_000_000, lfsPointer: true })],
    ['a file at the limit', buildFile('m.bin', { size: 5_000_000 })],
    ['a removed file', buildFile('m.bin', { size: 9_000_000, status: 'removed' })],
  ])('passes %s', (_label, file) => {
    expect(check([file]).status).toBe('pass');
  });

  it('counts files of unknown size in the details without failing', () => {
    const result = check([buildFile('a.bin', { size: null }), buildFile('b.txt'), buildFile('gone.bin', { status: 'removed', size: null })]);
    expect(result).toEqual({ status: 'pass', details: '1 file checked (limit 5 MB), 1 file of unknown size', findings: [] });
  });

  it.each([
    [999, '999 bytes'], [1, '1 byte'], [1_500, '1.5 KB'], [5_000_000, '5 MB'], [48_249_999, '48.2 MB'], [3_200_000_000, '3.2 GB'],
  ])('formats %d bytes as %s', (size, text) => {
    const result = check([buildFile('f.bin', { size })], null, { 'max-bytes': 0 });
    expect(result.findings[0]!.message).toContain(`is ${text} (limit 0 bytes)`);
  });
});
