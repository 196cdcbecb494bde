/**
 * Reads the YAML between the fences the way the Hub's reader would, keeping positions: syntax
 * errors, what PyYAML refuses or reads differently (tabs, duplicate keys, `no` -> false), and
 * hostile input (aliases, size, binary, deep nesting), each as a finding with its file line.
 */
import { LineCounter, isMap, parseDocument, visit, type Document } from 'yaml';
import type { Position } from './types.js';
import { HUB_YAML_OPTIONS, MAX_ALIAS_COUNT } from './parse-hub-yaml-options.js';
import { screenFrontMatter } from './parse-screen-front-matter.js';
import { inspectNodes } from './parse-inspect-nodes.js';
import { findRefusedTabs } from './parse-find-tabs.js';
import { describeYamlError } from './parse-describe-yaml-error.js';
import { createLocator, type Locate } from './parse-locate.js';

export interface YamlProblem {
  rule: 'card-front-matter' | 'card-yaml';
  severity: 'error' | 'warning';
  message: string;
  hint: string;
  position: Position;
  field?: string;
}

export interface ReadResult {
  /** null when the Hub would see no usable mapping. */
  read: { data: Record<string, unknown>; locate: Locate } | null;
  problems: YamlProblem[];
}

function firstAliasOffset(doc: Document): number {
  let offset = 0;
  visit(doc, {
    Alias(_, node) {
      offset = node.range?.[0] ?? 0;
      return visit.BREAK;
    },
  });
  return offset;
}

function toData(doc: Document, at: (offset: number) => Position): { data: unknown } | YamlProblem {
  try {
    return { data: doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT }) };
  } catch (error) {
    if (!(error instanceof ReferenceError)) throw error;
    return {
      rule: 'card-yaml', severity: 'error', position: at(firstAliasOffset(doc)),
      message: `the metadata uses too many aliases (*name expands past ${MAX_ALIAS_COUNT} times), so it was not read`,
      hint: 'Write the values out instead of repeating them through anchors and aliases.',
    };
  }
}

function syntaxProblems(doc: Document, at: (offset: number) => Position, tabLines: ReadonlySet<number>): YamlProblem[] {
  return [
    ...doc.errors.map((error) => ({ error, severity: 'error' as const })),
    ...doc.warnings.map((error) => ({ error, severity: 'warning' as const })),
  ]
    .map(({ error, severity }): YamlProblem => ({ rule: 'card-yaml', severity, position: at(error.pos[0]), ...describeYamlError(error, severity) }))
    // PyYAML's tab rule is wider than yaml's: one finding per line, the tab one.
    .filter((p) => !(p.message.includes('tabs are not allowed') && tabLines.has(p.position.line)));
}

/** Everything `yaml` and PyYAML disagree on or refuse, in file order. */
function documentProblems(doc: Document, yamlText: string, at: (offset: number) => Position): YamlProblem[] {
  const inspection = inspectNodes(doc, (offset) => at(offset).line);
  const tabs = findRefusedTabs(yamlText, inspection.tabSafe).map((offset): YamlProblem => ({
    rule: 'card-yaml', severity: 'error', position: at(offset),
    message: "tab character: the Hub's YAML reader (PyYAML) refuses tabs outside quoted text, so it will reject the metadata",
    hint: 'Replace the tab with spaces, or delete it if it trails the line.',
  }));
  const tabLines = new Set(tabs.map((t) => t.position.line));
  return [
    ...syntaxProblems(doc, at, tabLines), ...tabs,
    ...inspection.problems.map(({ offset, ...rest }): YamlProblem => ({ rule: 'card-yaml', ...rest, position: at(offset) })),
  ].sort((a, b) => a.position.line - b.position.line || a.position.column - b.position.column);
}

function notAMapping(data: unknown, position: Position): YamlProblem {
  const kind = Array.isArray(data) ? 'a list' : `a single value (${typeof data})`;
  return {
    rule: 'card-front-matter', severity: 'error', position, field: '',
    message: `metadata must be a mapping (key: value lines), but this block is ${kind}; the Hub refuses it`,
    hint: "Write the metadata as 'key: value' lines, e.g. 'license: mit'.",
  };
}

/** `yamlText`: the text between the fences; `firstLine`: its first line in the file. */
export function readFrontMatter(yamlText: string, firstLine: number): ReadResult {
  const lineCounter = new LineCounter();
  const at = (offset: number): Position => {
    const { line, col } = lineCounter.linePos(offset);
    return { line: firstLine + line - 1, column: col };
  };
  const screened = screenFrontMatter(yamlText);
  if (screened) {
    lineCounter.addNewLine(0);
    for (let i = yamlText.indexOf('\n'); i !== -1; i = yamlText.indexOf('\n', i + 1)) lineCounter.addNewLine(i + 1);
    return { read: null, problems: [{ ...screened, severity: 'error', position: at(screened.offset) }] };
  }
  const doc = parseDocument(yamlText, { ...HUB_YAML_OPTIONS, lineCounter });
  const problems = documentProblems(doc, yamlText, at);
  if (doc.errors.length > 0) return { read: null, problems };
  const converted = toData(doc, at);
  if ('rule' in converted) return { read: null, problems: [...problems, converted] };
  const data = converted.data ?? {};
  if (!isMap(doc.contents) && converted.data !== null && converted.data !== undefined) {
    return { read: null, problems: [...problems, notAMapping(data, at(doc.contents?.range?.[0] ?? 0))] };
  }
  return { read: { data: data as Record<string, unknown>, locate: createLocator(doc, lineCounter, firstLine) }, problems };
}
