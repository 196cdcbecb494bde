/** Model-card findings of a pull request -> the `Steward / model cards` check run (pure). */
import { countBySeverity, type Finding, type FindingsReport } from '../engines/findings.js';
import type { PullRequest } from '../engines/pull-request.js';
import type { CheckPlan } from '../platform/port.js';
import { assembleCheckPlan } from './assemble-check-plan.js';
import { cell, renderTruncation } from './render-style-markdown.js';

export const MODEL_CARD_CHECK_NAME = 'Steward / model cards';

export const CARD_RERUN_ACTION = { label: 'Re-run', description: 'Check the changed model cards again', identifier: 'rerun' } as const;

export interface CardCheckPlanInput {
  pr: PullRequest;
  /** The changed cards, in the order checked. */
  cards: readonly string[];
  report: FindingsReport;
  profile: string;
  /** How many fixes the pull request's review suggests (0 when none). */
  suggested?: number;
}

export function buildCardCheckPlan(input: CardCheckPlanInput): CheckPlan {
  const { pr, cards, report } = input;
  const title = titleFor(report, cards.length);
  return assembleCheckPlan({
    name: MODEL_CARD_CHECK_NAME,
    pr,
    conclusion: report.summary.errors > 0 ? 'failure' : 'success',
    title,
    sections: [
      `### ${MODEL_CARD_CHECK_NAME}: ${title}`,
      renderTruncation(pr),
      renderCardTable(cards, report.findings),
      `Profile: \`${input.profile}\`.`,
      input.suggested ? `The review on this commit suggests ${plural(input.suggested, 'fix', 'fixes')} you can commit from the pull request.` : '',
    ],
    findings: report.findings,
    actions: [CARD_RERUN_ACTION],
  });
}

function titleFor(report: FindingsReport, cards: number): string {
  const { errors, warnings, notices } = report.summary;
  const counted = [plural(errors, 'error'), plural(warnings, 'warning'), plural(notices, 'notice')].filter((p) => !p.startsWith('0 '));
  const where = `${plural(cards, 'changed card')}`;
  return counted.length ? `${counted.join(', ')} in ${where}` : `${where}: all pass`;
}

/** One row per changed card, in the order checked: what a reviewer scans first. */
function renderCardTable(cards: readonly string[], findings: readonly Finding[]): string {
  const rows = cards.map((path) => {
    const counts = countBySeverity(findings.filter((f) => f.path === path));
    const verdict = counts.errors ? '❌' : counts.warnings ? '⚠️' : '✅';
    return `| ${verdict} \`${cell(path)}\` | ${counts.errors} | ${counts.warnings} | ${counts.notices} |`;
  });
  return ['| Card | Errors | Warnings | Notices |', '| --- | ---: | ---: | ---: |', ...rows].join('\n');
}

function plural(n: number, word: string, many = `${word}s`): string {
  return `${n.toLocaleString('en-US')} ${n === 1 ? word : many}`;
}
