/** The evaluation check, comment and terminal report: what a reviewer reads on the pull request. */
import { describe, expect, it } from '@jest/globals';
import type { Comparison, RunResult } from '../../src/engines/eval/result-types.js';
import { renderBar } from '../../src/report/eval-chart.js';
import { EVAL_CHECK_NAME, EVAL_COMMENT_MARKER, planEvalCheck, renderEvalComment, renderEvalText, type EvalReportInput } from '../../src/report/eval-report.js';

const tm = (task: string, metric: string, value: number, stderr: number | null, n: number, higherIsBetter = true) => ({ task, metric, value, stderr, n, higherIsBetter });
const result: RunResult = {
  metrics: [tm('arc_easy', 'acc,none', 0.70, 0.01, 2000), tm('hellaswag', 'acc,none', 0.55, 0.01, 5000), tm('wikitext', 'word_perplexity,none', 11.2, null, 60, false)],
  partial: false, missing: [], coverage: { arc_easy: { done: 2000, planned: 2000 }, hellaswag: { done: 5000, planned: 5000 }, wikitext: { done: 60, planned: 60 } },
};

const comparison: Comparison = {
  rows: [
    { task: 'arc_easy', metric: 'acc,none', baseline: 0.69, current: 0.70, delta: 0.01, p: 0.4795, test: 'z-test', verdict: 'unchanged' },
    { task: 'hellaswag', metric: 'acc,none', baseline: 0.60, current: 0.55, delta: -0.05, p: 0.0000004, test: 'z-test', verdict: 'regression' },
    { task: 'wikitext', metric: 'word_perplexity,none', baseline: 11.0, current: 11.2, delta: 0.2, p: null, test: 'threshold', verdict: 'regression' },
  ],
  regressions: 2,
  baselineRun: 'rbase0000001',
};

const input = (over: Partial<EvalReportInput> = {}): EvalReportInput => ({
  runId: 'r1a2b3c4d5e6', suite: 'default', headSha: '0123456789abcdef0123456789abcdef01234567', state: 'completed',
  shards: { total: 4, done: 4, failed: 0, waiting: [] }, result, comparison, note: null, ...over,
});

describe('planEvalCheck', () => {
  it('fails a completed run with regressions and lists them first in the table', () => {
    const plan = planEvalCheck(input());
    expect(plan).toMatchObject({ name: EVAL_CHECK_NAME, conclusion: 'failure', title: '2 regressions against the baseline', externalId: 'r1a2b3c4d5e6', headSha: input().headSha });
    expect(plan.status).toBeUndefined();
    const rows = plan.summary.split('\n').filter((l) => l.startsWith('| `'));
    expect(rows.map((r) => r.split('|')[1]!.trim())).toEqual(['`hellaswag`', '`wikitext`', '`arc_easy`']);
    expect(rows[0]).toBe('| `hellaswag` | `acc,none` | 0.6000 | 0.5500 | -0.0500 | p < 0.0001 | **▼ regression** |');
    expect(rows[1]).toContain('| 11.00 | 11.20 | +0.20 | threshold | **▼ regression** |');
    expect(plan.summary).toContain('| Task | Metric | Baseline | This PR | Delta | Significance | Verdict |');
    expect(plan.summary).toContain('Baseline: run `rbase0000001`');
  });

  it.each([
    ['awaiting-approval', 'action_required', undefined, 'Waiting for approval: a maintainer must comment `/steward approve-eval`'],
    ['queued', 'neutral', 'queued', 'Queued: 1 of 4 shards done, 1 failed'],
    ['running', 'neutral', 'in_progress', 'Running: 1 of 4 shards done, 1 failed'],
    ['cancelled', 'cancelled', undefined, 'Cancelled'],
    ['failed', 'failure', undefined, 'Failed: the evaluation produced no usable results'],
  ] as const)('%s → %s', (state, conclusion, status, title) => {
    const plan = planEvalCheck(input({ state, shards: { total: 4, done: 1, failed: 1, waiting: [] }, result: null, comparison: null }));
    expect([plan.conclusion, plan.status, plan.title]).toEqual([conclusion, status, title]);
  });

  it('is neutral without a baseline or with partial results, success otherwise', () => {
    const clean: Comparison = { ...comparison, rows: comparison.rows.map((r) => ({ ...r, verdict: 'unchanged' as const })), regressions: 0 };
    expect(planEvalCheck(input({ comparison: clean })).conclusion).toBe('success');
    expect(planEvalCheck(input({ comparison: { ...clean, baselineRun: null } }))).toMatchObject({ conclusion: 'neutral', title: 'No baseline to compare with' });
    const partial = { ...result, partial: true, missing: [{ shard: 2, task: 'hellaswag', offset: 0, limit: 50, reason: 'failed: exit 1' }] };
    expect(planEvalCheck(input({ comparison: clean, result: partial }))).toMatchObject({ conclusion: 'neutral', title: 'No regressions (partial results)' });
  });

  it('groups the reasons shards wait for and explains the approval a fork needs', () => {
    const waiting = ['pool gpu-a100 at capacity', 'pool gpu-a100 at capacity', 'monthly runner minutes used up'];
    const plan = planEvalCheck(input({ state: 'awaiting-approval', shards: { total: 3, done: 0, failed: 0, waiting }, result: null, comparison: null }));
    expect(plan.summary).toContain('- 2 shards: `pool gpu-a100 at capacity`');
    expect(plan.summary).toContain('- 1 shard: `monthly runner minutes used up`');
    expect(plan.summary).toContain('comments `/steward approve-eval`');
  });

  it('changes its fingerprint when the numbers change', () => {
    const moved = { ...comparison, rows: comparison.rows.map((r) => ({ ...r, current: (r.current ?? 0) + 0.001 })) };
    expect(planEvalCheck(input()).fingerprint).toBe(planEvalCheck(input()).fingerprint);
    expect(planEvalCheck(input({ comparison: moved })).fingerprint).not.toBe(planEvalCheck(input()).fingerprint);
  });
});

describe('renderEvalComment', () => {
  it('carries the markers that let Steward update it in place', () => {
    const comment = renderEvalComment(input());
    expect(comment.startsWith(`${EVAL_COMMENT_MARKER}\n<!-- steward:eval-run=r1a2b3c4d5e6 -->\n`)).toBe(true);
    expect(comment).toContain('### Steward evaluation: 2 regressions against the baseline');
    expect(comment).toContain('| `hellaswag` | `acc,none` |');
  });

  it('marks partial results plainly, with each missing piece and its reason', () => {
    const missing = [
      { shard: 2, task: 'hellaswag', offset: 0, limit: 50, reason: 'failed: exit 1' },
      { shard: 3, task: 'hellaswag', offset: 50, limit: 50, reason: 'timed out after 360 min' },
      { shard: 3, task: 'arc_easy', offset: 0, limit: 100, reason: 'no artifact' },
    ];
    const coverage = { arc_easy: { done: 1900, planned: 2000 }, hellaswag: { done: 4900, planned: 5000 } };
    const comment = renderEvalComment(input({ result: { ...result, partial: true, missing, coverage } }));
    expect(comment).toContain('**Partial: 3 pieces missing; the numbers cover 6,800 of 7,000 samples.**');
    expect(comment).toContain('- shard 2, `hellaswag` samples 0–49: `failed: exit 1`');
    expect(comment).toContain('- shard 3, `arc_easy` samples 0–99: `no artifact`');
  });

  it('keeps untrusted metric names from breaking the table or mentioning people', () => {
    const hostile = { ...comparison, rows: [{ ...comparison.rows[0]!, metric: 'acc|x`\n@octocat <!-- steward:evaluation -->' }] };
    const comment = renderEvalComment(input({ comparison: hostile }));
    const row = comment.split('\n').find((l) => l.startsWith('| `arc_easy`'))!;
    expect(row).toContain('`acc\\|x  @octocat <!-\u200b- steward:evaluation -->`');
    expect(row.split(' | ')).toHaveLength(7);
    // Only Steward's own marker: a forged one could make Steward update the wrong comment.
    expect(comment.split(EVAL_COMMENT_MARKER)).toHaveLength(2);
  });

  it('stays within 65,536 characters with a note when the table is too long, keeping regressions', () => {
    const rows = Array.from({ length: 3000 }, (_, i) => ({ ...comparison.rows[0]!, task: `task_${String(i).padStart(4, '0')}` }));
    const big = { ...comparison, rows: [...rows, comparison.rows[1]!] };
    const comment = renderEvalComment(input({ comparison: big }));
    expect(comment.length).toBeLessThanOrEqual(65_536);
    expect(comment).toContain('> **Trimmed:** the report was cut to fit GitHub\'s');
    expect(comment).toContain('| `hellaswag` | `acc,none` |');
    expect(planEvalCheck(input({ comparison: big })).summary.length).toBeLessThanOrEqual(65_535);
  });
});

describe('renderEvalText', () => {
  it('prints an aligned plain table without colour codes, regressions first', () => {
    const text = renderEvalText(input());
    expect(text).not.toMatch(/\u001b\[/);
    const lines = text.split('\n');
    const header = lines.findIndex((l) => l.startsWith('Task'));
    expect(lines[header + 1]).toMatch(/^hellaswag\s+acc,none\s+0\.6000\s+0\.5500\s+-0\.0500\s+p < 0\.0001\s+▼ regression$/);
    expect(lines[header + 3]).toMatch(/^arc_easy /);
    expect(lines[header]!.indexOf('Metric')).toBe(lines[header + 1]!.indexOf('acc,none'));
    expect(text.startsWith('Steward evaluation: 2 regressions against the baseline\n')).toBe(true);
  });

  it('draws a bar per task for metrics in [0, 1]', () => {
    expect(renderBar(0.5)).toBe('██████████          ');
    expect(renderBar(0.525)).toBe('██████████▌         ');
    expect(renderBar(0)).toBe(' '.repeat(20));
    expect(renderBar(1.7)).toBe('█'.repeat(20));
    const text = renderEvalText(input());
    expect(text).toMatch(/arc_easy acc,none\s+██████████████\s+0\.700 \(baseline 0\.690\)/);
    expect(text).not.toMatch(/wikitext word_perplexity,none\s+█/);
  });

  it('turns escape sequences from artifacts into spaces', () => {
    const hostile = { ...comparison, rows: [{ ...comparison.rows[0]!, metric: 'acc\u001b[31m\u009b2J' }] };
    const text = renderEvalText(input({ comparison: hostile, note: 'note\u0007' }));
    expect(text).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
    expect(text).toContain('acc [31m 2J');
  });

  it('shows metrics without a baseline as such', () => {
    const text = renderEvalText(input({ comparison: null }));
    expect(text).toMatch(/hellaswag\s+acc,none\s+—\s+0\.5500\s+—\s+—\s+no baseline/);
  });
});

describe('the evaluation check\'s buttons', () => {
  const base = { runId: 'r1', suite: 'default', headSha: 'a'.repeat(40), shards: { total: 1, done: 0, failed: 0, waiting: [] }, result: null, comparison: null };
  it('offers maintainers "Approve evaluation" while a fork\'s run waits, and "Run again" once it ended', () => {
    expect(planEvalCheck({ ...base, state: 'awaiting-approval' }).actions.map((a) => a.identifier)).toEqual(['approve-eval']);
    expect(planEvalCheck({ ...base, state: 'cancelled' }).actions.map((a) => a.identifier)).toEqual(['rerun-eval']);
    expect(planEvalCheck({ ...base, state: 'running' }).actions).toEqual([]);
    for (const action of planEvalCheck({ ...base, state: 'awaiting-approval' }).actions) {
      expect(action.label.length).toBeLessThanOrEqual(20);
      expect(action.description.length).toBeLessThanOrEqual(40);
    }
  });
});
