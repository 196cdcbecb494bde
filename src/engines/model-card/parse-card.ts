/**
 * A model card as the Hub reads it: the front matter found by the Hub's own rules, its YAML read
 * as PyYAML (YAML 1.1) would, with file positions for every value, and card-front-matter /
 * card-yaml findings for everything that would make the Hub see less than the author meant.
 */
import { makeFinding, type Finding } from '../findings.js';
import type { ParsedCard, Position } from './types.js';
import { splitFrontMatter } from './parse-split-front-matter.js';
import { describeMissingFrontMatter, lineAt } from './parse-fence-findings.js';
import { readFrontMatter, type YamlProblem } from './parse-read-front-matter.js';

/** Past this many, the file is not a card with typos; more findings would bury the first. */
export const MAX_PARSE_FINDINGS = 50;

function toFinding(path: string, problem: Omit<YamlProblem, 'position'> & { position: Position }): Finding {
  return makeFinding({
    check: 'model-card', rule: problem.rule, severity: problem.severity, message: problem.message, hint: problem.hint,
    path, line: problem.position.line, column: problem.position.column,
    ...(problem.field !== undefined ? { field: problem.field } : {}),
  });
}

function capFindings(path: string, findings: Finding[]): Finding[] {
  if (findings.length <= MAX_PARSE_FINDINGS) return findings;
  const sorted = [...findings].sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
  const more = sorted.length - MAX_PARSE_FINDINGS;
  return [
    ...sorted.slice(0, MAX_PARSE_FINDINGS),
    makeFinding({
      check: 'model-card', rule: 'card-yaml', severity: 'error', path, line: null, column: null,
      message: `${more} more problems in the metadata not shown`, hint: 'Fix the ones above first; is this file a model card?',
    }),
  ];
}

function parseCardText(text: string, path: string): ParsedCard {
  const fence = splitFrontMatter(text);
  if (fence.kind !== 'found') {
    const problem = describeMissingFrontMatter(text, fence);
    return { path, frontMatter: null, body: text, bodyStartLine: 1, findings: [toFinding(path, { ...problem, rule: 'card-front-matter' })] };
  }
  const startLine = lineAt(text, fence.contentStart);
  const endLine = lineAt(text, fence.close);
  const bodyStartLine = lineAt(text, fence.end);
  const { read, problems } = readFrontMatter(text.slice(fence.contentStart, fence.contentEnd), startLine);
  return {
    path,
    frontMatter: read && { data: read.data, startLine, endLine, locate: read.locate },
    body: text.slice(fence.end),
    bodyStartLine,
    findings: capFindings(path, problems.map((p) => toFinding(path, p))),
  };
}

/** Never throws: whatever the text, the caller gets a ParsedCard and findings. */
export function parseCard(text: string, path: string): ParsedCard {
  try {
    return parseCardText(text, path);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    const finding = makeFinding({
      check: 'model-card', rule: 'card-yaml', severity: 'error', path, line: 1, column: 1,
      message: `could not read the metadata (${reason.slice(0, 200)})`,
      hint: 'Check that the file is a UTF-8 Markdown card with a YAML block between two --- lines.',
    });
    return { path, frontMatter: null, body: text, bodyStartLine: 1, findings: [finding] };
  }
}
