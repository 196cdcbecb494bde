/** `/steward …` commands in PR comments and reviews (pure). */

export type Command =
  | { kind: 'recheck' }
  | { kind: 'waive'; rule: string; reason: string }
  | { kind: 'eval'; suite: string | null }
  | { kind: 'approve-eval'; suite: string | null }
  | { kind: 'reconcile' }
  | { kind: 'other'; name: string };

const COMMAND = /^\s*\/steward(?:\s+(\S+)(?:[ \t]+(.*))?)?\s*$/i;

/**
 * Commands stand at the start of a line. Quoted lines (`> …`, a reply quoting someone else) and
 * fenced code blocks are skipped, so quoting a command never runs it again.
 */
export function parseCommands(body: string | null): Command[] {
  if (!body) return [];
  const commands: Command[] = [];
  let inFence = false;
  for (const line of body.split(/\r?\n/)) {
    if (/^\s*(```|~~~)/.test(line)) inFence = !inFence;
    if (inFence || /^\s*>/.test(line)) continue;
    const match = COMMAND.exec(line);
    if (match) commands.push(toCommand(match[1] ?? '', (match[2] ?? '').trim()));
  }
  return commands;
}

function toCommand(name: string, rest: string): Command {
  const verb = name.toLowerCase();
  if (verb === 'recheck') return { kind: 'recheck' };
  if (verb === 'reconcile') return { kind: 'reconcile' };
  if (verb === 'waive') {
    const [, rule = '', reason = ''] = /^(\S*)\s*(.*)$/.exec(rest) ?? [];
    return { kind: 'waive', rule: rule.toLowerCase(), reason: unquote(reason.trim()) };
  }
  if (verb === 'eval' || verb === 'approve-eval') {
    const suite = /^(\S+)/.exec(rest)?.[1] ?? null;
    return { kind: verb, suite };
  }
  return { kind: 'other', name: verb };
}

function unquote(reason: string): string {
  const quoted = /^(["'“])(.*)(["'”])$/.exec(reason);
  return quoted ? quoted[2]!.trim() : reason;
}
