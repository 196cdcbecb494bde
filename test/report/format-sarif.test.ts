import { describe, expect, it } from '@jest/globals';
import { formatSarif } from '../../src/report/format-sarif.js';
import { SHA, sampleReport } from './format-fixtures.js';

interface SarifResult {
  ruleId: string;
  ruleIndex: number;
  level: string;
  message: { text: string };
  locations: { physicalLocation: { artifactLocation: { uri: string }; region?: Record<string, number> }; logicalLocations?: { name: string }[] }[];
  partialFingerprints: Record<string, string>;
  properties: Record<string, unknown>;
}

function sarif() {
  return JSON.parse(formatSarif(sampleReport(), { version: '0.1.0' }));
}

describe('formatSarif', () => {
  it('has the SARIF 2.1.0 envelope GitHub code scanning expects', () => {
    const log = sarif();
    expect(log.version).toBe('2.1.0');
    expect(log.$schema).toMatch(/sarif-2\.1\.0/);
    expect(log.runs).toHaveLength(1);
    expect(log.runs[0].tool.driver).toMatchObject({ name: 'Steward', version: '0.1.0' });
  });

  it('lists each rule once, with help text, and points results at them', () => {
    const { rules } = sarif().runs[0].tool.driver;
    expect(rules.map((r: { id: string }) => r.id)).toEqual(['forbidden-paths', 'commit-signoff', 'title-conventional', 'model-card/card-schema', 'model-card/card-section']);
    for (const rule of rules) expect(rule.help.text.length).toBeGreaterThan(10);
    const results: SarifResult[] = sarif().runs[0].results;
    for (const r of results) expect(rules[r.ruleIndex].id).toBe(r.ruleId);
  });

  it('maps severities to error, warning and note', () => {
    expect(sarif().runs[0].results.map((r: SarifResult) => r.level)).toEqual(['error', 'error', 'warning', 'warning', 'note']);
  });

  it('gives every result a physical location with a URI, and a region when the line is known', () => {
    const results: SarifResult[] = sarif().runs[0].results;
    for (const r of results) expect(r.locations[0]!.physicalLocation.artifactLocation.uri).not.toBe('');
    expect(results[3]!.locations[0]!.physicalLocation).toEqual({ artifactLocation: { uri: 'README.md', uriBaseId: '%SRCROOT%' }, region: { startLine: 3, startColumn: 10 } });
    expect(results[4]!.locations[0]!.physicalLocation.region).toEqual({ startLine: 1 });
    expect(results[0]!.locations[0]!.physicalLocation.region).toBeUndefined();
    expect(results[1]!.locations[0]!.logicalLocations).toEqual([{ name: `commit ${SHA}`, fullyQualifiedName: `commit ${SHA}`, kind: 'resource' }]);
    expect(results[1]!.properties).toMatchObject({ check: 'style', commit: SHA });
    expect(results[1]!.message.text).toContain('Hint: git rebase HEAD~3 --signoff');
  });

  it('percent-encodes paths and gives distinct, stable fingerprints', () => {
    const report = sampleReport();
    report.findings[0]!.path = 'weights/my model#1.bin';
    const results: SarifResult[] = JSON.parse(formatSarif(report, { version: '0.1.0' })).runs[0].results;
    expect(results[0]!.locations[0]!.physicalLocation.artifactLocation.uri).toBe('weights/my%20model%231.bin');
    const prints = results.map((r) => r.partialFingerprints['stewardFinding/v1']);
    expect(new Set(prints).size).toBe(prints.length);
    const again: SarifResult[] = JSON.parse(formatSarif(report, { version: '0.2.0' })).runs[0].results;
    expect(again.map((r) => r.partialFingerprints['stewardFinding/v1'])).toEqual(prints);
  });

  it('is valid with no findings at all', () => {
    const log = JSON.parse(formatSarif({ findings: [], summary: { errors: 0, warnings: 0, notices: 0, commits: 0, files: 0 } }, { version: '1.0.0' }));
    expect(log.runs[0].results).toEqual([]);
    expect(log.runs[0].tool.driver.rules).toEqual([]);
  });
});
