/**
 * The property cases of the hostile-input scenarios on one running process: open a pull request
 * with a fuzzed config or card, wait for its checks, and compare them with what the engine says of
 * the same text (the oracle). Shared by hostile-config.test.ts and hostile-cards.test.ts.
 */
import { expect } from '@jest/globals';
import { resolveConfig } from '../../src/config/load.js';
import { DEFAULT_CONFIG } from '../../src/config/defaults.js';
import type { Finding } from '../../src/engines/findings.js';
import { cardOptionsOf, checkCardFiles } from '../../src/workflows/check-card-files.js';
import type { FakeFile } from '../support/fake-github-graphql.js';
import { propertyRuns } from '../support/property-runs.js';
import type { Standin } from '../standin/index.js';
import type { AppProcess } from './app-process.js';
import { E2E_OWNER, E2E_REPO } from './github-events.js';
import { CARD_PATH, CONFIG_PATH, alarmingLines, checkAt, headFor, openedEvent, seedHostilePull, setConfig } from './hostile-world.js';
import type { HostileText } from './hostile-yaml.js';
import { waitFor, waitForQuiet } from './wait.js';
import { CARD_CHECK, STYLE_CHECK, checksCompleted } from './world.js';

export interface Bench { standin: Standin; app: AppProcess; nextPull: number }

/**
 * Process round trips are slow: Probot's throttling spaces GraphQL queries and writes 1 s apart, so
 * a case costs 2-5 s. Few cases, no shrinking (the failing case is printed whole), fixed seed under CI.
 */
export const processRuns = (n: number) => ({ ...propertyRuns(n), endOnFailure: true });

/** A pull request that only deletes a file: its config is read, no blob sizes are (one GraphQL query). */
const DELETION: FakeFile[] = [{ path: 'src/old.py', additions: 0, deletions: 3, changeType: 'DELETED' }];

/** Opens a pull request on the process and waits for its checks; returns its head SHA. */
async function openPull(bench: Bench, change: { headFiles: Record<string, string> } | { files: FakeFile[] }, checks: string[]): Promise<string> {
  const number = ++bench.nextPull;
  const headSha = headFor(number);
  seedHostilePull(bench.standin, { number, headSha, ...change });
  expect(await bench.app.sendWebhook('pull_request', openedEvent(number, headSha))).toBe(200);
  await waitFor(checksCompleted(bench.standin, headSha, checks), 20_000, bench.standin);
  return headSha;
}

/** The finding as the check's text lists it: `path:line`: message. */
function expectListed(text: string | null, f: Finding): void {
  expect(text).toContain(`\`${f.path}${f.line ? `:${f.line}` : ''}\`: ${f.message.slice(0, 60)}`);
}

function expectRefusedConfig(standin: Standin, sha: string, findings: Finding[]): void {
  const run = checkAt(standin, sha, STYLE_CHECK)!;
  const first = findings.find((f) => f.severity === 'error')!;
  expect(run.conclusion).toBe('failure');
  expect(run.output.title).toMatch(/^Invalid configuration: \d+ problems?$/);
  expect(run.output.summary).toContain('The configuration could not be used, so no style rule ran.');
  expect(run.output.summary).toContain(`| \`${CONFIG_PATH}\` | ${first.line ?? ''}:${first.column ?? ''} |`);
  expectListed(run.output.text, first);
}

export async function checkConfigCase(bench: Bench, input: HostileText): Promise<void> {
  setConfig(bench.standin, input.text);
  const file = { origin: `${E2E_OWNER}/${E2E_REPO}:${CONFIG_PATH}`, path: CONFIG_PATH, text: input.text };
  const oracle = await resolveConfig({ repository: file, organization: null }, async () => null);
  if (input.refuse) expect(oracle.config).toBeNull();
  const sha = await openPull(bench, { files: DELETION }, [STYLE_CHECK]);
  if (!oracle.config) return expectRefusedConfig(bench.standin, sha, oracle.findings);
  const run = checkAt(bench.standin, sha, STYLE_CHECK)!;
  expect(run.output.title).not.toMatch(/^Invalid/);
  expect(run.output.summary).toContain(`Configuration: \`${E2E_OWNER}/${E2E_REPO}:${CONFIG_PATH}\``);
  if (input.kind === 'valid') expect(run.conclusion).toBe('success');
  for (const f of oracle.findings) expectListed(run.output.text, f);
}

export async function checkCardCase(bench: Bench, input: HostileText): Promise<void> {
  const oracle = checkCardFiles([{ path: CARD_PATH, text: input.text }], cardOptionsOf(DEFAULT_CONFIG));
  const errors = oracle.findings.filter((f) => f.severity === 'error');
  if (input.refuse) expect(errors.length).toBeGreaterThan(0);
  const sha = await openPull(bench, { headFiles: { [CARD_PATH]: input.text } }, [STYLE_CHECK, CARD_CHECK]);
  expect(checkAt(bench.standin, sha, STYLE_CHECK)!.conclusion).toBe('success');
  const run = checkAt(bench.standin, sha, CARD_CHECK)!;
  expect(run.conclusion).toBe(errors.length ? 'failure' : 'success');
  expect(run.output.summary).toContain(`\`${CARD_PATH}\``);
  if (errors.length) expectListed(run.output.text, errors[0]!);
}

/** After a property: every check completed and created once per head, the process up, no call refused. */
export async function expectCleanAftermath(bench: Bench): Promise<void> {
  const { standin, app } = bench;
  await waitForQuiet(standin, 1_500);
  expect(standin.state.checkRuns.filter((run) => run.status !== 'completed')).toEqual([]);
  const created = standin.state.checkRuns.map((run) => `${run.name}@${run.head_sha}`);
  expect(created.length).toBe(new Set(created).size);
  expect(standin.writes('/repos/{owner}/{repo}/check-runs')).toHaveLength(created.length);
  expect(standin.violations()).toEqual([]);
  expect(standin.requests().filter((r) => r.status >= 400)).toEqual([]);
  expect((await fetch(new URL('/ping', app.url))).status).toBe(200);
  expect(alarmingLines(app.logs())).toEqual([]);
}

export { setConfig };
