/**
 * actions/reconcile: on a schedule (or by hand), reconcile the workflow's repository with its forks
 * through the GitHub API, write the report to the job summary and registry.json to the workspace,
 * and, when asked, keep the report issue and the registry pull request up to date.
 */
import { appendFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Octokit } from '@octokit/rest';
import type { GitHubClient } from '../../platform/github/github-client.js';
import { createGitHubPublisher } from '../../platform/github/publish/create-github-publisher.js';
import { buildReconcileJson, countStatuses, hasConflict } from '../../report/reconcile-json.js';
import { renderReconcileMarkdown } from '../../report/reconcile-markdown.js';
import { renderRegistry } from '../../report/reconcile-registry.js';
import { reconcileAndPublish } from '../../workflows/publish-reconcile.js';
import { reconcileSettingsOf } from '../../workflows/reconcile-options.js';
import { createGitHubReconcileReader } from '../github-reconcile-reader.js';
import { createMemoryBlobCache, createMemoryLedger } from '../memory-reconcile-state.js';
import { resolveLocalConfig } from '../resolve-local-config.js';
import { readReconcileInputs } from './reconcile-inputs.js';
import { findConfig, outputsText } from './run-check.js';

type Env = Readonly<Record<string, string | undefined>>;

/** The job summary takes 1 MiB; the report is cut well before. */
const SUMMARY_LIMIT = 900_000;

export async function runReconcileAction(env: Env, print: (line: string) => void, client?: GitHubClient): Promise<0 | 1 | 2> {
  const inputs = readReconcileInputs(env);
  const workspace = env.GITHUB_WORKSPACE || process.cwd();
  const resolved = await resolveLocalConfig(workspace, (await findConfig(workspace, inputs.config)) ?? undefined);
  if (!resolved.config) {
    for (const f of resolved.findings) print(`${f.path ?? inputs.config}${f.line ? `:${f.line}` : ''}: ${f.message}`);
    print(`${inputs.config} could not be used; nothing was reconciled. Fix it and run the workflow again.`);
    return 2;
  }
  const [owner, repo] = inputs.repository.split('/') as [string, string];
  const github = client ?? createClient(env, inputs.token);
  const settings = { ...reconcileSettingsOf(resolved.config), forkPullRequests: false };
  const { outcome, message, issue, registryPull } = await reconcileAndPublish({
    reader: createGitHubReconcileReader(github, { owner, repo, globs: settings.globs, registryGlobs: settings.registryGlobs, cache: createMemoryBlobCache() }),
    publisher: createGitHubPublisher(github), ledger: createMemoryLedger(), now: () => new Date(),
    forkPublisher: async () => null, onProgress: print,
  }, { repo: { owner, repo }, settings, publish: { issue: inputs.updateIssue, registry: inputs.proposeRegistry } });
  print(message);
  if (outcome.upstreamProblem !== null) return 2;
  const markdown = renderReconcileMarkdown(outcome.report, SUMMARY_LIMIT);
  if (inputs.registryFile) await writeFile(path.resolve(workspace, inputs.registryFile), renderRegistry(outcome.report));
  if (inputs.reportFile) await writeFile(path.resolve(workspace, inputs.reportFile), markdown);
  if (env.GITHUB_STEP_SUMMARY) await appendFile(env.GITHUB_STEP_SUMMARY, markdown);
  const json = buildReconcileJson(outcome.report);
  const outputs = {
    statuses: JSON.stringify(countStatuses(outcome.report)),
    findings: JSON.stringify({ findings: json.findings }),
    issue: issue === null ? '' : String(issue),
    'registry-pull-request': registryPull === null ? '' : String(registryPull),
    'registry-file': inputs.registryFile ?? '',
  };
  if (env.GITHUB_OUTPUT) await appendFile(env.GITHUB_OUTPUT, outputsText(outputs));
  return inputs.failOn === 'conflict' && hasConflict(outcome.report) ? 1 : 0;
}

/** GitHub Enterprise Server runners set GITHUB_API_URL; GraphQL then lives at GITHUB_GRAPHQL_URL. */
function createClient(env: Env, token: string): GitHubClient {
  const octokit = new Octokit({ auth: token, baseUrl: env.GITHUB_API_URL || 'https://api.github.com', userAgent: 'steward-reconcile-action' });
  return {
    request: (route, params) => octokit.request(route, params) as never,
    graphql: (query, variables) => octokit.graphql(query, variables),
  };
}
