/** A report with one finding of each kind of location, shared by the format tests. */
import { makeFinding, summarizeFindings, type FindingsReport } from '../../src/engines/findings.js';

export const SHA = '1a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d';

export function sampleReport(): FindingsReport {
  return summarizeFindings(
    [
      makeFinding({ check: 'style', rule: 'forbidden-paths', severity: 'error', message: 'secrets/token.pem is in a forbidden path (secrets/**)', path: 'secrets/token.pem', hint: 'git rm --cached secrets/token.pem' }),
      makeFinding({ check: 'style', rule: 'commit-signoff', severity: 'error', message: 'Commit 1a2b3c4 has no Signed-off-by line for Ada Lovelace <ada@example.org>', commit: SHA, hint: 'git rebase HEAD~3 --signoff\ngit push --force-with-lease' }),
      makeFinding({ check: 'style', rule: 'title-conventional', severity: 'warning', message: 'The title "update stuff" is not a Conventional Commit' }),
      makeFinding({ check: 'model-card', rule: 'card-schema', severity: 'warning', message: 'license must be a string', path: 'README.md', line: 3, column: 10, field: '/license' }),
      makeFinding({ check: 'model-card', rule: 'card-section', severity: 'notice', message: 'Section "Limitations" is empty', path: 'README.md', line: 1, column: null }),
    ],
    { commits: 12, files: 30 },
  );
}
