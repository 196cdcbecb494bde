/** What each rule checks, in words, for SARIF rule descriptions (and anywhere a rule needs explaining). */
import type { Finding } from '../engines/findings.js';

export interface RuleHelp {
  id: string;
  short: string;
  help: string;
}

const STYLE: Record<string, [string, string]> = {
  'title-conventional': ['Pull request title follows Conventional Commits', 'Write the title as `type(scope): subject`, with a type the configuration allows (style.rules.title-conventional.types).'],
  'commit-conventional': ['Commit messages follow Conventional Commits', 'Reword the commit (`git rebase -i`, then `reword`) so its header reads `type(scope): subject`. Merge, revert, fixup! and squash! commits are ignored.'],
  'commit-signoff': ['Commits carry a Developer Certificate of Origin sign-off', 'Add `Signed-off-by: Name <email>` matching the author or committer: `git rebase --signoff <base>` and push with `--force-with-lease`.'],
  'branch-name': ['Branch name matches the configured pattern', 'Rename the branch (`git branch -m <new-name>`) to match style.rules.branch-name.pattern, and open the pull request from it.'],
  'body-sections': ['Pull request description has the required sections', 'Fill in every required heading of the pull request template and tick its task list.'],
  'pr-size': ['Pull request stays within the size limits', 'Split the change into smaller pull requests, or list generated files under `ignore` or mark them linguist-generated in .gitattributes.'],
  'forbidden-paths': ['No file in a forbidden path', 'Remove the file from the branch history (and rotate any secret it held); forbidden paths are listed in style.rules.forbidden-paths.paths.'],
  'large-files': ['Large files are stored with Git LFS', 'Track the file with Git LFS (`git lfs track "<pattern>"`, then `git lfs migrate import --include="<pattern>"`) so the repository stores a pointer instead of the bytes.'],
  labels: ['Pull request has the required labels', 'Add one of the required labels and remove any forbidden one.'],
  'linked-issue': ['Pull request links an issue', 'Mention the issue with a closing keyword in the description, e.g. `Fixes #123`.'],
  draft: ['Draft pull requests are reported', 'Mark the pull request ready for review when it is done.'],
};

const MODEL_CARD: Record<string, [string, string]> = {
  'card-front-matter': ['Model card has YAML front matter', 'Start the card with a `---` line, a YAML mapping and a closing `---` line.'],
  'card-yaml': ['Model card front matter is valid YAML', 'Fix the YAML syntax; quote values such as `no`, `yes` or `on` that YAML 1.1 reads as booleans.'],
  'card-schema': ['Model card metadata fits the schema', 'Change the value at the reported field to what the schema allows.'],
  'card-unknown-key': ['Model card has no unknown metadata keys', 'Rename the key to the suggested spelling or remove it.'],
  'card-section': ['Model card has the required sections', 'Add the missing Markdown section with some content.'],
  'card-consistency': ['Model card metadata is consistent', 'Make the related fields agree, e.g. give `license_name` when `license: other`.'],
};

/** Rule ids as tools show them: style rules bare, others prefixed with their check. */
export function ruleIdOf(finding: Pick<Finding, 'check' | 'rule'>): string {
  return finding.check === 'style' ? finding.rule : `${finding.check}/${finding.rule}`;
}

export function describeRule(finding: Pick<Finding, 'check' | 'rule'>): RuleHelp {
  const id = ruleIdOf(finding);
  const known = finding.check === 'style' ? STYLE[finding.rule] : finding.check === 'model-card' ? MODEL_CARD[finding.rule] : undefined;
  if (known) return { id, short: known[0], help: known[1] };
  if (finding.check === 'config') {
    return { id, short: 'Steward configuration is valid', help: 'Fix .github/steward.yml at the reported line; the schema is schemas/steward.schema.json.' };
  }
  return { id, short: `Steward ${finding.check} check: ${finding.rule}`, help: 'See the finding message for what to change.' };
}
