/**
 * Mechanical fixes of model-card findings as replacement lines (pure): a hint of the form
 * "Write: <key>: <value>" on the line the finding points at becomes that line with the new value
 * (or the renamed key), keeping its indentation, quotes and comment. Anything less certain gets
 * no suggestion: a wrong suggestion, committed with one click, is worse than none.
 */
import type { Finding } from '../engines/findings.js';

export interface CardSuggestion {
  path: string;
  /** 1-based line in the file at head. */
  line: number;
  original: string;
  fixed: string;
  finding: Finding;
}

const WRITE = /Write: ([A-Za-z_][\w.-]*):(?: (\S.*))?$/;
/** Values safe to write unquoted and with no YAML 1.1 surprise (no spaces, no flow or block markers). */
const PLAIN = /^[A-Za-z0-9][\w.+/-]*$/;

/** The fixed line for `finding` on `lineText`, or null when the fix is not mechanical. */
export function suggestFix(finding: Finding, lineText: string): string | null {
  if (finding.check !== 'model-card' || !finding.hint || finding.hint.includes('\n') || !finding.field) return null;
  const write = WRITE.exec(finding.hint);
  if (!write) return null;
  const [, key, value] = write as unknown as [string, string, string | undefined];
  const segments = finding.field.split('/').slice(1).map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
  const top = segments[0];
  if (top === undefined) return null;
  if (finding.rule === 'card-unknown-key') {
    if (segments.length !== 1 || !PLAIN.test(key)) return null;
    const row = new RegExp(`^(\\s*)(["']?)${escape(top)}\\2(\\s*:(?:\\s.*)?)$`).exec(lineText);
    return row ? `${row[1]}${key}${row[3]}` : null;
  }
  if (value === undefined || !PLAIN.test(value) || top !== key) return null;
  const old = oldValueOf(finding.message, key);
  if (segments.length === 1) {
    const row = new RegExp(`^(\\s*)(["']?)${escape(key)}\\2(\\s*:\\s*)(["']?)([^"'\\[{|>&*!#][^#]*?)\\4(\\s+#.*|\\s*)$`).exec(lineText);
    if (!row || (old !== null && row[5] !== old)) return null;
    return `${row[1]}${row[2]}${key}${row[2]}${row[3]}${row[4]}${value}${row[4]}${row[6] ?? ''}`;
  }
  if (segments.length === 2 && /^\d+$/.test(segments[1]!)) {
    const item = /^(\s*-\s+)(["']?)([^"'[{|>&*!#][^#]*?)\2(\s+#.*|\s*)$/.exec(lineText);
    if (!item || old === null || item[3] !== old) return null;
    return `${item[1]}${item[2]}${value}${item[2]}${item[4] ?? ''}`;
  }
  return null;
}

/** Suggestions for the findings of one card's text; one per line, the first finding's. */
export function suggestCardFixes(path: string, text: string, findings: readonly Finding[]): CardSuggestion[] {
  const lines = text.split(/\r?\n/);
  const byLine = new Map<number, CardSuggestion>();
  for (const finding of findings) {
    if (finding.path !== path || finding.line === null || byLine.has(finding.line)) continue;
    const original = lines[finding.line - 1];
    if (original === undefined) continue;
    const fixed = suggestFix(finding, original);
    if (fixed !== null && fixed !== original) byLine.set(finding.line, { path, line: finding.line, original, fixed, finding });
  }
  return [...byLine.values()];
}

/** Findings say "<key> '<value>' is not ...": the value as written, to be sure the line holds it. */
function oldValueOf(message: string, key: string): string | null {
  const prefix = `${key} '`;
  if (!message.startsWith(prefix)) return null;
  const end = message.indexOf("' ", prefix.length);
  return end === -1 ? null : message.slice(prefix.length, end);
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
