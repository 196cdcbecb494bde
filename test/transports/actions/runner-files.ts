/** Running a bundled Action as the runner does, and reading back what it wrote: GITHUB_OUTPUT and the live workflow commands. */
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

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

/** Bundles every Action with the bundle script's own function into a new temporary root; returns that root. */
export function bundleActionsIntoTemp(prefix: string): string {
  const root = path.resolve(import.meta.dirname, '../../..');
  const tmp = mkdtempSync(path.join(os.tmpdir(), prefix));
  execFileSync(process.execPath, ['--input-type=module', '-e',
    `import { bundleActions } from ${JSON.stringify(path.join(root, 'scripts/bundle.js'))}; await bundleActions(${JSON.stringify(tmp)});`]);
  return tmp;
}
