/** YAML-level problems of a parsed config: syntax errors, duplicate keys, reserved keys, alias bombs. */
import { isAlias, isMap, isSeq, visit, type Document, type LineCounter, type Node, type YAMLError } from 'yaml';
import { formatConfigPath } from './config-path.js';
import { keyText, type Position } from './locate-node.js';

export interface YamlProblem {
  message: string;
  hint: string | null;
  /** null: the file as a whole. */
  position: Position | null;
  severity: 'error' | 'warning';
  field?: string;
}

/** Past this many, a file is not a config with typos; more findings would only bury the first. */
export const MAX_YAML_PROBLEMS = 50;
export const MAX_ALIAS_COUNT = 100;

/** Keys that could reach Object.prototype in code that copies config objects. */
export const RESERVED_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

const SYNTAX_HINT = "Check the indentation and quoting on this line: quote values that contain ': ' or ' #', or start with *, &, !, |, >, %, @, `, { or [.";

function describeYamlError(error: YAMLError, severity: 'error' | 'warning'): { message: string; hint: string } {
  switch (error.code) {
    case 'MULTIPLE_DOCS':
      return { message: "the config has more than one YAML document (a second '---' line)", hint: "Keep one document: remove the '---' line and what follows it, or merge the two." };
    case 'TAB_AS_INDENT':
      return { message: 'YAML syntax error: tabs are not allowed as indentation', hint: 'Indent with spaces.' };
    case 'RESOURCE_EXHAUSTION':
      return { message: 'config is nested too deeply to read', hint: 'No Steward setting needs more than a few levels of nesting.' };
    default:
      return {
        message: `YAML ${severity === 'error' ? 'syntax error' : 'warning'}: ${error.message.replace(/ at line \d+, column \d+[\s\S]*$/, '')}`,
        hint: SYNTAX_HINT,
      };
  }
}

export function yamlSyntaxProblems(doc: Document, lineCounter: LineCounter): YamlProblem[] {
  const all = [
    ...doc.errors.map((e) => ({ error: e, severity: 'error' as const })),
    ...doc.warnings.map((e) => ({ error: e, severity: 'warning' as const })),
  ];
  return all.map(({ error, severity }) => {
    const { line, col } = lineCounter.linePos(error.pos[0]);
    return { ...describeYamlError(error, severity), severity, position: { line, column: col } };
  });
}

/** Stands for the problems left out. */
export function moreProblems(count: number): YamlProblem {
  return {
    message: `${count} more problems in this file not shown`,
    hint: 'Fix the ones above first; is this the right file?', severity: 'error',
    position: null,
  };
}

/** Duplicate and reserved keys. Iterative, and aliases are not followed, so no input makes it recurse or explode. */
export function keyProblems(doc: Document, lineCounter: LineCounter): YamlProblem[] {
  const problems: YamlProblem[] = [];
  const stack: { node: unknown; segments: string[] }[] = [{ node: doc.contents, segments: [] }];
  while (stack.length > 0) {
    const { node, segments } = stack.pop()!;
    if (isSeq(node)) node.items.forEach((item, i) => stack.push({ node: item, segments: [...segments, String(i)] }));
    if (!isMap(node)) continue;
    const seen = new Map<string, Position>();
    for (const pair of node.items) {
      const key = keyText(pair.key);
      if (key === null) continue;
      const range = (pair.key as Node).range;
      const at = range ? lineCounter.linePos(range[0]) : { line: 1, col: 1 };
      const here = { line: at.line, column: at.col };
      const place = segments.length === 0 ? 'at the top level' : `in ${formatConfigPath(segments)}`;
      const first = seen.get(key);
      if (first && key !== '<<') {
        problems.push({
          message: `duplicate key '${key}' ${place} (first written at line ${first.line}); YAML keeps only one of them`,
          hint: 'Remove one of the two, or merge their values.', severity: 'error', position: here,
        });
      } else seen.set(key, here);
      if (RESERVED_KEYS.has(key)) {
        problems.push({
          message: `key '${key}' ${place} is not allowed`,
          hint: 'It is reserved in JavaScript and no Steward setting uses it: remove it.', severity: 'error', position: here,
        });
      }
      stack.push({ node: pair.value, segments: [...segments, key] });
    }
  }
  return problems;
}

/** The position of the first alias, where an alias bomb starts. */
export function firstAliasPosition(doc: Document, lineCounter: LineCounter): Position {
  let position: Position = { line: 1, column: 1 };
  visit(doc, {
    Alias(_, node) {
      if (isAlias(node) && node.range) {
        const { line, col } = lineCounter.linePos(node.range[0]);
        position = { line, column: col };
      }
      return visit.BREAK;
    },
  });
  return position;
}
