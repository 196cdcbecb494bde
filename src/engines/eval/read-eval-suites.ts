/** The `suites` part of the `evaluation` section, with each suite's defaults and its semantic checks. */
import type { PoolConfig, SuiteConfig } from './eval-config.js';
import type { PlanTask } from './plan-types.js';
import { findTwice, listOf, numberOr, sectionOf, textOr, type Section } from './read-eval-values.js';

/** GitHub runs at most 256 jobs of one matrix; more shards could never run as one run. */
export const MAX_SUITE_SHARDS = 256;
export const DEFAULT_TIMEOUT_MINUTES = 360;

export function readSuites(value: unknown, pools: readonly PoolConfig[], problems: string[]): Record<string, SuiteConfig> {
  const suites: Record<string, SuiteConfig> = {};
  for (const [name, raw] of Object.entries(sectionOf(value))) {
    // A suite called __proto__ would replace the record's prototype instead of adding a suite.
    if (name === '__proto__') problems.push('evaluation.suites has a suite named "__proto__"; give it another name');
    else suites[name] = readSuite(name, sectionOf(raw), pools, problems);
  }
  return suites;
}

function readSuite(name: string, raw: Section, pools: readonly PoolConfig[], problems: string[]): SuiteConfig {
  const where = `evaluation.suites.${name}`;
  const pool = typeof raw.pool === 'string' && raw.pool !== '' ? raw.pool : null;
  if (pool !== null && !pools.some((p) => p.name === pool)) {
    const known = pools.length ? `one of ${pools.map((p) => p.name).join(', ')}` : 'a pool you add under evaluation.pools';
    problems.push(`${where}.pool is "${pool}", but evaluation.pools defines no pool of that name; use ${known}, or remove pool: to let the strategy choose`);
  }
  const command = textOr(raw.command, '');
  if (command === '') problems.push(`${where} has no command; add command: with {task}, {model}, {offset}, {limit} and {output} placeholders, e.g. "lm_eval --model hf --model_args pretrained={model} --tasks {task} --output_path {output}"`);
  return {
    name,
    shards: readShards(raw.shards, where, problems),
    pool,
    pieceOverhead: numberOr(raw['piece-overhead'], 0),
    command,
    model: textOr(raw.model, '.'),
    format: raw.format === 'simple' ? 'simple' : 'lm-eval',
    timeoutMinutes: numberOr(raw['timeout-minutes'], DEFAULT_TIMEOUT_MINUTES, Number.MIN_VALUE),
    tasks: readTasks(listOf(raw.tasks), where, problems),
  };
}

function readShards(value: unknown, where: string, problems: string[]): number | 'auto' {
  if (value === 'auto') return 'auto';
  if (value === undefined || value === null) return 1;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1) {
    problems.push(`${where}.shards is ${JSON.stringify(value)}; write a whole number ≥ 1 or "auto"`);
    return 1;
  }
  if (value > MAX_SUITE_SHARDS) {
    problems.push(`${where}.shards is ${value}, but GitHub runs at most ${MAX_SUITE_SHARDS} jobs of one matrix; use ${MAX_SUITE_SHARDS} or fewer, or "auto"`);
    return MAX_SUITE_SHARDS;
  }
  return value;
}

function readTasks(raws: unknown[], where: string, problems: string[]): PlanTask[] {
  const tasks: PlanTask[] = [];
  for (const raw of raws.map(sectionOf)) {
    const name = textOr(raw.name, '');
    if (name === '') {
      problems.push(`${where}.tasks has an entry without a name; give each task name: and cost:`);
      continue;
    }
    const cost = raw.cost;
    if (typeof cost !== 'number' || !Number.isFinite(cost) || cost < 0) {
      problems.push(`task "${name}" of ${where} has no cost; add cost: with its number of samples (or seconds), e.g. { name: ${name}, cost: 1000 }`);
    }
    tasks.push({ name, cost: numberOr(cost, 0) });
  }
  for (const name of findTwice(tasks.map((t) => t.name))) {
    problems.push(`task "${name}" is listed twice in ${where}.tasks; keep one entry (its cost covers the whole task)`);
  }
  if (!raws.length) problems.push(`${where} has no tasks; list them under ${where}.tasks as { name, cost }`);
  return tasks;
}
