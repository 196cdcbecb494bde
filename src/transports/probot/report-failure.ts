/**
 * After the last attempt, marks the pull request's check run as failed with what went wrong and how
 * to run it again, so a required check never waits forever. Without a pull request, the log says it.
 */
import type { Logger } from 'probot';
import type { CheckPlan } from '../../platform/port.js';
import { RERUN_ACTION } from '../../report/check-run.js';
import type { DeliveryRecord } from '../../store/types.js';
import { prOfExternalId, pullRequestsNamed } from './handlers/resolve-pull-requests.js';
import { installationOf, integer, repoOf, text } from './payload.js';
import { describeError } from './retry-policy.js';
import type { GitHubClient, Platform } from './types.js';

export interface FailureReporterOptions {
  auth: (installationId: number) => Promise<GitHubClient>;
  createPlatform: (github: GitHubClient, installationId: number) => Platform;
  checkName: string;
  log: Logger;
}

export function createFailureReporter(options: FailureReporterOptions) {
  return async (delivery: DeliveryRecord, error: unknown): Promise<void> => {
    const { payload } = delivery;
    const repo = repoOf(payload);
    const installationId = installationOf(payload);
    const number = pullRequestOf(delivery.name, payload);
    if (!repo || installationId === null || number === null) return;
    const platform = options.createPlatform(await options.auth(installationId), installationId);
    const headSha = headShaOf(delivery.name, payload) ?? (await platform.pullRequestHead(repo, number));
    const existing = await platform.findCheck(repo, headSha, options.checkName);
    const plan = buildFailurePlan({ name: options.checkName, headSha, number, error, delivery });
    await platform.publishCheck(repo, plan, existing);
    options.log.info({ delivery: delivery.id }, `Marked ${options.checkName} on ${repo.owner}/${repo.repo}#${number} as failed`);
  };
}

function pullRequestOf(name: string, payload: unknown): number | null {
  switch (name) {
    case 'pull_request':
    case 'pull_request_review':
      return integer(payload, 'pull_request', 'number');
    case 'issue_comment':
      return integer(payload, 'issue', 'number');
    case 'check_suite':
      return pullRequestsNamed(payload, 'check_suite')[0] ?? null;
    case 'check_run':
      return pullRequestsNamed(payload, 'check_run')[0] ?? prOfExternalId(text(payload, 'check_run', 'external_id'));
    default:
      return null;
  }
}

function headShaOf(name: string, payload: unknown): string | null {
  if (name === 'check_suite' || name === 'check_run') return text(payload, name, 'head_sha');
  return text(payload, 'pull_request', 'head', 'sha');
}

export function buildFailurePlan(input: {
  name: string;
  headSha: string;
  number: number;
  error: unknown;
  delivery: DeliveryRecord;
}): CheckPlan {
  const reason = describeError(input.error);
  const status = (input.error as { status?: unknown } | null)?.status;
  const hint =
    status === 403 || status === 404
      ? 'GitHub refused access: check that the Steward App is still installed on this repository with the permissions in app.yml.'
      : 'This is usually a passing GitHub problem, not a problem with this pull request.';
  const summary = [
    `Steward could not finish: ${reason}.`,
    `It tried ${input.delivery.attempts} time${input.delivery.attempts === 1 ? '' : 's'} (event \`${input.delivery.name}\`, delivery \`${input.delivery.id}\`). ${hint}`,
    'Re-run from the Checks tab or comment `/steward recheck`.',
  ].join('\n\n');
  return {
    name: input.name,
    headSha: input.headSha,
    conclusion: 'failure',
    title: 'Steward could not finish',
    summary,
    text: null,
    annotations: [],
    actions: [RERUN_ACTION],
    // No fingerprint marker in the summary: the next run always replaces this report.
    fingerprint: `failed:${input.delivery.id}`,
    annotationsFingerprint: 'none',
    externalId: JSON.stringify({ pr: input.number }),
  };
}
