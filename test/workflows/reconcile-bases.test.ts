import { describe, expect, it } from '@jest/globals';
import { createHash } from 'node:crypto';
import type { MetadataFile } from '../../src/engines/reconcile/types.js';
import { reconcileForks } from '../../src/workflows/reconcile-forks.js';
import type { ReconcileReader } from '../../src/workflows/reconcile-types.js';

const OPTIONS = { globs: ['models/*/model.yml'], idField: 'id', versionField: 'version' };
const A = 'models/a/model.yml';
const B = 'models/b/model.yml';
const yml = (id: string, version: string, extra = ''): string => `id: ${id}\nversion: ${version}\n${extra}`;
const blobOf = (text: string): string => createHash('sha1').update(`blob ${Buffer.byteLength(text)}\0${text}`).digest('hex');
const files = (texts: Record<string, string>): MetadataFile[] =>
  Object.entries(texts).map(([path, text]) => ({ path, text, blob: blobOf(text), kind: 'registry' as const }));

/** A reader that counts merge-base requests and answers upstream's history of each path. */
function reader(heads: Record<string, Record<string, string>>, history: Record<string, string[]> | null) {
  const mergeBases: string[] = [];
  const r: ReconcileReader = {
    listNetwork: async () => ({ upstream: { name: 'up', ref: 'main' }, forks: Object.keys(heads).filter((n) => n !== 'up').map((name) => ({ name, parent: 'up', skipped: null })) }),
    readRepositories: async (names) => new Map(names.map((n) => [n, { files: files(heads[n]!), problems: [] }])),
    mergeBase: async (fork) => {
      mergeBases.push(fork);
      return 'base';
    },
    readAt: async (_commit, paths) => ({ files: files(Object.fromEntries(Object.entries(heads.up!).filter(([p]) => paths.includes(p)))), problems: [] }),
  };
  if (history) r.upstreamHistory = async (paths) => new Map(paths.map((p) => [p, new Set((history[p] ?? []).map(blobOf))]));
  return { reader: r, mergeBases };
}

const status = (report: Awaited<ReturnType<typeof reconcileForks>>['report'], id: string, fork: string) =>
  report.models.find((m) => m.id === id)?.forks.find((f) => f.fork === fork)?.verdict.status;

describe('merge bases only where they change the verdict', () => {
  const up = { [A]: yml('a', '1.1.0'), [B]: yml('b', '2.0.0') };

  it('asks no merge base for forks whose models all equal upstream', async () => {
    const { reader: r, mergeBases } = reader({ up, f1: { ...up }, f2: { ...up } }, null);
    const { report } = await reconcileForks(r, OPTIONS);
    expect(mergeBases).toEqual([]);
    expect(status(report, 'a', 'f1')).toBe('in-sync');
  });

  it('calls a fork holding an old upstream copy behind without a merge base', async () => {
    const old = yml('a', '1.0.0');
    const { reader: r, mergeBases } = reader({ up, stale: { ...up, [A]: old } }, { [A]: [yml('a', '1.1.0'), old] });
    const { report } = await reconcileForks(r, OPTIONS);
    expect(status(report, 'a', 'stale')).toBe('behind');
    expect(status(report, 'b', 'stale')).toBe('in-sync');
    expect(mergeBases).toEqual([]);
  });

  it('asks the merge base when a fork changed a file upstream never held, or has a model of its own', async () => {
    const { reader: r, mergeBases } = reader(
      { up, tuned: { ...up, [A]: yml('a', '1.2.0', 'notes: tuned\n') }, extra: { ...up, 'models/c/model.yml': yml('c', '0.1.0') } },
      { [A]: [yml('a', '1.1.0')] },
    );
    const { report } = await reconcileForks(r, OPTIONS);
    expect(mergeBases.sort()).toEqual(['extra', 'tuned']);
    expect(status(report, 'a', 'tuned')).toBe('ahead');
    expect(status(report, 'c', 'extra')).toBe('new');
  });
});

describe('a conflict needs no merge base', () => {
  it('judges the same version with other content a conflict without asking for the base', async () => {
    const up = { [A]: yml('a', '1.1.0') };
    const { reader: r, mergeBases } = reader({ up, other: { [A]: yml('a', '1.1.0', 'sha256: ' + 'b'.repeat(64) + '\n') } }, { [A]: [yml('a', '1.1.0')] });
    const { report } = await reconcileForks(r, OPTIONS);
    expect(status(report, 'a', 'other')).toBe('conflict');
    expect(mergeBases).toEqual([]);
  });
});
