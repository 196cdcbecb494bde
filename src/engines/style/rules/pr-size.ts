/** pr-size: files and changed lines stay under limits; ignored and generated files do not count. */
import type { PrSizeOptions } from '../../../config/types.js';
import type { RuleCheck } from '../types.js';
import { compileGlobs } from '../match-globs.js';
import { isGenerated, parseGitattributes } from '../parse-gitattributes.js';
import { outcome, styleFinding } from '../rule-outcome.js';
import { plural } from '../format-text.js';

const RULE = 'pr-size';

export const checkPrSize: RuleCheck<PrSizeOptions> = (input, options) => {
  const ignored = compileGlobs(options.ignore);
  const attributes = options['ignore-generated'] ? parseGitattributes(input.pr.gitattributes) : [];
  let files = 0;
  let lines = 0;
  let skipped = 0;
  for (const file of input.pr.files) {
    if (ignored(file.path) || isGenerated(attributes, file.path)) {
      skipped++;
      continue;
    }
    files++;
    lines += (file.additions || 0) + (file.deletions || 0);
  }
  const maxFiles = options['max-files'];
  const maxLines = options['max-lines'];
  const notCounted = skipped > 0 ? `; ${plural(skipped, 'generated or ignored file')} not counted` : '';
  const summary = `${plural(files, 'file')} (limit ${maxFiles}) and ${plural(lines, 'line')} (limit ${maxLines})`;
  if (files <= maxFiles && lines <= maxLines) return outcome(`${summary}${notCounted}`, []);
  const message = `This PR changes ${summary}${notCounted}`;
  const hint = 'Split it into smaller pull requests. Generated files can be marked linguist-generated in '
    + '.gitattributes, and others listed under style.rules.pr-size.ignore, so that they do not count.';
  return outcome(`${summary}: too large${notCounted}`, [styleFinding(RULE, options, message, { hint })]);
};
