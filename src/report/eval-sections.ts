/**
 * The words around the evaluation table: the title and conclusion of each state, where the run
 * stands, what it waits for, and which pieces are missing. Shared by the check, comment and terminal.
 */
import type { CheckConclusion } from '../platform/port.js';
import type { EvalReportInput } from './eval-report.js';

const MAX_LISTED = 30;

export function plural(n: number, word: string): string {
  return `${n.toLocaleString('en-US')} ${word}${n === 1 ? '' : 's'}`;
}

export function conclusionOf(input: EvalReportInput): CheckConclusion | null {
  switch (input.state) {
    case 'awaiting-approval': return 'action_required';
    case 'queued': case 'running': return null;
    case 'cancelled': return 'cancelled';
    case 'failed': return 'failure';
    case 'completed':
      if ((input.comparison?.regressions ?? 0) > 0) return 'failure';
      return input.result?.partial || !input.comparison?.baselineRun ? 'neutral' : 'success';
  }
}

export function titleOf(input: EvalReportInput): string {
  const { shards } = input;
  const progress = `${shards.done} of ${plural(shards.total, 'shard')} done${shards.failed ? `, ${shards.failed} failed` : ''}`;
  switch (input.state) {
    case 'awaiting-approval': return 'Waiting for approval: a maintainer must comment `/steward approve-eval`';
    case 'queued': return `Queued: ${progress}`;
    case 'running': return `Running: ${progress}`;
    case 'cancelled': return 'Cancelled';
    case 'failed': return 'Failed: the evaluation produced no usable results';
    case 'completed': return completedTitle(input);
  }
}

function completedTitle(input: EvalReportInput): string {
  const regressions = input.comparison?.regressions ?? 0;
  const partial = input.result?.partial ? ' (partial results)' : '';
  if (regressions > 0) return `${plural(regressions, 'regression')} against the baseline${partial}`;
  if (!input.comparison?.baselineRun) return `No baseline to compare with${partial}`;
  return `No regressions${partial}`;
}

/** Where the run stands, in one line, then why shards wait (grouped: forty shards often wait for one reason). */
export function stateLines(input: EvalReportInput, short: (s: string) => string): string[] {
  const sha = short(input.headSha.slice(0, 12));
  const lines = [`Suite ${short(input.suite)} on ${sha}, run ${short(input.runId)}: ${input.state}, ${input.shards.done} of ${plural(input.shards.total, 'shard')} done${input.shards.failed ? `, ${input.shards.failed} failed` : ''}.`];
  if (input.state === 'awaiting-approval') {
    lines.push('Evaluations of pull requests from forks wait for a maintainer: nothing reaches the shared runners until someone with write access comments `/steward approve-eval` on this pull request.');
  }
  const counts = new Map<string, number>();
  for (const reason of input.shards.waiting) counts.set(reason, (counts.get(reason) ?? 0) + 1);
  if (counts.size) lines.push('Waiting:', ...[...counts].slice(0, MAX_LISTED).map(([reason, n]) => `- ${plural(n, 'shard')}: ${short(reason)}`));
  if (input.note) lines.push(short(input.note));
  const baseline = input.comparison?.baselineRun;
  if (input.result) lines.push(baseline ? `Baseline: run ${short(baseline)}, the last completed run on the default branch.` : 'No baseline yet: the first completed run on the default branch becomes the baseline.');
  return lines;
}

/** "Partial: 3 pieces missing" and the list, so nobody reads a partial number as a whole one. */
export function partialLines(input: EvalReportInput, short: (s: string) => string): string[] {
  const result = input.result;
  if (!result?.partial) return [];
  const totals = Object.values(result.coverage).reduce((t, c) => ({ done: t.done + c.done, planned: t.planned + c.planned }), { done: 0, planned: 0 });
  const head = `Partial: ${plural(result.missing.length, 'piece')} missing; the numbers cover ${totals.done.toLocaleString('en-US')} of ${plural(totals.planned, 'sample')}.`;
  const listed = result.missing.slice(0, MAX_LISTED).map((m) =>
    `- shard ${m.shard}, ${short(m.task)} samples ${m.offset}–${m.offset + m.limit - 1}: ${short(m.reason)}`);
  const more = result.missing.length > MAX_LISTED ? [`- … and ${result.missing.length - MAX_LISTED} more`] : [];
  return [head, ...listed, ...more];
}
