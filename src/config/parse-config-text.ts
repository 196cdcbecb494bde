/**
 * One config file's text -> its data and every problem in it, each with file, line and column.
 * Never throws and never hangs: hostile text becomes a finding (see screen-config-text.ts).
 */
import { LineCounter, parseDocument, type Document } from 'yaml';
import { makeFinding, type Finding } from '../engines/findings.js';
import type { TextFile } from '../platform/port.js';
import {
  MAX_ALIAS_COUNT, MAX_YAML_PROBLEMS, RESERVED_KEYS, firstAliasPosition, keyProblems, moreProblems, yamlSyntaxProblems,
  type YamlProblem,
} from './check-yaml-document.js';
import { locateNode, type Position } from './locate-node.js';
import { screenConfigText } from './screen-config-text.js';
import { checkConfigData } from './validate-config.js';

export interface ParsedConfig {
  /** The config as written, without `$schema` and `_extends`; null when the file has an error. */
  data: Record<string, unknown> | null;
  findings: Finding[];
  /** The `_extends` value and where it was written. */
  extends: { spec: string; position: Position } | null;
}

export function configFinding(file: TextFile, problem: YamlProblem): Finding {
  return makeFinding({
    check: 'config', rule: 'config', severity: problem.severity, message: problem.message,
    path: file.path, line: problem.position?.line ?? null, column: problem.position?.column ?? null, hint: problem.hint,
    ...(problem.field !== undefined ? { field: problem.field } : {}),
  });
}

const byPosition = (a: YamlProblem, b: YamlProblem) =>
  (a.position?.line ?? Infinity) - (b.position?.line ?? Infinity) || (a.position?.column ?? 0) - (b.position?.column ?? 0);

/** The findings, sorted by position and capped (past MAX_YAML_PROBLEMS more would only bury the first); data {} unless one is an error. */
function withFindings(file: TextFile, problems: YamlProblem[], omitted = 0): ParsedConfig {
  const sorted = [...problems].sort(byPosition);
  const kept = sorted.slice(0, MAX_YAML_PROBLEMS);
  const more = sorted.length - kept.length + omitted;
  if (more > 0) kept.push(moreProblems(more));
  const findings = kept.map((p) => configFinding(file, p));
  const hasError = findings.some((f) => f.severity === 'error');
  return { data: hasError ? null : {}, findings, extends: null };
}

/** toJS with the alias limit; a bomb or a stack overflow becomes a problem. */
function toData(doc: Document, lineCounter: LineCounter): { data: unknown } | { problem: YamlProblem } {
  try {
    return { data: doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT }) };
  } catch (error) {
    const bomb = error instanceof ReferenceError && /alias/i.test(error.message);
    return {
      problem: bomb
        ? { message: `too many aliases: the config expands YAML aliases (*name) past the limit of ${MAX_ALIAS_COUNT}`,
            hint: 'Write the values out, or use fewer aliases of aliases.', severity: 'error', position: firstAliasPosition(doc, lineCounter) }
        : { message: 'config is nested too deeply to read', hint: 'No Steward setting needs more than a few levels of nesting.', severity: 'error', position: { line: 1, column: 1 } },
    };
  }
}

function schemaProblems(doc: Document, lineCounter: LineCounter, data: unknown): { problems: YamlProblem[]; omitted: number } {
  const { problems, omitted } = checkConfigData(data, MAX_YAML_PROBLEMS);
  const located = problems
    // A reserved key is already reported by keyProblems; "unknown key '__proto__'" would say it twice.
    .filter((p) => !(p.target === 'key' && RESERVED_KEYS.has(p.segments[p.segments.length - 1] ?? '')))
    .map((p) => ({
      message: p.message, hint: p.hint, severity: 'error' as const, field: p.field,
      position: locateNode(doc, lineCounter, p.segments, p.target),
    }));
  return { problems: located, omitted };
}

export function parseConfigText(file: TextFile): ParsedConfig {
  // A byte-order mark is invisible in editors; dropping it keeps columns as people see them.
  const text = file.text.startsWith('\uFEFF') ? file.text.slice(1) : file.text;
  const refused = screenConfigText(text);
  if (refused) return withFindings(file, [{ ...refused, severity: 'error' }]);
  const lineCounter = new LineCounter();
  // uniqueKeys is checked by keyProblems instead: yaml's own check is quadratic (minutes on 1 MB).
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: false, merge: true });
  const syntax = yamlSyntaxProblems(doc, lineCounter);
  if (doc.errors.length > 0) return withFindings(file, syntax);
  const converted = toData(doc, lineCounter);
  if ('problem' in converted) return withFindings(file, [...syntax, converted.problem]);
  const data = converted.data ?? {}; // an empty file (or only comments) means "all defaults"
  const schema = schemaProblems(doc, lineCounter, data);
  const result = withFindings(file, [...syntax, ...keyProblems(doc, lineCounter), ...schema.problems], schema.omitted);
  if (!result.data) return result;
  const { $schema: _schema, _extends: spec, ...rest } = data as Record<string, unknown>;
  return {
    data: rest,
    findings: result.findings,
    extends: typeof spec === 'string' ? { spec, position: locateNode(doc, lineCounter, ['_extends'], 'value') } : null,
  };
}
