/** Use-case: check one pull request (or local range) against the style rules. */
import { resolveConfig, type ResolvedConfig } from '../config/load.js';
import type { StewardConfig } from '../config/types.js';
import { summarizeFindings, type FindingsReport } from '../engines/findings.js';
import type { PullRequest } from '../engines/pull-request.js';
import { runStyleRules } from '../engines/style/run-style-rules.js';
import type { StyleResult, Waiver } from '../engines/style/types.js';
import type {
  ConfigCandidates, CheckPlan, PublishResult, PullRequestRef, PullRequestSnapshot, RepoReader, RepoWriter,
} from '../platform/port.js';
import { buildCheckPlan } from '../report/check-run.js';

export const STYLE_CHECK_NAME = 'Steward / style';

export interface CheckOptions {
  waivers: Waiver[];
  /** Replaces the config read with the pull request (the CLI's --config, the Action's input). */
  configOverride?: ConfigCandidates;
}

export interface CheckOutcome {
  snapshot: PullRequestSnapshot;
  resolved: ResolvedConfig;
  result: StyleResult | null;
  report: FindingsReport;
  plan: CheckPlan;
}

export async function checkPullRequest(reader: RepoReader, ref: PullRequestRef, options: CheckOptions): Promise<CheckOutcome> {
  const snapshot = await reader.loadPullRequest(ref, STYLE_CHECK_NAME);
  const resolved = await resolveConfig(options.configOverride ?? snapshot.config, (target) =>
    reader.readFile(target.repository, target.path, target.ref),
  );
  const { pr } = snapshot;
  let result: StyleResult | null = null;
  if (resolved.config) {
    const orgMembers = await findOrgMembers(reader, pr, resolved.config, ref.owner);
    result = runStyleRules({ pr, config: resolved.config.style, waivers: options.waivers, orgMembers });
  }
  // Config warnings stay visible beside the rule findings; a broken config shows only its problems.
  const findings = [...resolved.findings, ...(result?.findings ?? [])];
  const report = summarizeFindings(findings, { commits: pr.commits.length, files: pr.files.length });
  const plan = buildCheckPlan({ name: STYLE_CHECK_NAME, pr, report, result, configSources: resolved.sources, waivers: options.waivers });
  return { snapshot, resolved, result, report, plan };
}

/** Writes the check unless GitHub already shows the same result. */
export function publishCheck(
  writer: RepoWriter,
  repo: { owner: string; repo: string },
  outcome: CheckOutcome,
): Promise<PublishResult> {
  return writer.publishCheck(repo, outcome.plan, outcome.snapshot.existingCheck);
}

/**
 * Org membership is asked only where it can change a verdict: verified commits without a
 * sign-off, when `skip-verified-members` is on. One lookup per distinct author.
 */
async function findOrgMembers(
  reader: RepoReader,
  pr: PullRequest,
  config: StewardConfig,
  org: string,
): Promise<Set<string>> {
  const rule = config.style.rules['commit-signoff'];
  const members = new Set<string>();
  if (rule.severity === 'off' || !rule['skip-verified-members'] || !reader.capabilities.identity) return members;
  const logins = new Set(
    pr.commits
      .filter((c) => c.verified === true && c.author.login && !/^signed-off-by:/im.test(c.message))
      .map((c) => c.author.login as string),
  );
  for (const login of logins) {
    if (await reader.isOrgMember(org, login)) members.add(login);
  }
  return members;
}
