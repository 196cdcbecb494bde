/**
 * Fills a suite's command template. The template comes from the default branch's config, but task
 * names, the model and the output path are data: each value is single-quoted for POSIX sh, so a
 * task called `x; rm -rf /` stays one argument and never becomes a second command.
 */

export interface CommandValues {
  task: string;
  model: string;
  shard: number | string;
  limit: number | string;
  offset: number | string;
  output: string;
}

// `${VAR}` is the shell's own expansion, not a placeholder.
const PLACEHOLDER = /(?<!\$)\{([A-Za-z_][A-Za-z0-9_-]*)\}/g;
const KNOWN = new Set(['task', 'model', 'shard', 'limit', 'offset', 'output']);

/** 'it'\''s': close the quote, an escaped quote, reopen. Inside '...' sh interprets nothing. */
export function quoteShell(value: string): string {
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

export function renderCommand(template: string, values: CommandValues): string {
  const unknown = [...new Set([...template.matchAll(PLACEHOLDER)].map((m) => m[1]!).filter((name) => !KNOWN.has(name)))];
  if (unknown.length) {
    throw new Error(
      `The evaluation command uses unknown placeholder${unknown.length > 1 ? 's' : ''} ${unknown.map((n) => `{${n}}`).join(', ')}; ` +
        'use only {task}, {model}, {shard}, {limit}, {offset} and {output} in the suite\'s command.',
    );
  }
  return template.replace(PLACEHOLDER, (_, name: keyof CommandValues) => quoteShell(String(values[name])));
}
