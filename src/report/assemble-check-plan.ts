/**
 * What every Steward check run shares (pure): annotations from findings (capped), the findings as
 * text, GitHub's size limits, and the fingerprint marker that lets an unchanged result go unwritten.
 */
import { createHash } from 'node:crypto';
import type { Finding } from '../engines/findings.js';
import type { PullRequest } from '../engines/pull-request.js';
import type { CheckAction, CheckAnnotation, CheckConclusion, CheckPlan } from '../platform/port.js';
import { renderFindingsText } from './render-style-markdown.js';
import { GITHUB_TEXT_LIMIT, trimText } from './trim-text.js';

/** Annotations beyond this many are listed in the text only: each 50 cost one more request. */
export const MAX_ANNOTATIONS = 250;

export interface PlanContent {
  name: string;
  pr: Pick<PullRequest, 'headSha' | 'number'>;
  conclusion: CheckConclusion;
  title: string;
  /** Markdown blocks of the summary, in order; empty ones are dropped. */
  sections: string[];
  findings: readonly Finding[];
  actions: CheckAction[];
}

export function assembleCheckPlan(content: PlanContent): CheckPlan {
  const { conclusion, title, findings } = content;
  const annotations = findings.filter((f) => f.path !== null).map(toAnnotation);
  const shown = annotations.slice(0, MAX_ANNOTATIONS);
  const capped = annotations.length > shown.length
    ? `Showing ${shown.length} of ${annotations.length} annotations; the text below lists every finding.`
    : '';
  const body = [...content.sections, capped].filter(Boolean).join('\n\n');
  const text = findings.length ? trimText(renderFindingsText([...findings]), undefined, 'the findings') : null;
  const fingerprint = fingerprintOf({ conclusion, title, body, text, shown });
  const annotationsFingerprint = fingerprintOf(shown);
  const marker = `<!-- steward:fingerprint=${fingerprint} annotations=${annotationsFingerprint} -->`;
  return {
    name: content.name,
    headSha: content.pr.headSha,
    conclusion,
    title,
    summary: `${trimText(body, GITHUB_TEXT_LIMIT - marker.length - 2, 'the summary')}\n\n${marker}`,
    text,
    annotations: shown,
    actions: content.actions,
    fingerprint,
    annotationsFingerprint,
    externalId: content.pr.number === null ? '' : JSON.stringify({ pr: content.pr.number }),
  };
}

export function toAnnotation(f: Finding): CheckAnnotation {
  const line = f.line ?? 1;
  const sameLine = f.endLine === undefined || f.endLine === null || f.endLine === line;
  const annotation: CheckAnnotation = {
    path: f.path as string,
    startLine: line,
    endLine: f.endLine ?? line,
    level: f.severity === 'error' ? 'failure' : f.severity,
    title: `${f.rule} (${f.severity})`,
    message: f.hint ? `${f.message}\n\nHow to fix: ${f.hint}` : f.message,
  };
  // GitHub accepts columns only on single-line annotations.
  if (sameLine && f.column !== null) {
    annotation.startColumn = f.column;
    annotation.endColumn = f.endColumn ?? f.column;
  }
  return annotation;
}

function fingerprintOf(value: unknown): string {
  return createHash('sha256').update(JSON.stringify(value)).digest('hex').slice(0, 16);
}
