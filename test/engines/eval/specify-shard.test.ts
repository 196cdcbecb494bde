import { describe, expect, it } from '@jest/globals';
import type { PoolConfig, SuiteConfig } from '../../../src/engines/eval/eval-config.js';
import { planShards } from '../../../src/engines/eval/plan-shards.js';
import { specifyShard } from '../../../src/engines/eval/specify-shard.js';

const POOL: PoolConfig = { name: 'a100', runsOn: ['self-hosted', 'a100'], capacity: 4, weight: 2 };
const SUITE: SuiteConfig = {
  name: 'default', shards: 2, pool: 'a100', pieceOverhead: 0, command: 'lm_eval --tasks {task} --output_path {output}',
  model: 'acme/tiny', format: 'lm-eval', timeoutMinutes: 90,
  tasks: [{ name: 'hellaswag', cost: 1000 }, { name: 'arc', cost: 10.5 }],
};

describe('specifyShard', () => {
  it('turns a planned shard into the matrix entry a runner receives', () => {
    const shard = { id: 3, pool: 'a100', cost: 611, pieces: [{ task: 'hellaswag', offset: 400, limit: 600, cost: 600 }, { task: 'arc', offset: 0, limit: 11, cost: 11 }] };
    expect(specifyShard({ run: 'r1a2b3c4d5e6', shard, attempt: 2, pool: POOL, suite: SUITE, sha: 'f'.repeat(40) })).toEqual({
      run: 'r1a2b3c4d5e6', shard: 3, attempt: 2, suite: 'default', pool: 'a100', runsOn: ['self-hosted', 'a100'], sha: 'f'.repeat(40),
      command: SUITE.command, model: 'acme/tiny', format: 'lm-eval', timeoutMinutes: 90,
      // arc's 10.5-sample estimate is planned as 11 whole samples: [0, 11) is the whole task.
      pieces: [{ task: 'hellaswag', offset: 400, limit: 600, whole: false }, { task: 'arc', offset: 0, limit: 11, whole: true }],
      artifact: 'steward-r1a2b3c4d5e6-3-2',
    });
  });

  it('marks only full-task pieces whole, across a real plan', () => {
    const plan = planShards({ tasks: SUITE.tasks, shards: 4, pieceOverhead: 0 });
    const specs = plan.shards.map((shard) => specifyShard({ run: 'r1', shard, attempt: 1, pool: POOL, suite: SUITE, sha: 'a'.repeat(40) }));
    const pieces = specs.flatMap((s) => s.pieces);
    expect(pieces.filter((p) => p.task === 'hellaswag').every((p) => !p.whole)).toBe(true);
    expect(pieces.filter((p) => p.task === 'arc')).toEqual([{ task: 'arc', offset: 0, limit: 11, whole: true }]);
    expect(new Set(specs.map((s) => s.artifact)).size).toBe(specs.length);
  });

  it('does not share the pool\'s runs-on list with the spec', () => {
    const spec = specifyShard({ run: 'r1', shard: { id: 0, pool: null, cost: 1, pieces: [] }, attempt: 1, pool: POOL, suite: SUITE, sha: 'a'.repeat(40) });
    spec.runsOn.push('oops');
    expect(POOL.runsOn).toEqual(['self-hosted', 'a100']);
  });
});
