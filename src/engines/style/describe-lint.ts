/** Turns commitlint errors into sentences a contributor can act on. */
import type { LintVerdict } from './lint-messages.js';
import { joinList } from './format-text.js';

export interface Convention {
  types: readonly string[];
  scopes: readonly string[];
}

export function typeChoice(types: readonly string[]): string {
  return types.length > 0 ? `type one of ${types.join(', ')}` : 'any lower-case type';
}

/** The reasons a header fails, most fundamental first; one line, joined with "; ". */
export function describeLintErrors(verdict: LintVerdict, convention: Convention): string {
  if (verdict.errors.some((e) => e.name === 'message-empty')) return 'the message is empty';
  if (verdict.type === null) return `expected 'type(scope): subject' with ${typeChoice(convention.types)}`;
  const ordered = [...verdict.errors].sort((a, b) => rank(a.name) - rank(b.name));
  const reasons = ordered.map((e) => describeOne(e.name, e.message, verdict, convention));
  return [...new Set(reasons)].join('; ');
}

/** Type before scope before subject before the rest: the order in which people fix a header. */
const ORDER = ['type', 'scope', 'subject', 'header'];
function rank(name: string): number {
  const index = ORDER.findIndex((part) => name.startsWith(part));
  return index === -1 ? ORDER.length : index;
}

function describeOne(name: string, fallback: string, v: LintVerdict, c: Convention): string {
  switch (name) {
    case 'type-enum':
      return `type '${v.type}' is not allowed: use ${typeChoice(c.types)}`;
    case 'type-case':
      return `type '${v.type}' must be lower-case`;
    case 'type-empty':
      return `the type before the colon is missing: use ${typeChoice(c.types)}`;
    case 'scope-enum':
      return `scope '${v.scope}' is not one of ${joinList(c.scopes, 'or')}`;
    case 'scope-empty':
      return `type ${v.type} needs a scope, as in '${v.type}(${c.scopes[0] ?? 'scope'}): ${v.subject ?? '...'}'`;
    case 'subject-empty':
      return 'the subject after the colon is empty';
    case 'subject-pattern':
      return `subject '${v.subject ?? ''}' ${fallback.replace(/^subject /, '')}`;
    case 'subject-case':
      return `subject '${v.subject ?? ''}' must start in lower case`;
    case 'subject-full-stop':
      return 'subject must not end with a full stop';
    default:
      return fallback;
  }
}
