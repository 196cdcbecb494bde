/**
 * The fork network and model lineage as one Mermaid `graph LR`, two kinds of edge kept apart
 * (fork-anchors.md §4 G): `-->` "fork" between repositories, `-.->` labelled with the relation
 * between models. Names come from forks' metadata (untrusted): ids are generated, labels escaped.
 */
import { buildLineage } from '../engines/reconcile/build-lineage.js';
import type { ReconcileReport } from '../engines/reconcile/report-types.js';
import type { ModelMetadata } from '../engines/reconcile/types.js';

/** Past this, GitHub's renderer gives up or draws an unreadable hairball. */
export const MERMAID_NODE_LIMIT = 200;

interface Node { id: string; label: string }

export function renderReconcileMermaid(report: ReconcileReport, limit = MERMAID_NODE_LIMIT): string {
  const repos = [report.upstream.name, ...report.forks.map((f) => f.name)];
  const repoLabels = [report.upstream.name, ...report.forks.map((f) => (f.skipped === null ? f.name : `${f.name} (skipped: ${f.skipped})`))];
  const models = report.models.map((m) => m.id);
  const lineage = buildLineage(modelsOf(report)).edges;
  const known = new Set(models);
  const external = [...new Set(lineage.map((e) => e.from).filter((id) => !known.has(id)))];
  const all: Node[] = [
    ...repos.map((name, i) => ({ id: `r${i}_${sanitize(name)}`, label: repoLabels[i]! })),
    ...[...models, ...external].map((id, i) => ({ id: `m${i}_${sanitize(id)}`, label: i < models.length ? id : `${id} (external)` })),
  ];
  const kept = all.slice(0, limit);
  const repoId = idMap(repos, kept, 'r');
  const modelId = idMap([...models, ...external], kept, 'm');
  const lines = ['graph LR', ...kept.map((n) => `  ${n.id}["${escapeLabel(n.label)}"]`)];
  for (const f of report.forks) {
    const [from, to] = [repoId.get(f.parent ?? report.upstream.name), repoId.get(f.name)];
    if (from && to) lines.push(`  ${from} -->|"fork"| ${to}`);
  }
  for (const e of lineage) {
    const [from, to] = [modelId.get(e.from), modelId.get(e.to)];
    if (from && to) lines.push(`  ${from} -.->|"${escapeLabel(e.inferred ? `${e.relation} (inferred)` : e.relation)}"| ${to}`);
  }
  const note = all.length > limit ? `\n\n_The graph shows the first ${limit} of ${all.length} nodes (repositories first, then models)._` : '';
  return `\`\`\`mermaid\n${lines.join('\n')}\n\`\`\`${note}`;
}

/** One metadata per model id: upstream's, else the first fork's that holds it. */
export function modelsOf(report: ReconcileReport): ModelMetadata[] {
  return report.models.flatMap((m) => {
    const first = m.upstream ?? m.forks.find((f) => f.metadata)?.metadata ?? null;
    return first ? [first] : [];
  });
}

function idMap(names: readonly string[], kept: readonly Node[], prefix: string): Map<string, string> {
  const ids = new Set(kept.map((n) => n.id));
  const map = new Map<string, string>();
  names.forEach((name, i) => {
    const id = `${prefix}${i}_${sanitize(name)}`;
    if (ids.has(id) && !map.has(name)) map.set(name, id);
  });
  return map;
}

/** Only [A-Za-z0-9_], short: the index prefix already makes ids unique, this part is for humans. */
export function sanitize(name: string): string {
  return name.replace(/[^A-Za-z0-9_]/g, '_').slice(0, 40);
}

/** Inside a quoted Mermaid label: entity codes for what could end the label or open markup. */
export function escapeLabel(text: string): string {
  const codes: Record<string, string> = { '"': '#quot;', '<': '#lt;', '>': '#gt;', '`': '#96;', '#': '#35;', '|': '#124;' };
  const short = text.length > 200 ? `${text.slice(0, 199)}…` : text;
  return short.replace(/[\r\n\t]/g, ' ').replace(/["<>`#|]/g, (c) => codes[c]!);
}
