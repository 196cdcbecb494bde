/**
 * `steward reconcile` at a terminal: grouped by model, one line per fork, conflicts beneath, no
 * colour (CI logs). Names and values come from forks, so control characters are blanked.
 */
import type { ModelReport, ReconcileReport } from '../engines/reconcile/report-types.js';
import type { MergeConflict } from '../engines/reconcile/types.js';
import { plainText } from './eval-table.js';
import { rankCandidates } from './reconcile-candidates.js';
import { countStatuses, MODEL_STATUSES } from './reconcile-json.js';

export function renderReconcileText(report: ReconcileReport): string {
  const ref = report.upstream.ref ? ` (${plainText(report.upstream.ref)})` : '';
  const skipped = report.forks.filter((f) => f.skipped !== null).length;
  const blocks = [
    `Steward reconcile: upstream ${plainText(report.upstream.name)}${ref}, ${report.forks.length} forks${skipped ? ` (${skipped} skipped)` : ''}, ${report.models.length} models`,
    ...report.models.map(modelBlock),
    candidateBlock(report),
    skippedBlock(report),
    findingBlock(report),
    summaryLine(report),
  ];
  return `${blocks.filter(Boolean).join('\n\n')}\n`;
}

function modelBlock(m: ModelReport): string {
  const head = `${plainText(m.id)}  upstream ${m.upstream ? versionText(m.upstream.version) : 'none (not upstream)'}`;
  if (m.forks.length === 0) return `${head}\n  no fork holds it`;
  const width = Math.max(...m.forks.map((f) => [...plainText(f.fork)].length));
  const lines = m.forks.flatMap((f) => {
    const name = plainText(f.fork);
    const count = f.verdict.conflicts.length;
    const row = `  ${name}${' '.repeat(width - [...name].length)}  ${(f.metadata ? versionText(f.metadata.version) : '-').padEnd(12)}  ` +
      `${f.verdict.status}${count ? `  ${count} conflict${count === 1 ? '' : 's'}` : ''}`;
    return [row.trimEnd(), ...f.verdict.conflicts.map(conflictLine)];
  });
  return [head, ...lines].join('\n');
}

function conflictLine(c: MergeConflict): string {
  return `      ${plainText(c.path || '/')}: base ${valueText(c.base)}, upstream ${valueText(c.ours)}, fork ${valueText(c.theirs)}`;
}

function valueText(v: unknown): string {
  if (v === undefined) return '(absent)';
  const text = plainText(JSON.stringify(v) ?? String(v));
  return text.length > 80 ? `${text.slice(0, 79)}…` : text;
}

function versionText(v: string | null): string {
  return v === null ? '(no version)' : plainText(v);
}

function candidateBlock(report: ReconcileReport): string {
  const ranked = rankCandidates(report);
  if (ranked.length === 0) return '';
  return ['Upstreaming candidates:', ...ranked.map((c, i) =>
    `  ${i + 1}. ${plainText(c.model)} ${versionText(c.version)} from ${c.forks.map(plainText).join(', ')}`)].join('\n');
}

function skippedBlock(report: ReconcileReport): string {
  const skipped = report.forks.filter((f) => f.skipped !== null);
  if (skipped.length === 0) return '';
  return ['Skipped forks:', ...skipped.map((f) => `  ${plainText(f.name)}: ${plainText(f.skipped!)}`)].join('\n');
}

function findingBlock(report: ReconcileReport): string {
  if (report.findings.length === 0) return '';
  return ['Findings:', ...report.findings.map((f) =>
    `  ${f.severity} ${f.check}/${f.rule}${f.path ? ` ${plainText(f.path)}` : ''}: ${plainText(f.message)}`)].join('\n');
}

function summaryLine(report: ReconcileReport): string {
  const counts = countStatuses(report);
  const parts = MODEL_STATUSES.filter((s) => counts[s]).map((s) => `${counts[s]} ${s}`);
  return `Summary: ${parts.length ? parts.join(', ') : 'no model in any fork'}`;
}
