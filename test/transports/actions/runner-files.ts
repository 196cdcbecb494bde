/** What a test reads back as the Actions runner would: GITHUB_OUTPUT and the live workflow commands. */

/** Reads GITHUB_OUTPUT as the runner does: `name<<DELIM` ... `DELIM`. */
export function parseOutputs(text: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const match = /^([^<]+)<<(.+)$/.exec(lines[i]!);
    if (!match) continue;
    const end = lines.indexOf(match[2]!, i + 1);
    outputs[match[1]!] = lines.slice(i + 1, end).join('\n');
    i = end;
  }
  return outputs;
}

/** Workflow commands the runner would execute: lines outside a stop-commands block. */
export function liveCommands(stdout: string): string[] {
  const live: string[] = [];
  let stopToken: string | null = null;
  for (const line of stdout.split('\n')) {
    if (stopToken) {
      if (line === `::${stopToken}::`) stopToken = null;
      continue;
    }
    const stop = /^::stop-commands::(.+)$/.exec(line);
    if (stop) stopToken = stop[1]!;
    else if (line.startsWith('::')) live.push(line);
  }
  return live;
}
