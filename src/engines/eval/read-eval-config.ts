/**
 * `readEvalConfig`: the validated `evaluation` section of `.github/steward.yml` → EvalConfig with every
 * default filled in (issue 4, item 1). Semantic problems the schema cannot see (a pool named twice, a
 * suite pinned to a pool that does not exist) go to `problems`, each saying how to fix it; the config
 * is still returned, so `steward eval plan` can show what it would do while the check reports them.
 *
 * Organisation quotas come only from `orgSection` (the organisation's own `.github` repository): a
 * repository must not be able to raise the limit it shares with its neighbours by writing its own.
 */
import type { EvalConfig, PoolConfig, Quota, Strategy } from './eval-config.js';
import { readSuites } from './read-eval-suites.js';
import { findTwice, listOf, numberOr, oneOf, sectionOf, textOr, textsOr, type Section } from './read-eval-values.js';

export const DEFAULT_WORKFLOW = 'steward-eval.yml';
export const DEFAULT_RETRIES = 2;
export const DEFAULT_TRIGGER_LABELS = ['run-eval'];
const STRATEGIES: readonly Strategy[] = ['round-robin', 'weighted', 'least-loaded', 'fair-share'];
const FORKS = ['require-approval', 'deny', 'allow'] as const;

export function readEvalConfig(section: unknown, orgSection?: unknown): { config: EvalConfig; problems: string[] } {
  const raw = sectionOf(section);
  const problems: string[] = [];
  const pools = readPools(listOf(raw.pools), problems);
  const suites = readSuites(raw.suites, pools, problems);
  const regression = sectionOf(raw.regression);
  const triggers = sectionOf(raw.triggers);
  const config: EvalConfig = {
    workflow: textOr(raw.workflow, DEFAULT_WORKFLOW),
    strategy: oneOf(raw.strategy, STRATEGIES, 'least-loaded', 'strategy', problems),
    pools,
    quotas: readQuota(raw.quotas),
    organizationQuotas: readQuota(sectionOf(orgSection).quotas),
    regression: { alpha: readAlpha(regression.alpha), threshold: numberOr(regression.threshold, 0.01) },
    forks: oneOf(raw.forks, FORKS, 'require-approval', 'forks', problems),
    retries: Math.floor(numberOr(raw.retries, DEFAULT_RETRIES)),
    triggers: { labels: textsOr(triggers.labels, DEFAULT_TRIGGER_LABELS), paths: textsOr(triggers.paths, []) },
    baselineSuites: [],
    suites,
  };
  config.baselineSuites = readBaselineSuites(raw['baseline-suites'], suites, problems);
  return { config, problems };
}

function readPools(raws: unknown[], problems: string[]): PoolConfig[] {
  const pools = raws.map(sectionOf).map((raw, i): PoolConfig => {
    const name = textOr(raw.name, '');
    if (name === '') problems.push(`evaluation.pools entry ${i + 1} has no name; give it name: (suites pin pools by name)`);
    const runsOn = textsOr(raw['runs-on'], []);
    if (!runsOn.length) problems.push(`pool "${name || i + 1}" has no runs-on labels; add runs-on:, e.g. [self-hosted, a100] or ubuntu-latest`);
    return { name, runsOn, capacity: Math.floor(numberOr(raw.capacity, 1, 1)), weight: numberOr(raw.weight, 1, Number.MIN_VALUE) };
  });
  for (const name of findTwice(pools.map((p) => p.name).filter((n) => n !== ''))) {
    problems.push(`pool "${name}" is defined twice in evaluation.pools; give each pool its own name, or merge them into one with the sum of their capacities`);
  }
  return pools;
}

function readQuota(value: unknown): Quota {
  const raw: Section = sectionOf(value);
  const limit = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) && v >= 0 ? v : null);
  return { concurrentShards: limit(raw['concurrent-shards']), runnerMinutesPerMonth: limit(raw['runner-minutes-per-month']) };
}

function readAlpha(value: unknown): number {
  return typeof value === 'number' && value > 0 && value < 1 ? value : 0.05;
}

function readBaselineSuites(value: unknown, suites: Record<string, unknown>, problems: string[]): string[] {
  if (value === undefined || value === null) return Object.hasOwn(suites, 'default') ? ['default'] : [];
  const names = textsOr(value, []);
  for (const name of names.filter((n) => !Object.hasOwn(suites, n))) {
    problems.push(`evaluation.baseline-suites names "${name}", which evaluation.suites does not define; define it or remove it from baseline-suites`);
  }
  return names.filter((n) => Object.hasOwn(suites, n));
}
