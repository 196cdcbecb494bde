import { afterEach, describe, expect, it } from '@jest/globals';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runReconcileAction } from '../../../src/transports/actions/run-reconcile-action.js';
import { mockGitHub, type MockGitHub } from '../../support/mock-github.js';
import { issueData } from '../../platform/github/publish/fixtures.js';
import { makeNetwork } from '../../platform/github/reconcile/fake-network.js';
import { mockNetwork, mockUpstreamTree } from '../../platform/github/reconcile/network-fixtures.js';

const A = 'models/a/model.yml';
const B = 'models/b/model.yml';
const UP = { [A]: 'id: a\nversion: 1.1.0\n', [B]: 'id: b\nversion: 2.0.0\n' };
const OLD_A = 'id: a\nversion: 1.0.0\n';

let gh: MockGitHub | null = null;
let dir = '';
afterEach(() => {
  gh?.done();
  gh = null;
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** upstream acme/models; behind holds an old upstream copy of a, clash the same version of b with other content. */
function network() {
  const net = makeNetwork(
    { name: 'acme/models', files: { ...UP }, forks: ['same/models', 'behind/models', 'clash/models'] },
    [
      { name: 'same/models', files: { ...UP }, forks: [] },
      { name: 'behind/models', files: { ...UP, [A]: OLD_A }, forks: [] },
      { name: 'clash/models', files: { ...UP, [B]: 'id: b\nversion: 2.0.0\nsha256: ' + 'c'.repeat(64) + '\n' }, forks: [] },
    ],
  );
  net.history = { [A]: [UP[A], OLD_A], [B]: [UP[B]] };
  return net;
}

function env(extra: Record<string, string> = {}) {
  dir = mkdtempSync(join(tmpdir(), 'steward-reconcile-action-'));
  const output = join(dir, 'output');
  const summary = join(dir, 'summary');
  writeFileSync(output, '');
  writeFileSync(summary, '');
  return {
    output, summary,
    env: { GITHUB_WORKSPACE: dir, GITHUB_REPOSITORY: 'acme/models', GITHUB_OUTPUT: output, GITHUB_STEP_SUMMARY: summary, INPUT_TOKEN: 'ghs_test', ...extra },
  };
}

describe('actions/reconcile', () => {
  it('reads the network in five requests, writes registry.json, the summary and the outputs', async () => {
    const net = network();
    gh = mockUpstreamTree(mockNetwork(mockGitHub(), net, { StewardNetworkUpstream: 1, StewardForkPage: 1, StewardBlobTexts: 1, StewardUpstreamHistory: 1 }), net);
    const run = env({ 'INPUT_FAIL-ON': 'conflict' });
    const lines: string[] = [];
    const code = await runReconcileAction(run.env, (l) => lines.push(l));
    expect(code).toBe(1);
    expect(gh.requestCount()).toBe(5);
    const registry = JSON.parse(readFileSync(join(dir, 'registry.json'), 'utf8'));
    expect(registry.models.map((m: { id: string; version: string }) => `${m.id}@${m.version}`)).toEqual(['a@1.1.0', 'b@2.0.0']);
    expect(readFileSync(run.summary, 'utf8')).toContain('## Steward: model registry across forks');
    const outputs = readFileSync(run.output, 'utf8');
    expect(outputs).toMatch(/"behind":1/);
    expect(outputs).toMatch(/"conflict":1/);
    expect(lines.at(-1)).toBe('Reconciled acme/models with 3 forks: 2 models; 1 behind, 1 conflict.');
  });

  it('keeps the report issue when asked, and exits 0 by default even with a conflict', async () => {
    const net = network();
    gh = mockUpstreamTree(mockNetwork(mockGitHub(), net, { StewardNetworkUpstream: 1, StewardForkPage: 1, StewardBlobTexts: 1, StewardUpstreamHistory: 1 }), net)
      .rest('GET', '/repos/acme/models/issues', {}, 200, [])
      .rest('POST', '/repos/acme/models/issues', { body: (b) => (b as { title: string }).title === 'Steward: model registry across forks' }, 201, issueData(12));
    const run = env({ 'INPUT_UPDATE-ISSUE': 'true', 'INPUT_REGISTRY-FILE': 'none' });
    expect(await runReconcileAction(run.env, () => undefined)).toBe(0);
    expect(readFileSync(run.output, 'utf8')).toMatch(/issue<<[^\n]+\n12\n/);
    expect(() => readFileSync(join(dir, 'registry.json'))).toThrow();
  });

  it('refuses a bad input before any request, naming the input and the values it takes', async () => {
    gh = mockGitHub();
    const run = env({ 'INPUT_FAIL-ON': 'sometimes' });
    await expect(runReconcileAction(run.env, () => undefined)).rejects.toThrow('Input "fail-on" is "sometimes"; use one of conflict, never');
    expect(gh.requestCount()).toBe(0);
  });
});
