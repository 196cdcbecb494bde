/**
 * The comparison table of an evaluation, for the check run, the PR comment and the terminal.
 * Regressions come first because they are what a reviewer must act on; metric names come from
 * runner artifacts (untrusted), so every cell is escaped before it reaches Markdown.
 */
import type { Comparison, ComparisonRow, RunResult, Verdict } from '../engines/eval/result-types.js';

const RANK: Record<Verdict, number> = { regression: 0, dropped: 1, improvement: 2, unchanged: 3, new: 4 };
const HEADER = ['Task', 'Metric', 'Baseline', 'This PR', 'Delta', 'Significance', 'Verdict'];

/** The rows to show: the comparison's, or this run's metrics alone while there is nothing to compare. */
export function rowsToShow(result: RunResult | null, comparison: Comparison | null): ComparisonRow[] {
  const rows = comparison?.rows ?? (result?.metrics ?? []).map((m): ComparisonRow => ({
    task: m.task, metric: m.metric, baseline: null, current: m.value, delta: null, p: null, test: 'none', verdict: 'new',
  }));
  return rows.map((row, i) => ({ row, i })).sort((a, b) => RANK[a.row.verdict] - RANK[b.row.verdict] || a.i - b.i).map(({ row }) => row);
}

/** Fewer decimals as values grow: 0.7312, 11.20, 1523.4. `scale` sets them from another number. */
export function formatNumber(value: number | null, scale = value): string {
  if (value === null || !Number.isFinite(value)) return '—';
  const abs = Math.abs(scale ?? value);
  return value.toFixed(abs >= 1000 ? 1 : abs >= 10 ? 2 : 4);
}

/** Signed, with the decimals of the values it is the difference of. */
function formatDelta(row: ComparisonRow): string {
  if (row.delta === null) return '—';
  const scale = Math.max(Math.abs(row.baseline ?? 0), Math.abs(row.current ?? 0));
  return `${row.delta > 0 ? '+' : ''}${formatNumber(row.delta, scale)}`;
}

function formatSignificance(row: ComparisonRow): string {
  if (row.test === 'threshold') return 'threshold';
  if (row.p === null) return '—';
  return row.p < 0.0001 ? 'p < 0.0001' : `p = ${row.p.toFixed(4)}`;
}

function formatVerdict(verdict: Verdict, hasBaseline: boolean): string {
  if (verdict === 'regression') return '▼ regression';
  if (verdict === 'improvement') return '▲ improvement';
  if (verdict === 'new') return hasBaseline ? 'new' : 'no baseline';
  return verdict;
}

function cellsOf(row: ComparisonRow, hasBaseline: boolean): string[] {
  return [row.task, row.metric, formatNumber(row.baseline), formatNumber(row.current), formatDelta(row), formatSignificance(row), formatVerdict(row.verdict, hasBaseline)];
}

/** Untrusted text as an inline code span: no backticks, newlines, table pipes or forged markers get out. */
export function code(text: string, max = 120): string {
  const flat = text.replace(/[`\r\n\t]/g, ' ').replace(/\|/g, '\\|').replace(/<!--/g, '<!-\u200b-');
  return `\`${flat.length > max ? `${flat.slice(0, max - 1)}…` : flat}\``;
}

export function renderMarkdownTable(rows: readonly ComparisonRow[], hasBaseline: boolean): string {
  if (rows.length === 0) return '_No metrics yet._';
  const lines = rows.map((row) => {
    const [task, metric, ...rest] = cellsOf(row, hasBaseline);
    const verdict = row.verdict === 'regression' ? `**${rest[4]}**` : rest[4];
    return `| ${code(task!)} | ${code(metric!)} | ${rest.slice(0, 4).join(' | ')} | ${verdict} |`;
  });
  return [`| ${HEADER.join(' | ')} |`, '| --- | --- | ---: | ---: | ---: | --- | --- |', ...lines].join('\n');
}

/** Untrusted text for a terminal: control characters (escape sequences among them) become spaces. */
export function plainText(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f]/g, ' ');
}

/** Columns padded with spaces, no colour codes: readable in any terminal and in CI logs. */
export function renderTextTable(rows: readonly ComparisonRow[], hasBaseline: boolean): string {
  if (rows.length === 0) return 'No metrics yet.';
  // On a terminal the run may be on any branch, not a pull request's.
  const header = HEADER.map((h) => (h === 'This PR' ? 'This run' : h));
  const table = [header, ...rows.map((row) => cellsOf(row, hasBaseline).map(plainText))];
  const widths = HEADER.map((_, col) => Math.max(...table.map((cells) => [...cells[col]!].length)));
  return table.map((cells) => cells.map((c, col) => c + ' '.repeat(widths[col]! - [...c].length)).join('  ').trimEnd()).join('\n');
}
