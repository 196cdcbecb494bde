import { describe, expect, it } from '@jest/globals';
import { makeFinding, summarizeFindings, type Finding } from '../../../src/engines/findings.js';
import type { CheckPlan } from '../../../src/platform/port.js';
import { OUTPUT_LIMIT, renderResults, type RenderInput } from '../../../src/transports/actions/render-results.js';

const plan: CheckPlan = {
  name: 'Steward / style', headSha: 'c'.repeat(40), conclusion: 'failure', title: 't',
  summary: '### Steward / style: t\n\n| Rule | Result | Details |\n\n<!-- steward:fingerprint=abc -->', text: '#### findings',
  annotations: [], actions: [], fingerprint: 'abc', annotationsFingerprint: 'def', externalId: '',
};
const error = makeFinding({ check: 'style', rule: 'labels', severity: 'error', message: 'needs a label' });
const warning = makeFinding({ check: 'style', rule: 'pr-size', severity: 'warning', message: 'too big' });

function input(findings: Finding[], over: Partial<RenderInput> = {}): RenderInput {
  return {
    report: summarizeFindings(findings, { commits: 1, files: 1 }), plan, configValid: true, neutral: false,
    failOn: 'error', configPath: '.github/steward.yml', toJson: () => '{}', ...over,
  };
}

describe('renderResults', () => {
  it.each([
    [[error], 'error', 1],
    [[warning], 'error', 0],
    [[warning], 'warning', 1],
    [[error, warning], 'never', 0],
    [[], 'warning', 0],
  ] as const)('findings %# with fail-on %s exit %i', (findings, failOn, code) => {
    expect(renderResults(input([...findings], { failOn })).exitCode).toBe(code);
  });

  it('exits 2 on an invalid config and says how to fix it', () => {
    const results = renderResults(input([makeFinding({ check: 'config', rule: 'schema', severity: 'error', message: 'bad', path: 'c.yml', line: 2 })], { configValid: false, configPath: 'c.yml' }));
    expect(results.exitCode).toBe(2);
    expect(results.commands.at(-1)).toBe('::error title=Steward%3A invalid configuration::c.yml has 1 problem(s), listed above with their lines. Fix them, or remove the file to use the built-in defaults.');
  });

  it('does not fail a draft, and says why', () => {
    const results = renderResults(input([error], { neutral: true }));
    expect(results.exitCode).toBe(0);
    expect(results.commands.at(-1)).toMatch(/^::notice title=Steward%3A draft::/);
  });

  it('cuts the findings output under GitHub\'s 1 MB limit and says so', () => {
    const many = Array.from({ length: 3000 }, (_, i) => makeFinding({ check: 'style', rule: 'commit-conventional', severity: 'error', message: `${i} ${'x'.repeat(500)}` }));
    const results = renderResults(input(many, { toJson: (r) => JSON.stringify(r) }));
    expect(Buffer.byteLength(results.outputs.findings)).toBeLessThanOrEqual(OUTPUT_LIMIT);
    const parsed = JSON.parse(results.outputs.findings);
    expect(parsed.summary.errors).toBe(3000);
    expect(parsed.findings.length).toBeGreaterThan(1000);
    expect(results.commands.at(-1)).toBe(`::warning title=Steward%3A findings output cut::The findings output holds the first ${parsed.findings.length} of 3000 findings (GitHub limits an output to 1 MB); the summary counts all of them. Use sarif-file for the full list.`);
  });

  it('writes the counts as outputs and the summary without the fingerprint', () => {
    const results = renderResults(input([error, warning, warning]));
    expect(results.outputs).toEqual({ findings: '{}', errors: '1', warnings: '2' });
    expect(results.summary).toBe('### Steward / style: t\n\n| Rule | Result | Details |\n\n#### findings\n');
  });
});
