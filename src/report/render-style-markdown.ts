/** Markdown pieces of the style check: the outcome table, the findings list, truncation banners. */
import type { Finding } from '../engines/findings.js';
import type { PullRequest } from '../engines/pull-request.js';
import type { RuleOutcome, RuleStatus } from '../engines/style/types.js';

const STATUS_LABEL: Record<RuleStatus, string> = {
  pass: '✅ pass',
  fail: '❌ fail',
  skipped: '⏭️ skipped',
  off: '⚪ off',
  waived: '🟡 waived',
  incomplete: '⚠️ incomplete',
};

/** Escapes text for one Markdown table cell. */
export function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

export function renderOutcomeTable(outcomes: RuleOutcome[]): string {
  const rows = outcomes.map((o) => {
    const label = o.status === 'fail' ? `${STATUS_LABEL.fail} (${o.severity})` : STATUS_LABEL[o.status];
    return `| \`${o.rule}\` | ${label} | ${cell(o.details)} |`;
  });
  return ['| Rule | Result | Details |', '| --- | --- | --- |', ...rows].join('\n');
}

export function renderTruncation(pr: PullRequest): string {
  const notes = [pr.truncated.commits, pr.truncated.files]
    .filter((t) => t !== null)
    .map((t) => `> [!WARNING]\n> Incomplete data: ${cell(t.reason)} (${t.seen.toLocaleString('en-US')} of ${t.total.toLocaleString('en-US')} read). Rules that needed the rest are marked incomplete.`);
  return notes.join('\n\n');
}

/** Every finding, grouped by rule, with its hint: the check run's `text`. */
export function renderFindingsText(findings: Finding[]): string {
  const byRule = new Map<string, Finding[]>();
  for (const f of findings) byRule.set(f.rule, [...(byRule.get(f.rule) ?? []), f]);
  const sections: string[] = [];
  for (const [rule, list] of byRule) {
    const items = list.map((f) => {
      const where = f.path ? ` \`${f.path}${f.line ? `:${f.line}` : ''}\`` : f.commit ? ` ${f.commit.slice(0, 7)}` : '';
      // Hints are prose with commands inside: kept as text, multi-line ones as an indented block.
      const hint = f.hint ? `\n  - How to fix: ${f.hint.includes('\n') ? `\n\n    \`\`\`\n    ${f.hint.split('\n').join('\n    ')}\n    \`\`\`` : f.hint}` : '';
      return `- **${f.severity}**${where}: ${f.message}${hint}`;
    });
    sections.push(`#### \`${rule}\`\n\n${items.join('\n')}`);
  }
  return sections.join('\n\n');
}
