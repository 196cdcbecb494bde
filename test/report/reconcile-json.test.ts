/** `steward reconcile --format json`: the shape SPEC.md §4 promises to scripts. */
import { describe, expect, it } from '@jest/globals';
import { renderReconcileJson } from '../../src/report/reconcile-json.js';
import { report } from './reconcile-fixtures.js';

describe('renderReconcileJson', () => {
  const json = JSON.parse(renderReconcileJson(report()));

  it('has exactly the SPEC fields for every model, fork and conflict', () => {
    expect(Object.keys(json).sort()).toEqual(['findings', 'models', 'summary']);
    for (const m of json.models) {
      expect(Object.keys(m)).toEqual(['id', 'upstream', 'forks']);
      expect(Object.keys(m.upstream)).toEqual(['version']);
      for (const f of m.forks) {
        expect(Object.keys(f)).toEqual(['fork', 'version', 'status', 'conflicts']);
        for (const c of f.conflicts) expect(Object.keys(c)).toEqual(['path', 'base', 'ours', 'theirs']);
      }
    }
  });

  it('gives each fork its version and status, in the report\'s order', () => {
    expect(json.models.map((m: { id: string; upstream: { version: string | null } }) => [m.id, m.upstream.version]))
      .toEqual([['llama-ft', '1.0.0'], ['llama-q4', '2.0.0'], ['merge-x', null], ['stable', null]]);
    expect(json.models[1].forks).toEqual([
      { fork: 'alice/models', version: '1.9.0', status: 'behind', conflicts: [] },
      { fork: 'bob/models', version: '2.1.0', status: 'diverged', conflicts: [{ path: '/license', base: 'mit', ours: 'apache-2.0', theirs: null }] },
      { fork: 'carol/models', version: null, status: 'removed', conflicts: [] },
    ]);
    expect(json.models[0].forks[1]).toEqual({ fork: 'bob/models', version: '1.0.0', status: 'conflict', conflicts: [{ path: '/checksums/0/sha256', base: 'eee', ours: 'eee', theirs: 'fff' }] });
  });

  it('counts every status, zeros included, and carries the findings', () => {
    expect(json.summary).toEqual({ 'in-sync': 1, behind: 1, ahead: 2, diverged: 1, conflict: 1, new: 2, removed: 1 });
    expect(json.findings.map((f: { rule: string }) => f.rule)).toEqual(['malformed-metadata']);
  });

  it('prints an empty network as empty lists', () => {
    const empty = JSON.parse(renderReconcileJson({ upstream: { name: 'origin', ref: null }, forks: [], models: [], findings: [] }));
    expect(empty.models).toEqual([]);
    expect(Object.values(empty.summary)).toEqual([0, 0, 0, 0, 0, 0, 0]);
  });
});
