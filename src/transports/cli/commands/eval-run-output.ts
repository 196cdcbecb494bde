/** What `steward eval run` prints: the report for people (renderEvalText), or JSON {plan, result, comparison}. */
import { renderEvalText } from '../../../report/eval-report.js';
import type { LocalEvalRun } from '../../../workflows/run-evaluation-locally.js';

export function renderRun(run: LocalEvalRun, format: 'text' | 'json', sha: string): { stdout: string; stderr: string } {
  if (format === 'json') {
    const baseline = run.baselineRun ? { run: run.baselineRun.id, sha: run.baselineRun.headSha, branch: run.baselineRun.headBranch } : null;
    const json = { run: run.runId, suite: run.suite, status: run.status, plan: run.plan, result: run.result, comparison: run.comparison, baseline };
    return { stdout: `${JSON.stringify(json, null, 2)}\n`, stderr: '' };
  }
  const failed = run.shards.filter((s) => !s.result || s.result.pieces.some((p) => p.status !== 'ok')).length;
  const text = renderEvalText({
    runId: run.runId, suite: run.suite, headSha: sha, state: run.status,
    shards: { total: run.plan.shards.length, done: run.plan.shards.length - failed, failed, waiting: [] },
    result: run.result, comparison: run.comparison, note: noteOn(run),
  });
  return { stdout: text.endsWith('\n') ? text : `${text}\n`, stderr: describeFailures(run) };
}

function noteOn(run: LocalEvalRun): string | null {
  const base = run.baselineRun;
  // The report already names the baseline run; where it ran is what a local user needs besides.
  const against = base ? `The baseline ran on ${base.headBranch ?? 'a detached HEAD'} at ${base.headSha.slice(0, 7)}.` : '';
  if (run.status === 'failed') return `${against} Some pieces have no result, so this run does not become a baseline.`.trim();
  if (run.isBaseline) return `${against} This run is now the baseline of suite "${run.suite}".`.trim();
  return against || 'Run it on the default branch, or with --baseline, to make it the baseline later runs compare with.';
}

/** Each piece that has no result, with the command's own last words: what to fix is usually in them. */
function describeFailures(run: LocalEvalRun): string {
  const lines: string[] = [];
  for (const shard of run.shards) {
    if (!shard.result) lines.push(`shard ${shard.shard + 1}: ${shard.reason ?? 'no result'}`);
    for (const piece of shard.result?.pieces ?? []) {
      if (piece.status === 'ok') continue;
      lines.push(`shard ${shard.shard + 1}, ${piece.task} [${piece.offset}, ${piece.offset + piece.limit}) ${piece.status}: ${piece.error ?? 'no reason given'}`);
    }
  }
  if (!lines.length) return '';
  return `steward eval run: ${lines.length} piece${lines.length === 1 ? '' : 's'} of the suite gave no result; the numbers above cover only the rest.\n${lines.join('\n')}\n`;
}
