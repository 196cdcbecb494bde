/** One model-card finding at a JSON Pointer, placed on the file line the front matter maps it to. */
import { makeFinding, type Finding, type Severity } from '../findings.js';
import type { ParsedCard } from './types.js';

export interface HubProblem {
  rule: 'card-schema' | 'card-consistency' | 'card-unknown-key';
  severity: Severity;
  message: string;
  field: string;
  hint: string | null;
  /** Point at the key rather than the value (unknown keys, missing properties of a mapping). */
  atKey?: boolean;
}

export function hubFinding(card: ParsedCard, problem: HubProblem): Finding {
  const locate = card.frontMatter?.locate;
  const position = locate
    ? ((problem.atKey ? locate(problem.field, { key: true }) : null) ?? locate(problem.field) ?? locateParent(card, problem.field))
    : null;
  return makeFinding({
    check: 'model-card',
    rule: problem.rule,
    severity: problem.severity,
    message: problem.message,
    path: card.path,
    line: position?.line ?? card.frontMatter?.startLine ?? null,
    column: position?.column ?? (card.frontMatter ? 1 : null),
    hint: problem.hint,
    field: problem.field,
  });
}

/** A missing property has no position of its own: show the mapping that lacks it. */
function locateParent(card: ParsedCard, pointer: string) {
  const cut = pointer.lastIndexOf('/');
  if (cut <= 0) return null;
  return card.frontMatter?.locate(pointer.slice(0, cut)) ?? null;
}

/** `/model-index/0/results/1/dataset` as people read it: `model-index[0].results[1].dataset`. */
export function pointerLabel(pointer: string): string {
  const parts = pointer.split('/').slice(1).map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
  return parts.reduce((label, part) => (/^\d+$/.test(part) ? `${label}[${part}]` : label ? `${label}.${part}` : part), '');
}

/** JSON Pointer for a path of keys and indices. */
export function toPointer(...parts: (string | number)[]): string {
  return parts.map((p) => '/' + String(p).replace(/~/g, '~0').replace(/\//g, '~1')).join('');
}

/** The YAML word for a value's type, for "must be a list, not a mapping". */
export function describeType(value: unknown): string {
  if (value === null || value === undefined) return 'empty';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'boolean') return `the boolean ${String(value)}`;
  if (typeof value === 'number') return `the number ${value}`;
  return 'text';
}
