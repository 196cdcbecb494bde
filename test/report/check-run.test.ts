import { describe, expect, it } from '@jest/globals';
import { makeFinding, summarizeFindings, type Finding } from '../../src/engines/findings.js';
import type { PullRequest } from '../../src/engines/pull-request.js';
import type { RuleOutcome, StyleResult } from '../../src/engines/style/types.js';
import { buildCheckPlan, MAX_ANNOTATIONS } from '../../src/report/check-run.js';
import { GITHUB_TEXT_LIMIT, trimText } from '../../src/report/trim-text.js';

const pr = {
  number: 7, title: 'feat: x', body: '', draft: false,
  author: { login: 'ada', type: 'User', association: 'MEMBER' }, labels: [],
  baseRef: 'main', headRef: 'feat/x', baseSha: 'b'.repeat(40), headSha: 'a'.repeat(40), linkedIssues: 0,
  commits: [], files: [], truncated: { commits: null, files: null },
  repository: { defaultBranch: 'main', squashMergeAllowed: true, mergeCommitAllowed: true, rebaseMergeAllowed: true, squashMergeCommitTitle: null },
  gitattributes: null,
  known: { title: true, body: true, labels: true },
} satisfies PullRequest;

const forbidden = (path: string): Finding =>
  makeFinding({ check: 'style', rule: 'forbidden-paths', severity: 'error', message: `${path} must not be committed`, path, line: 1 });

function plan(findings: Finding[], outcomes: RuleOutcome[], conclusion: StyleResult['conclusion'] = 'failure', over: Partial<PullRequest> = {}) {
  const result: StyleResult = { outcomes, findings, conclusion };
  return buildCheckPlan({ name: 'Steward / style', pr: { ...pr, ...over }, report: summarizeFindings(findings, { commits: 1, files: 1 }), result, configSources: ['o/r:.github/steward.yml'] });
}

describe('buildCheckPlan', () => {
  it('renders one table row per rule with its result and details', () => {
    const f = forbidden('secrets/a.pem');
    const p = plan([f], [
      { rule: 'forbidden-paths', status: 'fail', severity: 'error', details: '1 forbidden file', findings: [f] },
      { rule: 'labels', status: 'off', severity: 'off', details: 'off', findings: [] },
    ]);
    expect(p.conclusion).toBe('failure');
    expect(p.title).toBe('1 error');
    expect(p.summary).toContain('| `forbidden-paths` | ❌ fail (error) | 1 forbidden file |');
    expect(p.summary).toContain('| `labels` | ⚪ off | off |');
    expect(p.summary).toContain('Configuration: `o/r:.github/steward.yml`');
    expect(p.annotations).toEqual([expect.objectContaining({ path: 'secrets/a.pem', startLine: 1, level: 'failure' })]);
    expect(p.actions.map((a) => a.identifier)).toEqual(['rerun']);
    expect(JSON.parse(p.externalId)).toEqual({ pr: 7 });
  });

  it('records every waiver with who and why, also one with nothing to waive now', () => {
    const waiver = { rule: 'pr-size', by: 'grace', reason: 'generated | vendored code', at: '2026-11-28T10:00:00Z' } as const;
    const idle = { rule: 'labels', by: 'ada', reason: 'release PR', at: '2026-11-27T10:00:00Z' } as const;
    const result: StyleResult = { outcomes: [{ rule: 'pr-size', status: 'waived', severity: 'warning', details: 'waived', findings: [], waiver }], findings: [], conclusion: 'success' };
    const p = buildCheckPlan({ name: 'Steward / style', pr, report: summarizeFindings([], { commits: 1, files: 1 }), result, configSources: [], waivers: [waiver, idle] });
    expect(p.summary).toContain('- `pr-size` waived by @grace on 2026-11-28: generated \\| vendored code\n');
    expect(p.summary).toContain('- `labels` waived by @ada on 2026-11-27: release PR (the rule has no finding to waive now)');
    expect(p.title).toBe('All rules pass');
  });

  it('gives the same fingerprint for the same result and another for a changed one', () => {
    const a = plan([forbidden('x.pem')], []);
    const b = plan([forbidden('x.pem')], []);
    const c = plan([forbidden('y.pem')], []);
    expect(a.fingerprint).toBe(b.fingerprint);
    expect(a.fingerprint).not.toBe(c.fingerprint);
    expect(a.summary).toContain(`<!-- steward:fingerprint=${a.fingerprint} annotations=${a.annotationsFingerprint} -->`);
    expect(a.annotationsFingerprint).not.toBe(c.annotationsFingerprint);
  });

  it('caps annotations and says so, keeping every finding in the text', () => {
    const many = Array.from({ length: MAX_ANNOTATIONS + 30 }, (_, i) => forbidden(`keys/${i}.pem`));
    const p = plan(many, []);
    expect(p.annotations).toHaveLength(MAX_ANNOTATIONS);
    expect(p.summary).toContain(`Showing ${MAX_ANNOTATIONS} of ${MAX_ANNOTATIONS + 30} annotations`);
    expect(p.text).toContain(`keys/${MAX_ANNOTATIONS + 29}.pem`);
  });

  it('keeps summary and text within GitHub limits however many findings there are', () => {
    const many = Array.from({ length: 5000 }, (_, i) => forbidden(`${'deep/'.repeat(10)}${i}.pem`));
    const p = plan(many, []);
    expect(p.text!.length).toBeLessThanOrEqual(GITHUB_TEXT_LIMIT);
    expect(p.text).toContain('Trimmed');
    expect(p.summary.length).toBeLessThanOrEqual(GITHUB_TEXT_LIMIT);
  });

  it('warns plainly when GitHub truncated the data', () => {
    const p = plan([], [], 'failure', { truncated: { commits: null, files: { seen: 3000, total: 3412, reason: 'GitHub lists at most 3,000 files of a pull request' } } });
    expect(p.summary).toContain('Incomplete data: GitHub lists at most 3,000 files of a pull request (3,000 of 3,412 read)');
  });

  it('shows config problems with their file positions when the config is invalid', () => {
    const problem = makeFinding({ check: 'config', rule: 'config', severity: 'error', message: 'severity must be one of error, warning, notice, off', path: '.github/steward.yml', line: 4, column: 17 });
    const p = buildCheckPlan({ name: 'Steward / style', pr, report: summarizeFindings([problem], { commits: 0, files: 0 }), result: null, configSources: [] });
    expect(p.conclusion).toBe('failure');
    expect(p.title).toBe('Invalid configuration: 1 problem');
    expect(p.summary).toContain('| `.github/steward.yml` | 4:17 |');
    expect(p.annotations[0]).toMatchObject({ path: '.github/steward.yml', startLine: 4, startColumn: 17 });
  });
});

describe('trimText', () => {
  it('leaves short text alone and cuts long text at a line with a note', () => {
    expect(trimText('short', 100)).toBe('short');
    const long = Array.from({ length: 100 }, (_, i) => `line ${i}`).join('\n');
    const cut = trimText(long, 300);
    expect(cut.length).toBeLessThanOrEqual(300);
    expect(cut).toMatch(/line \d+\n\n> \*\*Trimmed:\*\*/);
  });
});
