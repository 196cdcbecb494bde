/** The job summary of one shard: a table of its pieces, then what went wrong with the others. */
import type { MetricValue, PieceResult, ShardResult } from '../../engines/eval/shard-types.js';

/** The metric shown in the table: accuracy when there is one, else the first. */
export function pickHeadline(metrics: Record<string, MetricValue>): string | null {
  const names = Object.keys(metrics);
  return names.find((n) => /^acc(,|$)/.test(n)) ?? names[0] ?? null;
}

function formatHeadline(piece: PieceResult): string {
  const name = pickHeadline(piece.metrics);
  if (!name) return '—';
  const m = piece.metrics[name]!;
  return `${escapeCell(name)} ${m.value.toFixed(4)}${m.stderr === null ? '' : ` ± ${m.stderr.toFixed(4)}`}`;
}

/** Task names come from configuration and results files: keep them from breaking the table or adding HTML. */
function escapeCell(text: string): string {
  return escapeHtml(text).replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;' })[c]!);
}

export function renderShardSummary(result: ShardResult, suite: string): string {
  const ok = result.pieces.filter((p) => p.status === 'ok').length;
  const lines = [
    `## Steward evaluation: shard ${result.shard} of run ${result.run} (attempt ${result.attempt})`,
    '',
    `Suite \`${escapeCell(suite)}\` on pool \`${escapeCell(result.pool)}\`, commit \`${result.sha.slice(0, 12)}\`: ${ok} of ${result.pieces.length} pieces ok.`,
    '',
    '| Task | Samples | Status | Seconds | Headline metric |',
    '|---|---|---|---:|---|',
    ...result.pieces.map((p) => `| ${escapeCell(p.task)} | ${p.offset}–${p.offset + p.limit} | ${p.status} | ${p.seconds.toFixed(1)} | ${formatHeadline(p)} |`),
  ];
  const failed = result.pieces.filter((p) => p.status !== 'ok');
  for (const p of failed) {
    lines.push('', `<details><summary>${escapeCell(p.task)} ${p.offset}–${p.offset + p.limit}: ${p.status}</summary>`, '', `<pre>${escapeHtml((p.error ?? '').slice(-4000))}</pre>`, '</details>');
  }
  return `${lines.join('\n')}\n`;
}
