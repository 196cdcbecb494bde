/** forbidden-paths: no added or changed file matches a forbidden glob; annotated on the file. */
import type { ForbiddenPathsOptions } from '../../../config/types.js';
import type { ChangedFile } from '../../pull-request.js';
import type { Finding } from '../../findings.js';
import type { RuleCheck } from '../types.js';
import { compileGlobs, firstMatchingGlob } from '../match-globs.js';
import { fileLocation, outcome, styleFinding } from '../rule-outcome.js';
import { plural } from '../format-text.js';

const RULE = 'forbidden-paths';

export const checkForbiddenPaths: RuleCheck<ForbiddenPathsOptions> = (input, options) => {
  const forbidden = compileGlobs(options.paths);
  // A removed file is the fix, not the problem.
  const present = input.pr.files.filter((f) => f.status !== 'removed');
  const findings: Finding[] = [];
  for (const file of present) {
    if (!forbidden(file.path)) continue;
    const pattern = firstMatchingGlob(options.paths, file.path) ?? options.paths.join(', ');
    findings.push(styleFinding(RULE, options, `${file.path} ${verb(file)} a forbidden path ('${pattern}')`, {
      ...fileLocation(file.path),
      hint: `Take it out of the pull request: git rm --cached '${file.path}', commit and push. `
        + 'If it held a secret, rotate the secret: it stays in the branch history.',
    }));
  }
  const details = findings.length > 0 ? `${plural(findings.length, 'forbidden file')}` : `${plural(present.length, 'file')} checked`;
  return outcome(details, findings);
};

function verb(file: ChangedFile): string {
  if (file.status === 'added' || file.status === 'copied') return 'is added at';
  if (file.status === 'renamed') return 'is moved to';
  return 'is changed at';
}
