/**
 * The `evaluation` section of `.github/steward.yml`, normalised: every default filled in, names and
 * units checked (read-eval-config.ts turns the validated YAML into this). Engines and workflows use
 * only this shape, never the raw section.
 */
import type { PlanTask } from './plan-types.js';

export type Strategy = 'round-robin' | 'weighted' | 'least-loaded' | 'fair-share';

/** `require-approval` (default): fork PRs wait for `/steward approve-eval`; `deny`: never; `allow`: like any PR. */
export type ForkPolicy = 'require-approval' | 'deny' | 'allow';

export interface PoolConfig {
  name: string;
  /** The `runs-on` labels of the shard job. */
  runsOn: string[];
  /** Shards this pool runs at once (default 1). */
  capacity: number;
  /** Relative share under `weighted` (default 1). */
  weight: number;
}

export interface SuiteConfig {
  name: string;
  shards: number | 'auto';
  /** Pinned pool, or null (the strategy chooses). */
  pool: string | null;
  pieceOverhead: number;
  /** With {task} {model} {shard} {limit} {offset} {output} placeholders. */
  command: string;
  /** What `{model}` becomes (default "."): a path in the checkout or a hub id. */
  model: string;
  /** Results format the command writes: `lm-eval` (default) or `simple` ({metrics, samples}). */
  format: 'lm-eval' | 'simple';
  /** Time limit of one shard, minutes (default 360). */
  timeoutMinutes: number;
  tasks: PlanTask[];
}

export interface Quota {
  /** Null = no limit. */
  concurrentShards: number | null;
  runnerMinutesPerMonth: number | null;
}

export interface RegressionPolicy {
  /** Two-sided z-test level where standard errors exist (default 0.05). */
  alpha: number;
  /** Smallest drop that counts where they do not (default 0.01, absolute). */
  threshold: number;
}

export interface TriggerConfig {
  /** Adding one of these labels to a PR starts the default suite (default ["run-eval"]). */
  labels: string[];
  /** A PR that changes a file matching these globs starts the default suite (default []: only on request). */
  paths: string[];
}

export interface EvalConfig {
  /** Workflow file name under .github/workflows (default "steward-eval.yml"). */
  workflow: string;
  strategy: Strategy;
  pools: PoolConfig[];
  /** This repository's quota. */
  quotas: Quota;
  /** The organisation's quota (only from the organisation's own `.github` repository config). */
  organizationQuotas: Quota;
  regression: RegressionPolicy;
  forks: ForkPolicy;
  /** Times a failed shard is dispatched again (default 2), on another pool when one fits. */
  retries: number;
  triggers: TriggerConfig;
  /** Push to the default branch runs these suites to refresh the baseline (default ["default"] when defined). */
  baselineSuites: string[];
  suites: Record<string, SuiteConfig>;
}
