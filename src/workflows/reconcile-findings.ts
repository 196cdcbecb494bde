/**
 * Findings of every repository of the network, said once: forks share most files byte for byte,
 * so one broken card copied into forty forks is one finding naming the forty, not forty findings.
 */
import { makeFinding, type Finding } from '../engines/findings.js';
import type { UnreadableFile } from './reconcile-types.js';

export interface OwnedFinding {
  /** Upstream's name or a fork's. */
  repository: string;
  finding: Finding;
}

export function describeUnreadable(repository: string, problems: readonly UnreadableFile[]): OwnedFinding[] {
  return problems.filter((p) => p.path !== '').map((p) => ({
    repository,
    finding: makeFinding({
      check: 'reconcile', rule: 'reconcile-file-unreadable', severity: 'warning', path: p.path,
      message: `${p.problem}; its models are left out of the comparison`,
      hint: 'Fix the file on that repository\'s default branch, or narrow reconcile.paths so it is not matched.',
    }),
  }));
}

/** Groups equal findings (same rule, place and message) and names the repositories that have them. */
export function mergeOwnedFindings(upstream: string, owned: readonly OwnedFinding[]): Finding[] {
  const groups = new Map<string, { finding: Finding; owners: string[] }>();
  for (const { repository, finding } of owned) {
    const key = JSON.stringify([finding.rule, finding.path, finding.line, finding.column, finding.field, finding.message]);
    const group = groups.get(key);
    if (group) { if (!group.owners.includes(repository)) group.owners.push(repository); } else groups.set(key, { finding, owners: [repository] });
  }
  return [...groups.values()].map(({ finding, owners }) => ({ ...finding, message: `${ownersText(upstream, owners)}: ${finding.message}` }));
}

function ownersText(upstream: string, owners: readonly string[]): string {
  const forks = owners.filter((o) => o !== upstream).map((o) => `"${o}"`);
  const parts = [...(owners.includes(upstream) ? [`upstream "${upstream}"`] : []), ...(forks.length ? [`fork${forks.length === 1 ? '' : 's'} ${forks.join(', ')}`] : [])];
  return parts.join(' and ');
}
