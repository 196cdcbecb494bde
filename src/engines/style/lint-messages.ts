/**
 * A synchronous commitlint: the same parser options, rules and default ignores as
 * `commitlint` with @commitlint/config-conventional, with all set-up done once.
 * `lint()` from @commitlint/lint is async and rebuilds the parser per message; for 10,000
 * commits that set-up dominates, so the parser and rule list are built here once and reused.
 */
import isIgnored from '@commitlint/is-ignored';
import { CommitParser, type ParserOptions } from 'conventional-commits-parser';
import { buildRuleList, CONVENTIONAL_TYPES, type ConfiguredRule } from './commitlint-rules.js';
import { compilePattern } from './compile-pattern.js';

export interface CommitLinterOptions {
  /** Allowed types; default (and null): config-conventional's list. */
  types?: readonly string[] | null;
  /** Allowed scopes; empty: any. */
  scopes?: readonly string[];
  /** Types that must carry a scope. */
  requireScopeFor?: readonly string[];
  /** Regular expression the subject must match. */
  subjectPattern?: string | null;
  headerMaxLength?: number;
  /** Also used for footer lines; null turns both checks off. */
  bodyMaxLineLength?: number | null;
  /** commitlint's default ignores (merges, reverts, fixup!, semver bumps); default true. */
  defaultIgnores?: boolean;
}

export interface LintError {
  name: string;
  message: string;
}

export interface LintVerdict {
  valid: boolean;
  errors: LintError[];
  warnings: LintError[];
  ignored: boolean;
  header: string | null;
  type: string | null;
  scope: string | null;
  subject: string | null;
}

export type CommitLinter = (message: string) => LintVerdict;

/** The parser options `commitlint` resolves for config-conventional (its parserPreset,
 *  conventional-changelog-conventionalcommits, over @commitlint/parse's defaults). */
export const PARSER_OPTIONS: ParserOptions = {
  headerPattern: /^(\w*)(?:\((.*)\))?!?: (.*)$/,
  breakingHeaderPattern: /^(\w*)(?:\((.*)\))?!: (.*)$/,
  headerCorrespondence: ['type', 'scope', 'subject'],
  noteKeywords: ['BREAKING CHANGE', 'BREAKING-CHANGE'],
  revertPattern: /^(?:Revert|revert:)\s"?([\s\S]+?)"?\s*This reverts commit (\w*)\./i,
  revertCorrespondence: ['header', 'hash'],
  issuePrefixes: ['#'],
  // @commitlint/parse turns field parsing off; the parser's own default would eat "-x-" lines.
  fieldPattern: null as unknown as RegExp,
};

const EMPTY: LintError = { name: 'message-empty', message: 'message may not be empty' };

export function createCommitLinter(options: CommitLinterOptions = {}): CommitLinter {
  const rules = buildRuleList({
    types: options.types ?? CONVENTIONAL_TYPES,
    scopes: options.scopes ?? [],
    requireScopeFor: options.requireScopeFor ?? [],
    subjectPattern: compileSubjectPattern(options.subjectPattern ?? null),
    headerMaxLength: options.headerMaxLength ?? 100,
    bodyMaxLineLength: options.bodyMaxLineLength === undefined ? 100 : options.bodyMaxLineLength,
  });
  const parser = createParser();
  const ignores = options.defaultIgnores !== false;
  return (message) => lintOne(message, parser, rules, ignores);
}

/** The parser's issue-reference regex is quadratic in the line length and runs on every line;
 *  it cannot match a line without the only issue prefix, '#', so such lines skip it. The
 *  result is unchanged (the parity test compares with @commitlint/lint). */
function createParser(): CommitParser {
  const parser = new CommitParser(PARSER_OPTIONS);
  const internals = parser as unknown as { parseReferences?: (input: string) => unknown[] };
  const original = internals.parseReferences;
  if (typeof original === 'function') {
    internals.parseReferences = (input) => (input.includes('#') ? original.call(parser, input) : []);
  }
  return parser;
}

function compileSubjectPattern(pattern: string | null): RegExp | null {
  if (pattern === null || pattern === '') return null;
  const compiled = compilePattern(pattern);
  if ('error' in compiled) throw new Error(`subject-pattern ${compiled.error}`);
  return compiled.regex;
}

function verdict(partial: Partial<LintVerdict>): LintVerdict {
  const errors = partial.errors ?? [];
  return {
    valid: errors.length === 0, errors, warnings: [], ignored: false,
    header: null, type: null, scope: null, subject: null, ...partial,
  };
}

function lintOne(message: string, parser: CommitParser, rules: ConfiguredRule[], ignores: boolean): LintVerdict {
  // commitlint's CLI drops blank messages before linting; a commit that lands with one is a problem.
  if (message.trim() === '') return verdict({ errors: [EMPTY] });
  if (ignores && mayBeIgnored(message) && isIgnored(message)) return verdict({ ignored: true, header: firstLine(message) });
  const parsed = parser.parse(message);
  const fields = { header: parsed.header, type: parsed.type ?? null, scope: parsed.scope ?? null, subject: parsed.subject ?? null };
  // Mirror @commitlint/parse: missing fields are null, and the raw text rides along.
  Object.assign(parsed, fields, { raw: message });
  // commitlint treats a message with nothing left after parsing (e.g. only "gpg:" lines) as valid.
  if (parsed.header === null && parsed.body === null && parsed.footer === null) return verdict(fields);
  const errors: LintError[] = [];
  const warnings: LintError[] = [];
  for (const rule of rules) {
    const [ok, text] = rule.run(parsed);
    if (!ok) (rule.level === 2 ? errors : warnings).push({ name: rule.name, message: text ?? rule.name });
  }
  return verdict({ ...fields, errors, warnings });
}

/** A cheap superset of commitlint's default ignores (is-ignored/src/defaults.ts). Its semver test
 *  builds a SemVer and catches the throw, which costs more than linting the message. */
const IGNORE_STARTS = /^(?:[Rr]evert |[Rr]eapply |amend!|fixup!|squash!|Automatic merge|Auto-merged )/;

function mayBeIgnored(message: string): boolean {
  return message.includes('Merge') || IGNORE_STARTS.test(message) || mayBeVersion(firstLine(message));
}

/** is-ignored strips these before asking semver; a version has a digit and no whitespace. */
function mayBeVersion(line: string): boolean {
  const stripped = line
    .replace(/^chore(\([^)]+\))?:/, '')
    .replace(/\[(skip|ci)(-|\s)(ci|skip)\]/i, '')
    .replace(/\((skip|ci)(-|\s)(ci|skip)\)/i, '')
    .trim();
  return /\d/.test(stripped) && !/\s/.test(stripped);
}

function firstLine(message: string): string {
  const end = message.search(/\r?\n/);
  return end === -1 ? message : message.slice(0, end);
}
