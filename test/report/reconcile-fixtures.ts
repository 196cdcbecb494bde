/** A hand-built fork network with every status, a fork of a fork and a skipped fork. */
import type { ForkModel, ReconcileReport } from '../../src/engines/reconcile/report-types.js';
import type { MergeConflict, ModelMetadata, ModelStatus } from '../../src/engines/reconcile/types.js';
import { makeFinding } from '../../src/engines/findings.js';

export const hash = (seed: string): string => seed.repeat(64).slice(0, 64);

export const meta = (id: string, version: string | null, h: string, over: Partial<ModelMetadata> = {}): ModelMetadata => ({
  id, version, contentHash: hash(h), checksums: [], baseModels: [], baseModelRelation: null, data: { version }, path: `models/${id}/model.yml`, blob: null, ...over,
});

export const fork = (name: string, metadata: ModelMetadata | null, status: ModelStatus, conflicts: MergeConflict[] = []): ForkModel => ({
  fork: name, metadata, verdict: { status, conflicts, merged: null },
});

export const report = (): ReconcileReport => ({
  upstream: { name: 'acme/models', ref: 'main' },
  forks: [
    { name: 'alice/models', parent: 'acme/models', skipped: null },
    { name: 'bob/models', parent: 'acme/models', skipped: null },
    { name: 'carol/models', parent: 'alice/models', skipped: null },
    { name: 'dave/models', parent: 'acme/models', skipped: 'private' },
  ],
  models: [
    {
      id: 'llama-ft',
      upstream: meta('llama-ft', '1.0.0', 'a', { baseModels: ['meta-llama/Llama-3.1-8B'], baseModelRelation: 'finetune', checksums: [{ key: 'files/0', algorithm: 'sha256', value: hash('e') }] }),
      forks: [
        fork('alice/models', meta('llama-ft', '1.1.0', 'b'), 'ahead'),
        fork('bob/models', meta('llama-ft', '1.0.0', 'c'), 'conflict', [{ path: '/checksums/0/sha256', base: 'eee', ours: 'eee', theirs: 'fff' }]),
        fork('carol/models', meta('llama-ft', '1.1.0', 'b'), 'ahead'),
      ],
    },
    {
      id: 'llama-q4',
      upstream: meta('llama-q4', '2.0.0', 'd', { baseModels: ['llama-ft'], baseModelRelation: 'quantized' }),
      forks: [
        fork('alice/models', meta('llama-q4', '1.9.0', 'f'), 'behind'),
        fork('bob/models', meta('llama-q4', '2.1.0', 'g'), 'diverged', [{ path: '/license', base: 'mit', ours: 'apache-2.0', theirs: undefined }]),
        fork('carol/models', null, 'removed'),
      ],
    },
    {
      id: 'merge-x',
      upstream: null,
      forks: [fork('carol/models', meta('merge-x', 'v0.1.0', '1', { baseModels: ['llama-ft', 'llama-q4'] }), 'new'), fork('bob/models', meta('merge-x', '0.2.0-rc.1', '2'), 'new')],
    },
    { id: 'stable', upstream: meta('stable', null, '3'), forks: [fork('alice/models', meta('stable', null, '3'), 'in-sync')] },
  ],
  findings: [makeFinding({ check: 'reconcile', rule: 'malformed-metadata', severity: 'warning', message: 'models/x/model.yml does not parse', path: 'models/x/model.yml' })],
});
