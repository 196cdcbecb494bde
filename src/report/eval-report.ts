/**
 * An evaluation run -> the `Steward / evaluation` check run, the pull-request comment (updated in
 * place, found by its marker) and the terminal report of `steward eval run` (pure).
 */
import type { Comparison, RunResult } from '../engines/eval/result-types.js';
import type { CheckPlan } from '../platform/port.js';
import { assembleCheckPlan } from './assemble-check-plan.js';
import { renderChart } from './eval-chart.js';
import { conclusionOf, partialLines, stateLines, titleOf } from './eval-sections.js';
import { code, plainText, renderMarkdownTable, renderTextTable, rowsToShow } from './eval-table.js';

export const EVAL_CHECK_NAME = 'Steward / evaluation';
export const EVAL_COMMENT_MARKER = '<!-- steward:evaluation -->';
/** GitHub's limit for an issue comment body. */
export const COMMENT_LIMIT = 65_536;
/** Room kept free in a check summary for the fingerprint marker assembleCheckPlan appends. */
const CHECK_SUMMARY_ROOM = 65_535 - 200;

export type EvalRunState = 'awaiting-approval' | 'queued' | 'running' | 'completed' | 'cancelled' | 'failed';

export interface EvalReportInput {
  runId: string;
  suite: string;
  headSha: string;
  state: EvalRunState;
  shards: { total: number; done: number; failed: number; waiting: string[] };
  result: RunResult | null;
  comparison: Comparison | null;
  note?: string | null;
}

export function planEvalCheck(input: EvalReportInput): CheckPlan {
  const conclusion = conclusionOf(input);
  const title = titleOf(input);
  const body = fitLines(renderMarkdownBody(input, `### ${EVAL_CHECK_NAME}: ${title}`), CHECK_SUMMARY_ROOM, input.runId);
  const plan = assembleCheckPlan({
    name: EVAL_CHECK_NAME,
    pr: { headSha: input.headSha, number: null },
    conclusion: conclusion ?? 'neutral', // ignored while the check has a status (still working)
    title,
    sections: [body],
    findings: [],
    actions: actionsOf(input),
  });
  const status = input.state === 'queued' ? 'queued' : input.state === 'running' ? 'in_progress' : null;
  return { ...plan, ...(status ? { status } : {}), externalId: input.runId };
}

/** The buttons of the check (GitHub: label ≤ 20, description ≤ 40 characters); the App checks write access when one is clicked. */
function actionsOf(input: EvalReportInput): CheckPlan['actions'] {
  if (input.state === 'awaiting-approval') {
    return [{ label: 'Approve evaluation', description: 'Run this fork\'s code on shared runners', identifier: 'approve-eval' }];
  }
  if (input.state === 'completed' || input.state === 'failed' || input.state === 'cancelled') {
    return input.runId ? [{ label: 'Run again', description: 'Evaluate this commit once more', identifier: 'rerun-eval' }] : [];
  }
  return [];
}

export function renderEvalComment(input: EvalReportInput): string {
  const markers = `${EVAL_COMMENT_MARKER}\n<!-- steward:eval-run=${input.runId.replace(/[^a-z0-9-]/gi, '')} -->\n`;
  const body = renderMarkdownBody(input, `### Steward evaluation: ${titleOf(input)}`);
  return markers + fitLines(body, COMMENT_LIMIT - markers.length, input.runId);
}

export function renderEvalText(input: EvalReportInput): string {
  const rows = rowsToShow(input.result, input.comparison);
  const chart = renderChart(rows);
  const blocks = [
    [`Steward evaluation: ${titleOf(input).replace(/`/g, '')}`, ...stateLines(input, plainText)].join('\n'),
    partialLines(input, plainText).join('\n'),
    input.result || input.comparison ? renderTextTable(rows, Boolean(input.comparison?.baselineRun)) : '',
    chart,
  ];
  return `${blocks.filter(Boolean).join('\n\n')}\n`;
}

function renderMarkdownBody(input: EvalReportInput, heading: string): string {
  const rows = rowsToShow(input.result, input.comparison);
  const partial = partialLines(input, (s) => code(s, 200));
  const chart = renderChart(rows);
  return [
    heading,
    stateLines(input, (s) => code(s, 200)).join('\n'),
    partial.length ? [`**${partial[0]}**`, ...partial.slice(1)].join('\n') : '',
    input.result || input.comparison ? renderMarkdownTable(rows, Boolean(input.comparison?.baselineRun)) : '',
    chart ? `\`\`\`text\n${chart}\n\`\`\`` : '',
  ].filter(Boolean).join('\n\n');
}

/**
 * Cuts at a line boundary with a note when `text` is over `limit`. The table lists regressions
 * first, so what is cut is the least important rows; an open code fence is closed.
 */
export function fitLines(text: string, limit: number, runId: string): string {
  if (text.length <= limit) return text;
  const note = `\n\n> **Trimmed:** the report was cut to fit GitHub's ${limit.toLocaleString('en-US')}-character limit; ` +
    `regressions are listed first. Every number is in the shard artifacts of run ${code(runId, 64)}.`;
  let kept = text.slice(0, Math.max(0, limit - note.length - 8));
  kept = kept.slice(0, Math.max(0, kept.lastIndexOf('\n')));
  if ((kept.match(/^```/gm) ?? []).length % 2 === 1) kept += '\n```';
  return kept + note;
}
