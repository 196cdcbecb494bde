/**
 * Use-case: check the model cards a pull request (or local range) changes. It reuses what the
 * style check loaded (the snapshot and the resolved config: one load, one config resolution),
 * reads only the changed cards at head (with the repository's card schemas), and plans the
 * `Steward / model cards` check run.
 */
import type { StewardConfig } from '../config/types.js';
import { makeFinding, type Finding, type FindingsReport } from '../engines/findings.js';
import type {
  CheckPlan, FileReader, HeadFile, PublishResult, PullRequestSnapshot, RepoName, RepoWriter,
} from '../platform/port.js';
import { buildCardCheckPlan, MODEL_CARD_CHECK_NAME } from '../report/model-card-check-run.js';
import { checkCardFiles, type CardFile } from './check-card-files.js';
import { readCardsAtHead } from './model-card-schemas.js';
import { cardPathsOf, changedCards } from './changed-cards.js';

export { changedCards } from './changed-cards.js';

export { MODEL_CARD_CHECK_NAME } from '../report/model-card-check-run.js';

export interface CardCheckInput {
  /** What the style check loaded: the pull request and its changed files. */
  snapshot: PullRequestSnapshot;
  /** The resolved config the style check used. */
  config: StewardConfig;
}

export interface CardCheckOutcome {
  /** The changed cards that were found at head, in the pull request's file order. */
  cards: string[];
  /** Their text at head (or why it was not read). */
  files: HeadFile[];
  report: FindingsReport;
  plan: CheckPlan;
}


/** null when the pull request changes no card: then nothing is read and no check is planned. */
export async function checkModelCards(reader: FileReader, repo: RepoName, input: CardCheckInput): Promise<CardCheckOutcome | null> {
  const { pr } = input.snapshot;
  const changed = changedCards(pr, cardPathsOf(input.config));
  if (!changed.length) return null;
  const { options, cards: files } = await readCardsAtHead(reader, repo, pr.headSha, input.config, changed);
  const readable = files.flatMap((f): CardFile[] =>
    f.text !== null ? [{ path: f.path, text: f.text }] : f.reason === 'too-large' ? [{ path: f.path, bytes: f.bytes }] : []);
  const checked = checkCardFiles(readable, options);
  const binary = files.filter((f) => f.text === null && f.reason === 'binary').map(binaryFinding);
  const findings = [...binary, ...checked.findings];
  const report: FindingsReport = {
    findings,
    summary: { ...checked.summary, files: files.length, errors: checked.summary.errors + binary.length },
  };
  const cards = files.map((f) => f.path);
  return { cards, files, report, plan: buildCardCheckPlan({ pr, cards, report, profile: options.profile }) };
}

/** Writes the card check, over Steward's earlier run of it on the same commit, unless it shows the same result. */
export async function publishCardCheck(writer: RepoWriter, repo: RepoName, outcome: CardCheckOutcome): Promise<PublishResult> {
  const existing = await writer.findCheck(repo, outcome.plan.headSha, MODEL_CARD_CHECK_NAME);
  return writer.publishCheck(repo, outcome.plan, existing);
}

function binaryFinding(file: HeadFile): Finding {
  return makeFinding({
    check: 'model-card', rule: 'card-front-matter', severity: 'error', path: file.path, line: 1,
    message: `${file.path} is a binary file, not a Markdown model card; it was not read`,
    hint: 'Write the card as UTF-8 Markdown text, or narrow model-cards.paths in .github/steward.yml if this file is no card.',
  });
}
