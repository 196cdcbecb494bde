/** Replies to `/steward` commands. They speak to the person who typed the command. */
import { STYLE_RULE_IDS } from '../../../config/types.js';

export function replyNotAllowed(login: string, commands: string[], role: string): string {
  const what = commands.map((c) => `\`/steward ${c}\``).join(' and ');
  return (
    `@${login}, only maintainers with write access can run ${what}. ` +
    `Your access to this repository is "${role}", so nothing was changed. ` +
    'A maintainer can run the command for you; pushing a new commit also runs the checks again.'
  );
}

export function replyUnknownRule(login: string, rule: string): string {
  const valid = STYLE_RULE_IDS.map((id) => `\`${id}\``).join(', ');
  const named = rule ? `\`${rule}\` is not a Steward style rule` : 'the rule is missing';
  return `@${login}, ${named}, so nothing was waived. Use \`/steward waive RULE REASON\` with one of: ${valid}.`;
}

export function replyMissingReason(login: string, rule: string): string {
  return (
    `@${login}, \`/steward waive ${rule}\` needs a reason, which the check summary shows next to the waiver: ` +
    `for example \`/steward waive ${rule} vendored model weights, reviewed by hand\`. Nothing was waived.`
  );
}
