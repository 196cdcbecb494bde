import { describe, expect, it } from '@jest/globals';
import type { MetadataFile } from '../../src/engines/reconcile/types.js';
import type { FileProposal, IssuePublication, ReconcilePublisher, RepoRef } from '../../src/platform/reconcile-port.js';
import { reconcileAndPublish } from '../../src/workflows/publish-reconcile.js';
import { FORK_PULLS_PER_RUN, type LedgerEntry, type OutputLedger } from '../../src/workflows/reconcile-publish-types.js';
import type { ReconcileReader } from '../../src/workflows/reconcile-types.js';

const A = 'models/a/model.yml';
const B = 'models/b/model.yml';
const CARD = 'README.md';
const yml = (id: string, version: string, extra = ''): string => `id: ${id}\nversion: ${version}\n${extra}`;
const card = (version: string, prose: string): string => `---\nlicense: mit\nversion: ${version}\n---\n${prose}\n`;
const SETTINGS = { globs: ['models/*/model.yml', 'README.md'], registryGlobs: ['models/*/model.yml'], idField: 'id', versionField: 'version', forkPullRequests: false };
const REPO = { owner: 'up', repo: 'models' };

function filesOf(texts: Record<string, string>): MetadataFile[] {
  return Object.entries(texts).map(([path, text]) => ({ path, text, blob: null, kind: path.endsWith('.md') ? 'card' as const : 'registry' as const }));
}

/** Every fork starts from upstream's old state `base`; heads say where each one is now. */
function reader(heads: Record<string, Record<string, string>>, base: Record<string, string>): ReconcileReader {
  return {
    listNetwork: async () => ({ upstream: { name: 'up/models', ref: 'main' }, forks: Object.keys(heads).filter((n) => n !== 'up/models').map((name) => ({ name, parent: 'up/models', skipped: null })) }),
    readRepositories: async (names) => new Map(names.map((n) => [n, { files: filesOf(heads[n]!), problems: [] }])),
    mergeBase: async () => 'base',
    readAt: async (_c, paths) => ({ files: filesOf(Object.fromEntries(Object.entries(base).filter(([p]) => paths.includes(p)))), problems: [] }),
  };
}

interface Call { on: string; kind: 'issue' | 'files'; proposal?: FileProposal; issue?: IssuePublication }

function fakePublisher(calls: Call[], on: string): ReconcilePublisher {
  let next = 10;
  return {
    publishIssue: async (_repo: RepoRef, issue) => {
      calls.push({ on, kind: 'issue', issue });
      return { number: issue.known ?? next++, state: issue.known ? 'updated' : 'created' };
    },
    proposeFiles: async (_repo: RepoRef, proposal) => {
      calls.push({ on, kind: 'files', proposal });
      return { number: next++, state: 'created' };
    },
  };
}

function memoryLedger(): OutputLedger & { rows: Map<string, LedgerEntry> } {
  const rows = new Map<string, LedgerEntry>();
  return {
    rows,
    findReconcileOutput: async (repoKey, kind) => rows.get(`${repoKey} ${kind}`) ?? null,
    saveReconcileOutput: async (e) => void rows.set(`${e.repoKey} ${e.kind}`, e),
  };
}

function deps(r: ReconcileReader, calls: Call[], ledger: OutputLedger, installed: (fork: string) => boolean) {
  return {
    reader: r, ledger, publisher: fakePublisher(calls, 'up/models'), now: () => new Date('2026-11-28T12:00:00Z'),
    forkPublisher: async (fork: string) => (installed(fork) ? fakePublisher(calls, fork) : null),
  };
}

const base = { [A]: yml('a', '1.0.0'), [B]: yml('b', '1.0.0'), [CARD]: card('1.0.0', '# Upstream') };
const up = { [A]: yml('a', '1.1.0'), [B]: yml('b', '1.0.0'), [CARD]: card('1.1.0', '# Upstream') };
const request = (forkPullRequests: boolean) => ({ repo: REPO, settings: { ...SETTINGS, forkPullRequests }, publish: { issue: true, registry: true } });

describe('reconcileAndPublish', () => {
  it('publishes the issue and the registry once, and a second unchanged run writes and reads nothing', async () => {
    const calls: Call[] = [];
    const ledger = memoryLedger();
    const r = reader({ 'up/models': up, 'al/models': base }, base);
    const first = await reconcileAndPublish(deps(r, calls, ledger, () => false), request(false));
    expect(calls.map((c) => c.kind)).toEqual(['issue', 'files']);
    expect(calls[0]!.issue!.title).toBe('Steward: model registry across forks');
    expect(calls[1]!.proposal!.files.map((f) => f.path)).toEqual(['registry.json']);
    expect(JSON.parse(calls[1]!.proposal!.files[0]!.content).models.map((m: { id: string }) => m.id)).toEqual(['.', 'a', 'b']);
    expect(first.message).toMatch(/^Reconciled up\/models with 1 fork: 3 models; 2 behind\. Report: #10\.$/);
    const second = await reconcileAndPublish(deps(r, calls, ledger, () => false), request(false));
    expect(calls).toHaveLength(2);
    expect(second.issue).toBe(10);
    expect(second.registryPull).toBe(11);
  });

  it('edits the known issue when the network changed', async () => {
    const calls: Call[] = [];
    const ledger = memoryLedger();
    await reconcileAndPublish(deps(reader({ 'up/models': up, 'al/models': base }, base), calls, ledger, () => false), request(false));
    await reconcileAndPublish(deps(reader({ 'up/models': up, 'al/models': up }, base), calls, ledger, () => false), request(false));
    const issues = calls.filter((c) => c.kind === 'issue');
    expect(issues.map((c) => c.issue!.known)).toEqual([null, 10]);
  });

  it('proposes only behind files to forks where Steward is installed, keeping a card\'s own prose', async () => {
    const calls: Call[] = [];
    const heads = {
      'up/models': up,
      'al/models': { ...base, [CARD]: card('1.0.0', '# Al\'s fork notes') },
      'bo/models': { ...base, [B]: yml('b', '1.5.0', 'notes: tuned\n') },
      'cy/models': base,
    };
    const result = await reconcileAndPublish(deps(reader(heads, base), calls, memoryLedger(), (f) => f !== 'cy/models'), request(true));
    const toAl = calls.find((c) => c.on === 'al/models')!.proposal!;
    expect(toAl.branch).toBe('steward/sync-metadata');
    expect(toAl.files).toEqual([{ path: CARD, content: card('1.1.0', '# Al\'s fork notes') }, { path: A, content: up[A] }]);
    const toBo = calls.find((c) => c.on === 'bo/models')!.proposal!;
    expect(toBo.files.map((f) => f.path)).toEqual([CARD, A]);
    expect(result.forkPulls.find((p) => p.fork === 'cy/models')).toMatchObject({ state: 'not-installed', number: null });
  });

  it(`defers forks beyond ${FORK_PULLS_PER_RUN} a run and continues with them next time`, async () => {
    const calls: Call[] = [];
    const ledger = memoryLedger();
    const heads: Record<string, Record<string, string>> = { 'up/models': up };
    for (let i = 0; i < FORK_PULLS_PER_RUN + 3; i++) heads[`f${String(i).padStart(2, '0')}/models`] = base;
    const first = await reconcileAndPublish(deps(reader(heads, base), calls, ledger, () => true), request(true));
    expect(first.forkPulls.filter((p) => p.state === 'created')).toHaveLength(FORK_PULLS_PER_RUN);
    expect(first.forkPulls.filter((p) => p.state === 'deferred').map((p) => p.fork)).toEqual(['f10/models', 'f11/models', 'f12/models']);
    calls.length = 0;
    const second = await reconcileAndPublish(deps(reader(heads, base), calls, ledger, () => true), request(true));
    expect(calls.map((c) => c.on)).toEqual(['f10/models', 'f11/models', 'f12/models']);
    expect(second.forkPulls.filter((p) => p.state === 'unchanged')).toHaveLength(FORK_PULLS_PER_RUN);
  });

  it('reports a fork whose write failed and carries on with the others', async () => {
    const calls: Call[] = [];
    const d = deps(reader({ 'up/models': up, 'al/models': base, 'bo/models': base }, base), calls, memoryLedger(), () => true);
    const forkPublisher = d.forkPublisher;
    d.forkPublisher = async (fork) => (fork === 'al/models'
      ? { ...fakePublisher(calls, fork), proposeFiles: async () => { throw new Error('branch protection refused the push'); } }
      : forkPublisher(fork));
    const result = await reconcileAndPublish(d, request(true));
    expect(result.forkPulls).toEqual([
      { fork: 'al/models', number: null, state: 'failed', note: 'branch protection refused the push' },
      { fork: 'bo/models', number: 10, state: 'created' },
    ]);
  });
});
