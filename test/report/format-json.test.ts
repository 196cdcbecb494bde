import { describe, expect, it } from '@jest/globals';
import { makeFinding, summarizeFindings } from '../../src/engines/findings.js';
import { formatJson } from '../../src/report/format-json.js';
import { SHA, sampleReport } from './format-fixtures.js';

describe('formatJson', () => {
  it('prints SPEC §2 findings and summary with a stable key order', () => {
    const parsed = JSON.parse(formatJson(sampleReport()));
    expect(Object.keys(parsed)).toEqual(['findings', 'summary']);
    expect(parsed.summary).toEqual({ errors: 2, warnings: 2, notices: 1, commits: 12, files: 30 });
    expect(Object.keys(parsed.findings[1])).toEqual(['check', 'rule', 'severity', 'message', 'commit', 'path', 'line', 'column', 'hint']);
    expect(parsed.findings[1]).toMatchObject({ check: 'style', rule: 'commit-signoff', commit: SHA, path: null, line: null, column: null });
    expect(Object.keys(parsed.findings[3])).toEqual(['check', 'rule', 'severity', 'message', 'commit', 'path', 'line', 'column', 'hint', 'field']);
    expect(parsed.findings[3].field).toBe('/license');
  });

  it('leaves out fields outside the contract and keeps the order whatever the input order', () => {
    const scrambled = { endLine: 4, hint: null, field: '/x', column: 2, line: 1, path: 'a', commit: null, message: 'm', severity: 'error', rule: 'r', check: 'config' } as const;
    const out = JSON.parse(formatJson(summarizeFindings([makeFinding(scrambled)], { commits: 0, files: 0 })));
    expect(Object.keys(out.findings[0])).toEqual(['check', 'rule', 'severity', 'message', 'commit', 'path', 'line', 'column', 'hint', 'field']);
  });

  it('ends with a newline and is one JSON document', () => {
    const text = formatJson(summarizeFindings([], { commits: 0, files: 0 }));
    expect(text.endsWith('}\n')).toBe(true);
    expect(JSON.parse(text)).toEqual({ findings: [], summary: { errors: 0, warnings: 0, notices: 0, commits: 0, files: 0 } });
  });
});
