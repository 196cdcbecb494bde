/**
 * A corrected example of a header ("Add stuff" -> "feat: add stuff") for hints. Best effort:
 * the suggestion is only offered when it passes the same linter.
 */
import type { CommitLinter, LintVerdict } from './lint-messages.js';

export interface HeaderConvention {
  types: readonly string[];
  scopes: readonly string[];
  requireScopeFor: readonly string[];
}

const TYPE_WORDS: Record<string, string> = {
  feat: 'feat', feature: 'feat', features: 'feat', add: 'feat', adds: 'feat', added: 'feat', implement: 'feat',
  introduce: 'feat', support: 'feat', new: 'feat', allow: 'feat', enable: 'feat',
  fix: 'fix', fixes: 'fix', fixed: 'fix', bugfix: 'fix', hotfix: 'fix', bug: 'fix', correct: 'fix', repair: 'fix',
  doc: 'docs', docs: 'docs', documentation: 'docs', document: 'docs', readme: 'docs',
  refactor: 'refactor', cleanup: 'refactor', restructure: 'refactor', simplify: 'refactor',
  test: 'test', tests: 'test', testing: 'test',
  chore: 'chore', bump: 'chore', update: 'chore', upgrade: 'chore', deps: 'chore', release: 'chore',
  ci: 'ci', build: 'build', perf: 'perf', performance: 'perf', optimize: 'perf', optimise: 'perf',
  style: 'style', format: 'style', lint: 'style', revert: 'revert',
};
/** Words that only name the type; verbs such as "add" stay in the subject. */
const TYPE_ONLY = new Set(['feat', 'feature', 'features', 'fix', 'bugfix', 'hotfix', 'bug', 'doc', 'docs', 'documentation',
  'refactor', 'test', 'tests', 'chore', 'ci', 'build', 'perf', 'style', 'deps']);

export function suggestHeader(header: string, verdict: LintVerdict, c: HeaderConvention, lint: CommitLinter): string | null {
  const { type: guessed, subject } = verdict.type !== null
    ? { type: verdict.type.toLowerCase(), subject: verdict.subject ?? '' }
    : splitFreeText(header);
  const type = pickType(guessed, c.types);
  const scope = pickScope(verdict.scope, type, c);
  const text = tidySubject(subject);
  if (text === '') return null;
  const breaking = /^\w*(?:\([^)]*\))?!:/.test(header) ? '!' : '';
  const suggestion = `${type}${scope ? `(${scope})` : ''}${breaking}: ${text}`;
  return lint(suggestion).valid ? suggestion : null;
}

function splitFreeText(header: string): { type: string | null; subject: string } {
  const cleaned = header.replace(/^\s*(\[[^\]]*\]\s*)+/, '').trim();
  const prefixed = /^(\w+)(?:\(([^)]*)\))?\s*[:\-–|]\s+(.+)$/.exec(cleaned);
  if (prefixed && TYPE_WORDS[prefixed[1]!.toLowerCase()]) return { type: prefixed[1]!.toLowerCase(), subject: prefixed[3]! };
  const [first = '', ...rest] = cleaned.split(/\s+/);
  const word = first.toLowerCase().replace(/[^a-z]/g, '');
  if (TYPE_ONLY.has(word) && rest.length > 0) return { type: word, subject: rest.join(' ') };
  return { type: TYPE_WORDS[word] ? word : null, subject: cleaned };
}

function pickType(word: string | null, types: readonly string[]): string {
  const mapped = word === null ? 'feat' : (TYPE_WORDS[word] ?? word);
  if (types.length === 0 || types.includes(mapped)) return mapped;
  if (word !== null && types.includes(word)) return word;
  return types.includes('feat') ? 'feat' : types[0]!;
}

function pickScope(scope: string | null, type: string, c: HeaderConvention): string | null {
  if (scope && (c.scopes.length === 0 || c.scopes.includes(scope))) return scope;
  if (!c.requireScopeFor.includes(type) && !(scope && c.scopes.length > 0)) return null;
  return c.scopes[0] ?? 'scope';
}

function tidySubject(subject: string): string {
  const text = subject.trim().replace(/[.\s]+$/, '');
  // Lower-case a capitalised first word ("Add" -> "add") but leave acronyms ("API") alone.
  return /^\p{Lu}\p{Ll}/u.test(text) ? text[0]!.toLowerCase() + text.slice(1) : text;
}
