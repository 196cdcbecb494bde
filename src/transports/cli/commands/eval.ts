/** `steward eval plan`: the shards a suite would run as (SPEC.md §4); `eval run` is in eval-run.ts. */
import path from 'node:path';
import { planShards } from '../../../engines/eval/plan-shards.js';
import type { PlanTask, ShardPlan } from '../../../engines/eval/plan-types.js';
import { UsageError } from '../../../platform/local/usage-error.js';
import { resolveLocalConfig } from '../../resolve-local-config.js';
import type { CliIo } from '../cli-io.js';
import { reportInvalidConfig } from '../report-invalid-config.js';
import { parseArgs, type FlagSpec } from '../parse-args.js';
import { EVAL_USAGE } from '../usage.js';

const FLAGS: Record<string, FlagSpec> = {
  suite: { kind: 'string' },
  config: { kind: 'string' },
  repo: { kind: 'string' },
  format: { kind: 'string' },
  help: { kind: 'boolean', short: 'h' },
};

type Section = Record<string, unknown>;

export async function runEval(argv: readonly string[], io: CliIo): Promise<number> {
  const [sub, ...rest] = argv;
  // `eval run` opens the store and spawns commands: loaded only when asked for.
  if (sub === 'run') return (await import('./eval-run.js')).runEvalRun(rest, io);
  if (sub === '--help' || sub === '-h' || sub === 'help') {
    io.out(EVAL_USAGE);
    return 0;
  }
  if (sub !== 'plan') throw new UsageError(sub === undefined ? 'say what to do: `steward eval plan` or `steward eval run`' : `unknown subcommand "${sub}"; try \`steward eval plan\` or \`steward eval run\``);
  const { flags, positionals } = parseArgs(rest, FLAGS, 'eval plan');
  if (flags.help) {
    io.out(EVAL_USAGE);
    return 0;
  }
  if (positionals.length) throw new UsageError(`unexpected argument "${positionals[0]}"`);
  const format = (flags.format as string | undefined) ?? 'text';
  if (format !== 'text' && format !== 'json') throw new UsageError(`--format must be text or json, not "${format}"`);
  const root = path.resolve((flags.repo as string | undefined) ?? '.');
  const resolved = await resolveLocalConfig(root, flags.config as string | undefined);
  if (!resolved.config) return reportInvalidConfig('eval plan', resolved.findings, io);
  const evaluation = (resolved.config.evaluation ?? {}) as Section;
  const picked = pickSuite(evaluation, flags.suite as string | undefined);
  if (typeof picked === 'string') {
    io.err(`steward eval plan: ${picked}\n`);
    return 2;
  }
  const plan = planShards(picked);
  io.out(format === 'json' ? `${JSON.stringify(plan, null, 2)}\n` : renderPlan(plan, picked.name));
  return 0;
}

/** The planner's input for the chosen suite, or why there is none. */
function pickSuite(evaluation: Section, wanted: string | undefined): (Parameters<typeof planShards>[0] & { name: string }) | string {
  const suites = (evaluation.suites ?? {}) as Record<string, Section>;
  const names = Object.keys(suites);
  const name = wanted ?? (names.includes('default') || names.length !== 1 ? 'default' : names[0]!);
  const suite = suites[name];
  if (!suite) {
    const known = names.length ? `; the configuration has ${names.map((n) => `"${n}"`).join(', ')}` : '; evaluation.suites in .github/steward.yml defines none';
    return `no suite "${name}"${known}`;
  }
  const tasks = (suite.tasks ?? []) as Partial<PlanTask>[];
  if (!tasks.length) return `suite "${name}" has no tasks; list them under evaluation.suites.${name}.tasks`;
  const costless = tasks.find((t) => typeof t.cost !== 'number');
  if (costless) return `task "${costless.name}" of suite "${name}" has no cost; give it one (samples or seconds)`;
  const twice = tasks.find((t, i) => tasks.findIndex((u) => u.name === t.name) !== i);
  if (twice) return `task "${twice.name}" is listed twice in suite "${name}"`;
  const pool = typeof suite.pool === 'string' ? suite.pool : null;
  return {
    name, tasks: tasks as PlanTask[], shards: (suite.shards ?? 1) as number | 'auto',
    pieceOverhead: Number(suite['piece-overhead'] ?? 0), pool, maxShards: maxShardsOf(evaluation, pool),
  };
}

/** What 'auto' may use: the pinned pool's capacity, else the concurrent-shards quota, else the planner's default. */
function maxShardsOf(evaluation: Section, pool: string | null): number | undefined {
  const pools = (evaluation.pools ?? []) as Section[];
  const pinned = pools.find((p) => p.name === pool);
  if (typeof pinned?.capacity === 'number' && pinned.capacity >= 1) return pinned.capacity;
  const quota = ((evaluation.quotas ?? {}) as Section)['concurrent-shards'];
  return typeof quota === 'number' && quota >= 1 ? quota : undefined;
}

function renderPlan(plan: ShardPlan, suite: string): string {
  const lines = [`Suite "${suite}": ${plan.shards.length} shard${plan.shards.length === 1 ? '' : 's'}, makespan ${plan.makespan} (lower bound ${plan.lowerBound})`, ''];
  lines.push(['shard', 'pool', 'cost', 'pieces (task [offset, offset+limit))'].join('\t'));
  for (const shard of plan.shards) {
    const pieces = shard.pieces.map((p) => `${p.task} [${p.offset}, ${p.offset + p.limit})`).join(', ');
    lines.push([String(shard.id), shard.pool ?? '-', String(shard.cost), pieces].join('\t'));
  }
  return `${lines.join('\n')}\n`;
}
