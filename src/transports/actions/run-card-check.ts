/** actions/model-cards: inputs and event -> changed (or all) cards -> checkCardFiles -> annotations, outputs, summary. */
import { randomUUID } from 'node:crypto';
import { appendFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { FindingsReport } from '../../engines/findings.js';
import { readSchemaUnder } from '../../platform/local/read-local-schema.js';
import { formatJson } from '../../report/format-json.js';
import { formatSarif } from '../../report/format-sarif.js';
import { formatText } from '../../report/format-text.js';
import { cardOptionsOf, checkCardFiles, type CardFile } from '../../workflows/check-card-files.js';
import { findCardFiles } from '../find-card-files.js';
import { resolveLocalConfig } from '../resolve-local-config.js';
import { listChangedCards } from './list-changed-cards.js';
import { readCardInputs, type CardInputs } from './read-card-inputs.js';
import type { EventRange } from './read-event.js';
import { renderCardSummary } from './render-card-summary.js';
import { renderResults } from './render-results.js';
import { ACTION_VERSION, findConfig, outputsText, readEvent } from './run-check.js';
import { guardLog } from './workflow-commands.js';

type Env = Readonly<Record<string, string | undefined>>;

/** Runs the card check and returns the exit code; throws only on runtime errors (the edge maps them). */
export async function runCardCheck(env: Env, print: (line: string) => void): Promise<0 | 1 | 2> {
  const inputs = readCardInputs(env);
  const workspace = env.GITHUB_WORKSPACE || process.cwd();
  const event = await readEvent(env);
  const configPath = await findConfig(workspace, inputs.config);
  const resolved = await resolveLocalConfig(workspace, configPath ?? undefined);

  let report: FindingsReport = { findings: resolved.findings, summary: { errors: resolved.findings.length, warnings: 0, notices: 0, commits: 0, files: 0 } };
  let summary = `## Steward / model cards\n\n❌ ${inputs.config} could not be used; no card was checked.`;
  if (resolved.config) {
    const options = cardOptionsOf(resolved.config, inputs.profile, { readSchema: readSchemaUnder(workspace) });
    const globs = inputs.paths ?? options.paths;
    if (!inputs.all && event.skip) {
      print(event.note);
      return 0;
    }
    const files = await selectCards(workspace, inputs, event, globs, print);
    report = checkCardFiles(files, options);
    const scope = inputs.all ? 'every card' : 'changed cards';
    summary = renderCardSummary({ report, cards: files.map((f) => f.path), profile: options.profile, scope });
  }
  const results = renderResults({
    report, plan: { summary, text: null }, configValid: resolved.config !== null, neutral: false,
    failOn: inputs.failOn, configPath: inputs.config, toJson: formatJson,
  });
  print(guardLog(formatLog(inputs, report), randomUUID()));
  results.commands.forEach(print);
  if (inputs.sarifFile) await writeFile(path.resolve(workspace, inputs.sarifFile), formatSarif(report, { version: ACTION_VERSION }));
  if (env.GITHUB_OUTPUT) await appendFile(env.GITHUB_OUTPUT, outputsText(results.outputs));
  if (env.GITHUB_STEP_SUMMARY) await appendFile(env.GITHUB_STEP_SUMMARY, results.summary);
  return results.exitCode;
}

async function selectCards(workspace: string, inputs: CardInputs, event: EventRange, globs: readonly string[], print: (line: string) => void): Promise<CardFile[]> {
  if (inputs.all) {
    const files = await findCardFiles(workspace, [], globs);
    print(`Checking every card matching ${globs.join(', ')}: ${files.length} found.`);
    return files;
  }
  const changed = await listChangedCards(workspace, event, globs);
  print(`${event.note} ${changed.length} changed card(s) match ${globs.join(', ')}.`);
  return changed.length ? findCardFiles(workspace, changed, globs) : [];
}

function formatLog(inputs: CardInputs, report: FindingsReport): string {
  if (inputs.format === 'json') return formatJson(report);
  if (inputs.format === 'sarif') return formatSarif(report, { version: ACTION_VERSION });
  return formatText(report, { color: false });
}
