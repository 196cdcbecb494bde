/**
 * A small bar per task, for metrics in [0, 1]: the eye finds the weak task faster than in a table.
 * Text only (block characters), so it reads the same in a check run, a comment and a terminal.
 */
import type { ComparisonRow } from '../engines/eval/result-types.js';
import { plainText } from './eval-table.js';

const WIDTH = 20;
const MAX_TASKS = 15;
const EIGHTHS = ['', '▏', '▎', '▍', '▌', '▋', '▊', '▉'];

/** A bar of WIDTH cells for a value in [0, 1], in eighths of a cell. */
export function renderBar(value: number): string {
  const eighths = Math.round(Math.min(1, Math.max(0, value)) * WIDTH * 8);
  const bar = '█'.repeat(Math.floor(eighths / 8)) + EIGHTHS[eighths % 8]!;
  return bar + ' '.repeat(WIDTH - [...bar].length);
}

/** One line per task (its first metric in [0, 1]); empty when fewer than two tasks would be drawn. */
export function renderChart(rows: readonly ComparisonRow[]): string {
  const firstPerTask = new Map<string, ComparisonRow>();
  const ordered = [...rows].sort((a, b) => (a.task < b.task ? -1 : a.task > b.task ? 1 : a.metric < b.metric ? -1 : a.metric > b.metric ? 1 : 0));
  for (const row of ordered) {
    if (row.current === null || row.current < 0 || row.current > 1 || firstPerTask.has(row.task)) continue;
    firstPerTask.set(row.task, row);
  }
  if (firstPerTask.size < 2) return '';
  const shown = [...firstPerTask.values()].slice(0, MAX_TASKS);
  const label = (r: ComparisonRow) => plainText(`${r.task} ${r.metric}`).replace(/`/g, ' ').slice(0, 40);
  const width = Math.max(...shown.map((r) => label(r).length));
  const lines = shown.map((r) => {
    const base = r.baseline === null ? '' : ` (baseline ${r.baseline.toFixed(3)})`;
    return `${label(r).padEnd(width)}  ${renderBar(r.current!)}  ${r.current!.toFixed(3)}${base}`;
  });
  const more = firstPerTask.size > shown.length ? [`… and ${firstPerTask.size - shown.length} more tasks`] : [];
  return [...lines, ...more].join('\n');
}
