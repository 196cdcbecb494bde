import { describe, expect, it } from '@jest/globals';
import { classifyModel } from '../../../src/engines/reconcile/classify-model.js';
import { hashContent } from '../../../src/engines/reconcile/read-canonical.js';
import type { ModelMetadata, ModelStatus } from '../../../src/engines/reconcile/types.js';

function model(data: Record<string, unknown>): ModelMetadata {
  return {
    id: 'm', version: typeof data.version === 'string' ? data.version : null, contentHash: hashContent(data),
    checksums: [], baseModels: [], baseModelRelation: null, data, path: 'models/m/model.yml', blob: null,
  };
}

const v1 = model({ id: 'm', version: '1.0.0', sha256: 'a'.repeat(64) });
const v2 = model({ id: 'm', version: '2.0.0', sha256: 'b'.repeat(64) });
const v1other = model({ id: 'm', version: '1.0.0', sha256: 'c'.repeat(64) });
const v1license = model({ id: 'm', version: '1.0.0', sha256: 'a'.repeat(64), license: 'mit' });
const v1prefixed = model({ id: 'm', version: 'v1.0.0', sha256: 'c'.repeat(64) });
const v11 = model({ id: 'm', version: '1.1.0', sha256: 'a'.repeat(64) });
const v11note = model({ id: 'm', version: '1.1.0', sha256: 'a'.repeat(64), note: 'q4' });
const v12 = model({ id: 'm', version: '1.2.0', sha256: 'a'.repeat(64) });
const latest = model({ id: 'm', version: 'latest', x: 1 });
const latestOther = model({ id: 'm', version: 'latest', x: 2 });
const unversioned = model({ id: 'm', x: 3 });

type Row = [string, ModelMetadata | null, ModelMetadata | null, ModelMetadata | null | undefined, ModelStatus];

// [what a maintainer sees, upstream, fork, merge base (undefined: unknown), status]
const rows: Row[] = [
  ['same content as upstream', v2, v2, v1, 'in-sync'],
  ['same content even though both changed since the base', v2, v2, v1other, 'in-sync'],
  ['fork unchanged, upstream moved on', v2, v1, v1, 'behind'],
  ['upstream unchanged, fork moved on', v1, v2, v1, 'ahead'],
  ['both moved to different versions', v11, v12, v1, 'diverged'],
  ['both published the same version with other checksums', v1other, v1license, v1, 'conflict'],
  ['the same version written with and without v', v1other, v1prefixed, v1, 'conflict'],
  ['model only upstream, absent at the base: upstream added it later', v1, null, null, 'behind'],
  ['model only upstream, unchanged since the base: the fork deleted it', v1, null, v1, 'removed'],
  ['model only upstream, changed since the fork deleted it', v2, null, v1, 'diverged'],
  ['model only in the fork, absent at the base', null, v1, null, 'new'],
  ['model only in the fork, unchanged since the base: upstream deleted it', null, v1, v1, 'behind'],
  ['model only in the fork, changed after upstream deleted it', null, v2, v1, 'diverged'],
  ['both added it independently with one version', v1, v1other, null, 'conflict'],
  ['no merge base, equal content', v1, v1, undefined, 'in-sync'],
  ['no merge base, fork newer', v1, v2, undefined, 'ahead'],
  ['no merge base, fork older', v2, v1, undefined, 'behind'],
  ['no merge base, same version other content', v1, v1other, undefined, 'conflict'],
  ['no merge base, same non-SemVer version other content', latest, latestOther, undefined, 'conflict'],
  ['no merge base, versions that cannot be ordered', latest, unversioned, undefined, 'diverged'],
  ['no merge base, model only upstream', v1, null, undefined, 'behind'],
  ['no merge base, model only in the fork', null, v1, undefined, 'new'],
];

describe('classifyModel', () => {
  const table = rows.map(([what, upstream, fork, base, status]) => ({ what, upstream, fork, base, status }));
  it.each(table)('$what → $status', ({ upstream, fork, base, status }) => {
    expect(classifyModel({ upstream, fork, base }).status).toBe(status);
  });

  it('proposes the fork content upstream when the fork is ahead', () => {
    expect(classifyModel({ upstream: v1, fork: v2, base: v1 })).toEqual({ status: 'ahead', conflicts: [], merged: v2.data });
  });

  it('proposes the clean three-way merge when both diverged without conflicts', () => {
    const base = model({ id: 'm', version: '0.9.0' });
    const clean = classifyModel({ upstream: model({ id: 'm', version: '0.9.0', license: 'mit' }), fork: v11note, base });
    expect(clean).toEqual({
      status: 'diverged', conflicts: [],
      merged: { id: 'm', version: '1.1.0', license: 'mit', sha256: 'a'.repeat(64), note: 'q4' },
    });
  });

  it('gives the merge conflicts and no merge result when both changed the same key', () => {
    const verdict = classifyModel({ upstream: v11, fork: v12, base: v1 });
    expect(verdict).toEqual({ status: 'diverged', merged: null, conflicts: [{ path: '/version', base: '1.0.0', ours: '1.1.0', theirs: '1.2.0' }] });
  });

  it('lists what differs for a version conflict, even changes a merge could combine', () => {
    const verdict = classifyModel({ upstream: v1other, fork: v1license, base: v1 });
    expect(verdict.merged).toBeNull();
    expect(verdict.conflicts).toEqual([
      { path: '/sha256', base: 'a'.repeat(64), ours: 'c'.repeat(64), theirs: 'a'.repeat(64) },
      { path: '/license', base: undefined, ours: undefined, theirs: 'mit' },
    ]);
  });

  it('shows a delete/modify as a conflict on the whole model', () => {
    expect(classifyModel({ upstream: v2, fork: null, base: v1 }).conflicts).toEqual([{ path: '', base: v1.data, ours: v2.data, theirs: undefined }]);
  });

  it('refuses to judge a model that is in neither repository', () => {
    expect(() => classifyModel({ upstream: null, fork: null, base: v1 })).toThrow('upstream or in the fork');
  });
});
