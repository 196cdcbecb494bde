import { describe, it, expect } from '@jest/globals';
import { checkPrSize } from '../../../src/engines/style/rules/pr-size.js';
import type { PrSizeOptions } from '../../../src/config/types.js';
import type { ChangedFile } from '../../../src/engines/pull-request.js';
import { buildFile } from './build-pr.js';
import { buildStyleInput, ruleOptions } from './build-config.js';

function check(files: ChangedFile[], patch: Partial<PrSizeOptions> = {}, gitattributes: string | null = null) {
  return checkPrSize(buildStyleInput({ pr: { files, gitattributes } }), ruleOptions('pr-size', patch));
}
const many = (count: number, prefix = 'src/f', lines = 10) =>
  Array.from({ length: count }, (_, i) => buildFile(`${prefix}${i}.ts`, { additions: lines, deletions: 0 }));

describe('pr-size', () => {
  it('passes under both limits and reports the counts', () => {
    expect(check(many(3))).toEqual({ status: 'pass', details: '3 files (limit 50) and 30 lines (limit 1000)', findings: [] });
  });

  it('passes at exactly the limits', () => {
    expect(check(many(50, 'src/f', 20)).status).toBe('pass');
  });

  it('reports the example of the brief: files and lines over, generated and ignored files not counted', () => {
    const files = [
      ...many(61, 'src/f', 33),
      buildFile('src/big.ts', { additions: 400, deletions: 0 }),
      ...many(11, 'lib/g', 0),
      ...many(6, 'gen/x', 500).map((f) => ({ ...f, path: f.path.replace('.ts', '.pb.go') })),
      ...many(6, 'deps/y', 500).map((f) => ({ ...f, path: f.path.replace('.ts', '.lock') })),
    ];
    const [finding] = check(files, {}, '*.pb.go linguist-generated=true').findings;
    expect(finding).toMatchObject({
      rule: 'pr-size', severity: 'warning', path: null,
      message: 'This PR changes 73 files (limit 50) and 2,413 lines (limit 1000); 12 generated or ignored files not counted',
    });
    expect(finding!.hint).toContain('linguist-generated');
  });

  it('counts additions and deletions, removed files included', () => {
    const files = [buildFile('a.ts', { additions: 600, deletions: 0 }), buildFile('b.ts', { status: 'removed', additions: 0, deletions: 500, size: null })];
    expect(check(files).findings[0]!.message).toBe('This PR changes 2 files (limit 50) and 1,100 lines (limit 1000)');
  });

  it('counts generated files when ignore-generated is false', () => {
    const files = many(2, 'gen/x', 600).map((f) => ({ ...f, path: f.path.replace('.ts', '.pb.go') }));
    expect(check(files, {}, '*.pb.go linguist-generated').status).toBe('pass');
    expect(check(files, { 'ignore-generated': false }, '*.pb.go linguist-generated').status).toBe('fail');
  });

  it('honours -linguist-generated overrides and its own ignore globs', () => {
    const files = [buildFile('gen/keep.js', { additions: 2000 }), buildFile('gen/skip.js', { additions: 2000 })];
    expect(check(files, {}, 'gen/*.js linguist-generated\ngen/keep.js -linguist-generated').findings[0]!.message)
      .toBe('This PR changes 1 file (limit 50) and 2,002 lines (limit 1000); 1 generated or ignored file not counted');
    expect(check(files, { ignore: ['gen/**'] }).status).toBe('pass');
  });

  it('reports files over the limit even with few lines', () => {
    expect(check(many(4, 'a', 1), { 'max-files': 3 }).findings[0]!.message).toBe('This PR changes 4 files (limit 3) and 4 lines (limit 1000)');
  });
});
