/** Findings and rule outcomes -> the `Steward / style` check run (pure). */
import type { Finding, FindingsReport } from '../engines/findings.js';
import type { PullRequest } from '../engines/pull-request.js';
import type { RuleOutcome, StyleResult, Waiver } from '../engines/style/types.js';
import type { CheckPlan } from '../platform/port.js';
import { assembleCheckPlan } from './assemble-check-plan.js';
import { cell, renderOutcomeTable, renderTruncation } from './render-style-markdown.js';

export { MAX_ANNOTATIONS } from './assemble-check-plan.js';

export const RERUN_ACTION = { label: 'Re-run', description: 'Run the Steward style checks again', identifier: 'rerun' } as const;

export interface CheckPlanInput {
  name: string;
  pr: PullRequest;
  report: FindingsReport;
  /** null when the configuration is invalid: then only config findings are shown. */
  result: StyleResult | null;
  configSources: string[];
  /** Waivers granted on this pull request: all are recorded, also those with nothing to waive now. */
  waivers?: readonly Waiver[];
}

export function buildCheckPlan(input: CheckPlanInput): CheckPlan {
  const { pr, report, result } = input;
  const title = titleFor(report, result);
  return assembleCheckPlan({
    name: input.name,
    pr,
    conclusion: result ? result.conclusion : 'failure',
    title,
    sections: [
      `### ${input.name}: ${title}`,
      renderTruncation(pr),
      result ? renderOutcomeTable(result.outcomes) : renderConfigProblems(report.findings),
      renderWaivers(input.waivers ?? [], result?.outcomes ?? []),
      renderSources(input.configSources),
    ],
    findings: report.findings,
    actions: [RERUN_ACTION],
  });
}

function titleFor(report: FindingsReport, result: StyleResult | null): string {
  if (!result) return `Invalid configuration: ${plural(report.summary.errors, 'problem')}`;
  const { errors, warnings, notices } = report.summary;
  const parts = [plural(errors, 'error'), plural(warnings, 'warning'), plural(notices, 'notice')];
  const counted = parts.filter((p) => !p.startsWith('0 '));
  const prefix = result.conclusion === 'neutral' ? 'Draft: ' : '';
  if (counted.length === 0) return `${prefix}All rules pass`;
  return prefix + counted.join(', ');
}

function plural(n: number, word: string): string {
  return `${n.toLocaleString('en-US')} ${word}${n === 1 ? '' : 's'}`;
}

function renderConfigProblems(findings: Finding[]): string {
  const rows = findings.map((f) => `| \`${f.path ?? ''}\` | ${f.line ?? ''}:${f.column ?? ''} | ${cell(f.message)} |`);
  return [
    'The configuration could not be used, so no style rule ran. Fix these problems; the check runs again on the next push (on a pull request, `/steward recheck` runs it at once):',
    '',
    '| File | Line:column | Problem |',
    '| --- | --- | --- |',
    ...rows,
  ].join('\n');
}

function renderWaivers(waivers: readonly Waiver[], outcomes: RuleOutcome[]): string {
  if (!waivers.length) return '';
  const effective = new Set(outcomes.filter((o) => o.waiver).map((o) => o.rule));
  const lines = waivers.map((w) => {
    const note = effective.has(w.rule) ? '' : ' (the rule has no finding to waive now)';
    return `- \`${w.rule}\` waived by @${w.by} on ${w.at.slice(0, 10)}: ${cell(w.reason)}${note}`;
  });
  return ['**Waivers**', ...lines].join('\n');
}

function renderSources(sources: string[]): string {
  return sources.length ? `Configuration: ${sources.map((s) => `\`${s}\``).join(' extending ')}` : 'Configuration: built-in defaults (no `.github/steward.yml`)';
}
