import { describe, expect, it } from '@jest/globals';
import type { MetadataFile } from '../../src/engines/reconcile/types.js';
import { reconcileForks } from '../../src/workflows/reconcile-forks.js';
import type { NetworkRepository, ReconcileReader, RepositoryFiles } from '../../src/workflows/reconcile-types.js';

const OPTIONS = { globs: ['models/*/model.yml'], idField: 'id', versionField: 'version' };
const yml = (id: string, version: string, license = 'mit', extra = ''): string => `id: ${id}\nversion: ${version}\nlicense: ${license}\n${extra}`;
const A = 'models/a/model.yml';
const B = 'models/b/model.yml';

interface FakeNetwork {
  forks: NetworkRepository[];
  /** Repository name → path → text; a string value instead means the whole repository is unreadable. */
  heads: Record<string, Record<string, string> | string>;
  /** Fork → merge base commit (null: unrelated histories). */
  bases: Record<string, string | null>;
  commits: Record<string, Record<string, string>>;
  problems?: Record<string, RepositoryFiles['problems']>;
}

function filesOf(texts: Record<string, string>): MetadataFile[] {
  return Object.entries(texts).map(([path, text]) => ({ path, text, blob: null, kind: 'registry' as const }));
}

function fakeReader(net: FakeNetwork): ReconcileReader & { requested: string[][]; readAtCalls: string[] } {
  const requested: string[][] = [];
  const readAtCalls: string[] = [];
  return {
    requested,
    readAtCalls,
    listNetwork: async () => ({ upstream: { name: 'up', ref: 'refs/heads/main' }, forks: net.forks }),
    readRepositories: async (names) => {
      requested.push([...names]);
      return new Map(names.map((name) => {
        const head = net.heads[name] ?? {};
        if (typeof head === 'string') return [name, { files: [], problems: [{ path: '', problem: head }] }];
        return [name, { files: filesOf(head), problems: net.problems?.[name] ?? [] }];
      }));
    },
    mergeBase: async (fork) => net.bases[fork] ?? null,
    readAt: async (commit, paths) => {
      readAtCalls.push(commit);
      const at = net.commits[commit] ?? {};
      return { files: filesOf(Object.fromEntries(Object.entries(at).filter(([p]) => paths.includes(p)))), problems: [] };
    },
  };
}

const fork = (name: string, parent: string | null = 'up', skipped: string | null = null): NetworkRepository => ({ name, parent, skipped });
const statusOf = (report: Awaited<ReturnType<typeof reconcileForks>>['report'], id: string, name: string): string | undefined =>
  report.models.find((m) => m.id === id)?.forks.find((f) => f.fork === name)?.verdict.status;

describe('reconcileForks with a fake reader', () => {
  it('judges a fork of a fork against upstream and keeps its parent', async () => {
    const reader = fakeReader({
      forks: [fork('alice'), fork('bob', 'alice')],
      heads: { up: { [A]: yml('a', '1.1.0') }, alice: { [A]: yml('a', '1.1.0') }, bob: { [A]: yml('a', '1.2.0', 'mit', 'notes: tuned\n') } },
      bases: { alice: 'c1', bob: 'c1' },
      commits: { c1: { [A]: yml('a', '1.1.0') } },
    });
    const { report, upstreamProblem } = await reconcileForks(reader, OPTIONS);
    expect(upstreamProblem).toBeNull();
    expect(report.forks).toEqual([fork('alice'), fork('bob', 'alice')]);
    expect(statusOf(report, 'a', 'alice')).toBe('in-sync');
    expect(statusOf(report, 'a', 'bob')).toBe('ahead');
    // Both forks share the merge base: it is read once.
    expect(reader.readAtCalls).toEqual(['c1']);
  });

  it('never reads a skipped fork and reports why, also one whose branch cannot be listed', async () => {
    const reader = fakeReader({
      forks: [fork('alice'), fork('gone', 'up', 'remote "gone" has no fetched default branch; run `git fetch gone`'), fork('broken')],
      heads: { up: { [A]: yml('a', '1.0.0') }, alice: { [A]: yml('a', '1.0.0') }, broken: 'cannot list refs/remotes/broken/main; run `git fetch broken`' },
      bases: { alice: 'c1', broken: 'c1' },
      commits: { c1: { [A]: yml('a', '1.0.0') } },
    });
    const { report } = await reconcileForks(reader, OPTIONS);
    expect(reader.requested).toEqual([['up', 'alice', 'broken']]);
    expect(report.forks.map((f) => [f.name, f.skipped])).toEqual([
      ['alice', null],
      ['gone', 'remote "gone" has no fetched default branch; run `git fetch gone`'],
      ['broken', 'cannot list refs/remotes/broken/main; run `git fetch broken`'],
    ]);
    expect(report.models.map((m) => m.forks.map((f) => f.fork))).toEqual([['alice']]);
  });

  it.each([
    ['same version, other content', 'conflict', yml('a', '1.0.0', 'apache-2.0'), null],
    ['same version, other content, with a base', 'conflict', yml('a', '1.0.0', 'apache-2.0'), 'c1'],
    ['a newer version, no base', 'ahead', yml('a', '1.2.0', 'mit'), null],
    ['an older version, no base', 'behind', yml('a', '0.9.0', 'mit'), null],
  ])('a fork with %s is %s', async (_case, status, text, base) => {
    const reader = fakeReader({
      forks: [fork('f')],
      heads: { up: { [A]: yml('a', '1.0.0') }, f: { [A]: text } },
      bases: { f: base },
      commits: { c1: { [A]: yml('a', '0.5.0') } },
    });
    const { report } = await reconcileForks(reader, OPTIONS);
    expect(statusOf(report, 'a', 'f')).toBe(status);
  });

  it('without a merge base, a model on one side only is new (fork) or behind (upstream); with one, a deletion is removed', async () => {
    const net: FakeNetwork = {
      forks: [fork('unrelated'), fork('deleter')],
      heads: { up: { [A]: yml('a', '1.0.0') }, unrelated: { [B]: yml('b', '0.1.0') }, deleter: {} },
      bases: { unrelated: null, deleter: 'c1' },
      commits: { c1: { [A]: yml('a', '1.0.0') } },
    };
    const { report } = await reconcileForks(fakeReader(net), OPTIONS);
    expect(statusOf(report, 'a', 'unrelated')).toBe('behind');
    expect(statusOf(report, 'b', 'unrelated')).toBe('new');
    expect(statusOf(report, 'a', 'deleter')).toBe('removed');
    expect(report.models.find((m) => m.id === 'b')?.upstream).toBeNull();
    expect(report.models.find((m) => m.id === 'b')?.forks.map((f) => f.fork)).toEqual(['unrelated']);
  });

  it('says a broken file once, naming every repository that has it, and reports unreadable files', async () => {
    const broken = 'id: a\nversion: [1.0.0\n';
    const reader = fakeReader({
      forks: [fork('x'), fork('y')],
      heads: { up: { [A]: yml('a', '1.0.0') }, x: { [A]: broken }, y: { [A]: broken } },
      bases: {},
      commits: {},
      problems: { y: [{ path: B, problem: `${B} is binary (it has NUL bytes); metadata must be YAML, JSON or Markdown text` }] },
    });
    const { report } = await reconcileForks(reader, OPTIONS);
    const malformed = report.findings.filter((f) => f.path === A);
    expect(malformed).toHaveLength(1);
    expect(malformed[0]!.message).toMatch(/^forks "x", "y": /);
    const unreadable = report.findings.find((f) => f.rule === 'reconcile-file-unreadable');
    expect(unreadable).toMatchObject({ check: 'reconcile', severity: 'warning', path: B });
    expect(unreadable!.message).toMatch(/^fork "y": .*binary/);
    // Their copy of "a" is unreadable, not deleted: no verdict rather than a wrong "removed".
    expect(report.models.find((m) => m.id === 'a')?.forks).toEqual([]);
  });

  it('adds a lineage cycle across repositories once to the findings', async () => {
    const reader = fakeReader({
      forks: [fork('f')],
      heads: { up: { [A]: yml('a', '1.0.0', 'mit', 'base_model: b\n') }, f: { [A]: yml('a', '1.0.0', 'mit', 'base_model: b\n'), [B]: yml('b', '1.0.0', 'mit', 'base_model: a\n') } },
      bases: {},
      commits: {},
    });
    const { report } = await reconcileForks(reader, OPTIONS);
    expect(report.findings.filter((f) => f.rule === 'lineage-cycle')).toHaveLength(1);
  });

  it('returns why upstream cannot be read, and no models', async () => {
    const reader = fakeReader({ forks: [fork('f')], heads: { up: 'cannot list HEAD', f: { [A]: yml('a', '1.0.0') } }, bases: {}, commits: {} });
    const { report, upstreamProblem } = await reconcileForks(reader, OPTIONS);
    expect(upstreamProblem).toBe('cannot list HEAD');
    expect(report.models).toEqual([]);
  });
});
