/**
 * A small argument parser: `--flag value`, `--flag=value`, repeated flags, booleans, `--` and
 * positionals. Node's util.parseArgs would do, but its messages ("Unknown option '--bse'") do not
 * say how to fix the mistake; these do.
 */
import { UsageError } from '../../platform/local/usage-error.js';

export interface FlagSpec {
  kind: 'string' | 'boolean';
  multiple?: boolean;
  /** One-letter alias, e.g. 'h' for --help. */
  short?: string;
}

export type FlagValues = Record<string, string | boolean | string[] | undefined>;

export interface ParsedArgs {
  flags: FlagValues;
  positionals: string[];
}

export function parseArgs(argv: readonly string[], spec: Record<string, FlagSpec>, command: string): ParsedArgs {
  const flags: FlagValues = {};
  const positionals: string[] = [];
  const aliases = new Map(Object.entries(spec).flatMap(([name, s]) => (s.short ? [[s.short, name] as const] : [])));
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    const option = readOption(arg, aliases);
    if (!option) {
      positionals.push(arg);
      continue;
    }
    const { name, inline } = option;
    const flag = spec[name];
    if (!flag) throw new UsageError(`unknown option ${arg.split('=')[0]} for \`steward ${command}\`${suggest(name, spec)}`);
    if (flag.kind === 'boolean') {
      if (inline !== undefined) throw new UsageError(`--${name} takes no value`);
      flags[name] = true;
      continue;
    }
    let value = inline;
    if (value === undefined) {
      const next = argv[i + 1];
      // "--base --head x" is a forgotten value, not a ref named "--head".
      if (next === undefined || next.startsWith('--')) throw new UsageError(`--${name} needs a value`);
      value = next;
      i++;
    }
    if (flag.multiple) flags[name] = [...((flags[name] as string[] | undefined) ?? []), value];
    else if (flags[name] !== undefined) throw new UsageError(`--${name} was given twice`);
    else flags[name] = value;
  }
  return { flags, positionals };
}

/** `--name=value`, `--name` or a one-letter alias `-h`; null for positionals (including a lone '-'). */
function readOption(arg: string, aliases: Map<string, string>): { name: string; inline?: string } | null {
  const long = /^--([^=]+)(?:=(.*))?$/s.exec(arg);
  if (long) return { name: long[1]!, inline: long[2] };
  const short = /^-([a-zA-Z])$/.exec(arg);
  return short ? { name: aliases.get(short[1]!) ?? short[1]! } : null;
}

/** "; did you mean --base?" when an option is one edit away from a known one. */
function suggest(name: string, spec: Record<string, FlagSpec>): string {
  const close = Object.keys(spec).find((known) => editDistance(known, name) <= 2);
  return close ? `; did you mean --${close}?` : '';
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length]!;
}
