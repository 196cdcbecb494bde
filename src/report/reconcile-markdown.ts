/**
 * The issue "Steward: model registry across forks" (updated in place, found by RECONCILE_MARKER) and
 * `steward reconcile --format markdown`. Ids, versions and values come from forks (untrusted), so each
 * goes through `code()`; the body stays under GitHub's issue-body limit with a note when trimmed.
 */
import type { ModelReport, ReconcileReport } from '../engines/reconcile/report-types.js';
import type { ModelStatus } from '../engines/reconcile/types.js';
import { COMMENT_LIMIT } from './eval-report.js';
import { code } from './eval-table.js';
import { rankCandidates } from './reconcile-candidates.js';
import { countStatuses, MODEL_STATUSES } from './reconcile-json.js';
import { renderReconcileMermaid } from './reconcile-mermaid.js';

export const RECONCILE_MARKER = '<!-- steward:reconcile -->';
export const RECONCILE_ISSUE_TITLE = 'Steward: model registry across forks';

/** Text markers, not emoji: they read the same in every font, screen reader and terminal. */
export const STATUS_MARKER: Record<ModelStatus, string> = {
  'in-sync': '[=] in-sync', behind: '[<] behind', ahead: '[>] ahead', diverged: '[~] diverged',
  conflict: '[!] conflict', new: '[+] new', removed: '[-] removed',
};

export function renderReconcileMarkdown(report: ReconcileReport, limit = COMMENT_LIMIT): string {
  const body = [
    `## ${RECONCILE_ISSUE_TITLE}`,
    overview(report),
    candidatesSection(report),
    conflictsSection(report),
    ['### Models', ...report.models.map(modelTable)].join('\n\n'),
    skippedSection(report),
    `### Fork network and model lineage\n\nSolid arrows: forks of repositories. Dotted arrows: model lineage from \`base_model\`, labelled with \`base_model_relation\` ("inferred" where the metadata does not say).\n\n${renderReconcileMermaid(report)}`,
    findingsSection(report),
  ].filter(Boolean).join('\n\n');
  return fitMarkdown(`${RECONCILE_MARKER}\n${body}\n`, limit);
}

function overview(report: ReconcileReport): string {
  const skipped = report.forks.filter((f) => f.skipped !== null).length;
  const ref = report.upstream.ref ? ` at ${code(report.upstream.ref)}` : '';
  const counts = countStatuses(report);
  const parts = MODEL_STATUSES.filter((s) => counts[s]).map((s) => `${counts[s]} ${s}`);
  return [
    `Upstream ${code(report.upstream.name)}${ref}; ${report.forks.length} fork${report.forks.length === 1 ? '' : 's'}` +
      `${skipped ? ` (${skipped} skipped)` : ''}; ${report.models.length} model${report.models.length === 1 ? '' : 's'}.`,
    parts.length ? `Models in forks: ${parts.join(', ')}.` : 'No model in any fork yet.',
  ].join('\n');
}

function modelTable(m: ModelReport): string {
  const heading = `#### ${code(m.id)}: upstream ${m.upstream ? version(m.upstream.version) : '_not upstream_'}`;
  if (m.forks.length === 0) return `${heading}\n\n_No fork holds it._`;
  const rows = m.forks.map((f) => {
    const status = STATUS_MARKER[f.verdict.status];
    const marked = f.verdict.status === 'conflict' || f.verdict.status === 'diverged' ? `**${status}**` : status;
    return `| ${code(f.fork)} | ${f.metadata ? version(f.metadata.version) : '—'} | ${marked} | ${f.verdict.conflicts.length} |`;
  });
  return [heading, '', '| Fork | Version | Status | Conflicts |', '| --- | --- | --- | ---: |', ...rows].join('\n');
}

function version(v: string | null): string {
  return v === null ? '_no version_' : code(v, 64);
}

function candidatesSection(report: ReconcileReport): string {
  const ranked = rankCandidates(report);
  if (ranked.length === 0) return '';
  const lines = ranked.map((c, i) => {
    const agree = c.forks.length > 1 ? ` (${c.forks.length} forks hold the same content)` : '';
    return `${i + 1}. ${code(c.model)} ${version(c.version)} from ${c.forks.map((f) => code(f)).join(', ')}${agree}`;
  });
  return ['### Upstreaming candidates', '', 'Forks ahead of upstream, newest version first, then by how many forks agree.', '', ...lines].join('\n');
}

function conflictsSection(report: ReconcileReport): string {
  const rows = report.models.flatMap((m) => m.forks.flatMap((f) => f.verdict.conflicts.map((c) =>
    `| ${code(m.id)} | ${code(f.fork)} | ${code(c.path || '/')} | ${value(c.base)} | ${value(c.ours)} | ${value(c.theirs)} |`)));
  if (rows.length === 0) return '';
  return ['### Conflicts', '', 'What a three-way merge cannot decide: the value at the merge base, upstream\'s and the fork\'s.', '',
    '| Model | Fork | Path | Base | Upstream | Fork value |', '| --- | --- | --- | --- | --- | --- |', ...rows].join('\n');
}

function value(v: unknown): string {
  return v === undefined ? '_absent_' : code(JSON.stringify(v) ?? String(v), 80);
}

function skippedSection(report: ReconcileReport): string {
  const skipped = report.forks.filter((f) => f.skipped !== null);
  if (skipped.length === 0) return '';
  return ['### Skipped forks', '', ...skipped.map((f) => `- ${code(f.name)}: ${code(f.skipped!, 200)}`)].join('\n');
}

function findingsSection(report: ReconcileReport): string {
  if (report.findings.length === 0) return '';
  const lines = report.findings.map((f) => `- **${f.severity}** ${code(`${f.check}/${f.rule}`)}${f.path ? ` in ${code(f.path)}` : ''}: ${code(f.message, 300)}`);
  return ['### Findings', '', ...lines].join('\n');
}

/** Cut at a line boundary, closing an open code fence, with a note saying where the rest is. */
export function fitMarkdown(text: string, limit: number): string {
  if (text.length <= limit) return text;
  const note = `\n\n> **Trimmed:** this report was cut to fit GitHub's ${limit.toLocaleString('en-US')}-character limit. ` +
    'Run `steward reconcile --format markdown` on a clone for the whole of it.\n';
  let kept = text.slice(0, Math.max(0, limit - note.length - 8));
  kept = kept.slice(0, Math.max(0, kept.lastIndexOf('\n')));
  if ((kept.match(/^```/gm) ?? []).length % 2 === 1) kept += '\n```';
  return kept + note;
}
