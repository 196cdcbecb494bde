/** large-files: files over the size limit must be Git LFS pointers; annotated on the file. */
import type { LargeFilesOptions } from '../../../config/types.js';
import type { ChangedFile, PullRequest } from '../../pull-request.js';
import type { Finding } from '../../findings.js';
import type { RuleCheck } from '../types.js';
import { lfsPatternFor, parseGitattributes, type AttributeLine } from '../parse-gitattributes.js';
import { fileLocation, outcome, styleFinding } from '../rule-outcome.js';
import { formatBytes, plural } from '../format-text.js';

const RULE = 'large-files';

export const checkLargeFiles: RuleCheck<LargeFilesOptions> = (input, options) => {
  const max = options['max-bytes'];
  const attributes = parseGitattributes(input.pr.gitattributes);
  const present = input.pr.files.filter((f) => f.status !== 'removed');
  const findings: Finding[] = [];
  let unknown = 0;
  for (const file of present) {
    if (file.size === null) unknown++;
    else if (file.size > max && file.lfsPointer !== true) findings.push(largeFileFinding(file, file.size, attributes, input.pr, options));
  }
  const parts = [`${plural(present.length - unknown, 'file')} checked (limit ${formatBytes(max)})`];
  if (unknown > 0) parts.push(`${plural(unknown, 'file')} of unknown size`);
  if (findings.length > 0) parts.push(`${findings.length} too large`);
  return outcome(parts.join(', '), findings);
};

function largeFileFinding(file: ChangedFile, size: number, attributes: AttributeLine[], pr: PullRequest, options: LargeFilesOptions): Finding {
  const message = `${file.path} is ${formatBytes(size)} (limit ${formatBytes(options['max-bytes'])}) and is not stored in Git LFS`;
  return styleFinding(RULE, options, message, { ...fileLocation(file.path), hint: lfsHint(file.path, attributes, pr) });
}

function lfsHint(path: string, attributes: AttributeLine[], pr: PullRequest): string {
  const quoted = shellQuote(path);
  const pattern = lfsPatternFor(attributes, path);
  if (pattern !== null) {
    return `The path matches the LFS pattern '${pattern}' in .gitattributes but was committed as a regular blob `
      + `(was git lfs installed?). Rewrite the branch: git lfs migrate import --include=${quoted} `
      + `--include-ref=refs/heads/${pr.headRef} --exclude-ref=refs/remotes/origin/${pr.baseRef} && git push --force-with-lease`;
  }
  const track = shellQuote(trackPattern(path));
  return `Store it in Git LFS: git lfs track ${track} && git add .gitattributes && git rm --cached ${quoted} `
    + `&& git add ${quoted} && git commit -m ${shellQuote(`chore: store ${path} in Git LFS`)}. The earlier commits still hold the blob: `
    + `squash-merge, or rewrite them with git lfs migrate import --include=${quoted}.`;
}

/** "*.bin" for weights/model.bin; the path itself when it has no extension. */
function trackPattern(path: string): string {
  const name = path.slice(path.lastIndexOf('/') + 1);
  const dot = name.lastIndexOf('.');
  return dot > 0 ? `*${name.slice(dot)}` : path;
}

function shellQuote(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}
