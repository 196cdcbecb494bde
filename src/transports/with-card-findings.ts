/** The style report of a local range plus the findings of the model cards it changes (CLI `check`, actions/check). */
import { summarizeFindings, type FindingsReport } from '../engines/findings.js';
import type { FileReader, RepoName } from '../platform/port.js';
import { cardPathsOf, changedCards } from '../workflows/changed-cards.js';
import type { CheckOutcome } from '../workflows/check-pull-request.js';

/** On the same load and config as the style check; the card engine is loaded only when a card changed. */
export async function withCardFindings(reader: FileReader, repo: RepoName, outcome: CheckOutcome): Promise<FindingsReport> {
  const config = outcome.resolved.config;
  if (!config || changedCards(outcome.snapshot.pr, cardPathsOf(config)).length === 0) return outcome.report;
  const { checkModelCards } = await import('../workflows/check-model-cards.js');
  const cards = await checkModelCards(reader, repo, { snapshot: outcome.snapshot, config });
  if (!cards) return outcome.report;
  const { pr } = outcome.snapshot;
  return summarizeFindings([...outcome.report.findings, ...cards.report.findings], { commits: pr.commits.length, files: pr.files.length });
}
