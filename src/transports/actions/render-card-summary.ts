/** The job summary of actions/model-cards: one line of totals and a table of the cards with findings (pure). */
import type { FindingsReport } from '../../engines/findings.js';

export interface CardSummaryInput {
  report: FindingsReport;
  /** Every card checked, findings or not. */
  cards: readonly string[];
  profile: string;
  /** Why these cards: "changed in abc1234..def5678" or "every card". */
  scope: string;
}

/** Cards listed in the table at most; the rest are counted. */
export const MAX_SUMMARY_ROWS = 100;

export function renderCardSummary({ report, cards, profile, scope }: CardSummaryInput): string {
  const { errors, warnings, notices } = report.summary;
  const byCard = new Map<string, { errors: number; warnings: number; notices: number }>();
  for (const finding of report.findings) {
    const key = finding.path ?? '(configuration)';
    const row = byCard.get(key) ?? { errors: 0, warnings: 0, notices: 0 };
    row[`${finding.severity}s` as 'errors' | 'warnings' | 'notices'] += 1;
    byCard.set(key, row);
  }
  const icon = errors ? '❌' : warnings ? '⚠️' : '✅';
  const lines = [
    '## Steward / model cards',
    '',
    `${icon} ${plural(cards.length, 'card')} checked (${scope}, profile \`${profile}\`): ${plural(errors, 'error')}, ${plural(warnings, 'warning')}, ${plural(notices, 'notice')}.`,
  ];
  if (byCard.size) {
    lines.push('', '| Card | Errors | Warnings | Notices |', '| --- | --- | --- | --- |');
    const rows = [...byCard.entries()].sort(([a], [b]) => a.localeCompare(b));
    for (const [card, c] of rows.slice(0, MAX_SUMMARY_ROWS)) lines.push(`| \`${card.replace(/[|`]/g, '\\$&')}\` | ${c.errors} | ${c.warnings} | ${c.notices} |`);
    if (rows.length > MAX_SUMMARY_ROWS) lines.push('', `…and ${rows.length - MAX_SUMMARY_ROWS} more cards with findings (see the annotations or the findings output).`);
  }
  return lines.join('\n');
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}
