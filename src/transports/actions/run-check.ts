/** actions/check: inputs and event -> local adapter -> checkPullRequest -> annotations, outputs, summary. */
import { randomUUID } from 'node:crypto';
import { access, appendFile, readFile, writeFile } from 'node:fs/promises';
import { isAbsolute, resolve } from 'node:path';
import { createLocalAdapter } from '../../platform/local/create-local-adapter.js';
import { formatJson } from '../../report/format-json.js';
import { formatSarif } from '../../report/format-sarif.js';
import { formatText } from '../../report/format-text.js';
import { checkPullRequest } from '../../workflows/check-pull-request.js';
import { withCardFindings } from '../with-card-findings.js';
import { DEFAULT_CONFIG, InputError, readCheckInputs, type CheckInputs } from './read-inputs.js';
import { readEventRange, type EventRange } from './read-event.js';
import { renderResults } from './render-results.js';
import { withEventMetadata } from './with-event-metadata.js';
import { formatCommand, formatOutput, guardLog } from './workflow-commands.js';

type Env = Readonly<Record<string, string | undefined>>;

/** package.json's version, written into the bundle by scripts/bundle.js (`define`). */
export const ACTION_VERSION = process.env.STEWARD_VERSION ?? '0.0.0-dev';

/** Runs the check and returns the exit code; throws only on runtime errors (the edge maps them). */
export async function runCheck(env: Env, print: (line: string) => void): Promise<0 | 1 | 2> {
  const inputs = readCheckInputs(env);
  const workspace = env.GITHUB_WORKSPACE || process.cwd();
  const event = await readEvent(env);
  const range = { ...event, base: inputs.base ?? event.base, head: inputs.head ?? event.head, repository: event.repository ?? env.GITHUB_REPOSITORY ?? null };
  print(inputs.base || inputs.head ? `Range from the inputs: ${range.base ?? '(merge base)'}..${range.head ?? 'HEAD'}.` : event.note);
  if (event.skip && !inputs.head) return 0;

  const { outcome, report } = await runWorkflow(workspace, inputs, range);
  const results = renderResults({
    report,
    plan: outcome.plan,
    configValid: outcome.resolved.config !== null,
    neutral: outcome.result?.conclusion === 'neutral',
    failOn: inputs.failOn,
    configPath: inputs.config,
    toJson: formatJson,
  });
  print(guardLog(formatLog(inputs, report), randomUUID()));
  results.commands.forEach(print);
  if (inputs.sarifFile) await writeFile(resolve(workspace, inputs.sarifFile), formatSarif(report, { version: ACTION_VERSION }));
  if (env.GITHUB_OUTPUT) await appendFile(env.GITHUB_OUTPUT, outputsText(results.outputs));
  if (env.GITHUB_STEP_SUMMARY) await appendFile(env.GITHUB_STEP_SUMMARY, results.summary);
  return results.exitCode;
}

export async function readEvent(env: Env): Promise<EventRange> {
  const eventName = env.GITHUB_EVENT_NAME ?? '';
  if (!env.GITHUB_EVENT_PATH) return readEventRange(eventName, {});
  const payload = JSON.parse(await readFile(env.GITHUB_EVENT_PATH, 'utf8')) as Record<string, unknown>;
  return readEventRange(eventName, payload);
}

async function runWorkflow(workspace: string, inputs: CheckInputs, range: EventRange) {
  const configPath = await findConfig(workspace, inputs.config);
  const local = await createLocalAdapter({
    dir: workspace,
    ...(range.base ? { base: range.base } : {}),
    ...(range.head ? { head: range.head } : {}),
    ...(range.pr ? { title: range.pr.title, body: range.pr.body, labels: range.pr.labels } : {}),
    ...(configPath ? { configPath } : {}),
  });
  const [owner = 'local', repo = 'repository'] = (range.repository ?? '').split('/');
  const reader = withEventMetadata(local, range.pr);
  const outcome = await checkPullRequest(reader, { owner, repo, number: range.pr?.number ?? 0 }, { waivers: [] });
  // Model cards changed in the range are checked too (SPEC.md §6), read from the clone.
  return { outcome, report: await withCardFindings(local, { owner, repo }, outcome) };
}

/** The default path may be absent (built-in defaults apply); a path the user chose must exist. */
export async function findConfig(workspace: string, input: string): Promise<string | null> {
  if (input === DEFAULT_CONFIG) return null;
  const path = isAbsolute(input) ? input : resolve(workspace, input);
  const found = await access(path).then(() => true, () => false);
  if (!found) throw new InputError(`Input "config" is "${input}", but there is no such file in ${workspace}; fix the path or leave the input out to use ${DEFAULT_CONFIG}.`);
  return path;
}

function formatLog(inputs: CheckInputs, report: Parameters<typeof formatJson>[0]): string {
  if (inputs.format === 'json') return formatJson(report);
  if (inputs.format === 'sarif') return formatSarif(report, { version: ACTION_VERSION });
  return formatText(report, { color: false });
}

export function outputsText(outputs: Record<string, string>): string {
  const delimiter = `ghadelimiter_${randomUUID()}`;
  return Object.entries(outputs).map(([name, value]) => formatOutput(name, value, delimiter)).join('');
}

/** The message for a failure that is not a finding: what went wrong and what to change. */
export function describeFailure(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  if (/cannot resolve|share no history|unknown revision|bad revision|bad object|invalid revision|not a valid object name/i.test(message)) {
    return `${message}\nThe commits to check are not in the clone. Use actions/checkout with \`fetch-depth: 0\`, or set the \`base\` and \`head\` inputs.`;
  }
  if (/not a git repository/i.test(message)) {
    return `${message}\nRun actions/checkout before this step (GITHUB_WORKSPACE must be a git clone).`;
  }
  return message;
}

export function formatFailure(error: unknown): string {
  return formatCommand('error', { title: 'Steward could not run' }, describeFailure(error));
}
