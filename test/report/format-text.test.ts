import { describe, expect, it } from '@jest/globals';
import { summarizeFindings } from '../../src/engines/findings.js';
import { formatText } from '../../src/report/format-text.js';
import { sampleReport } from './format-fixtures.js';

const ESC = '\u001b[';

describe('formatText', () => {
  it('groups by pull request, commit and file, with files sorted and findings by line', () => {
    const text = formatText(sampleReport(), { color: false });
    const headings = text.split('\n').filter((l) => l && !l.startsWith(' '));
    expect(headings).toEqual(['pull request', 'commit 1a2b3c4', 'README.md', 'secrets/token.pem', '✖ 2 errors, 2 warnings, 1 notice in 12 commits and 30 files']);
    const readme = text.slice(text.indexOf('README.md'), text.indexOf('secrets/token.pem'));
    expect(readme.indexOf('1 ')).toBeLessThan(readme.indexOf('3:10'));
    expect(readme).toContain('ℹ notice   Section "Limitations" is empty  model-card/card-section');
    expect(readme).toContain('⚠ warning  license must be a string at /license  model-card/card-schema');
  });

  it('puts hints under their finding, keeping multi-line commands aligned', () => {
    const text = formatText(sampleReport(), { color: false });
    expect(text).toContain('  ✖ error    Commit 1a2b3c4 has no Signed-off-by line for Ada Lovelace <ada@example.org>  commit-signoff\n'
      + '             hint: git rebase HEAD~3 --signoff\n'
      + '                   git push --force-with-lease');
  });

  it('uses ANSI colours only when asked', () => {
    expect(formatText(sampleReport(), { color: false })).not.toContain(ESC);
    const coloured = formatText(sampleReport(), { color: true });
    expect(coloured).toContain(`${ESC}31m✖ error  ${ESC}39m`);
    expect(coloured).toContain(`${ESC}33m⚠ warning${ESC}39m`);
  });

  it('says plainly when nothing was found, with singular words', () => {
    const text = formatText(summarizeFindings([], { commits: 1, files: 1 }), { color: false });
    expect(text).toBe('✔ 0 errors, 0 warnings in 1 commit and 1 file\n');
  });
});
