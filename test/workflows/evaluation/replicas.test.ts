/** Two App replicas on one database (SQLite file, and PostgreSQL when DATABASE_URL is set) pump the same queue at once. */
import { afterEach, describe, expect, it } from '@jest/globals';
import { enqueueRunShards } from '../../../src/workflows/evaluation/enqueue-run-shards.js';
import { pumpQueue } from '../../../src/workflows/evaluation/pump-queue.js';
import { planSuite } from '../../../src/engines/eval/plan-suite.js';
import { readEvalConfig } from '../../../src/engines/eval/read-eval-config.js';
import { parse } from 'yaml';
import { availableBackends, type Backend } from '../../store/backends.js';
import { CONFIG, createWorld, REPO, SHA, type World } from './eval-world.js';

describe.each(availableBackends())('two replicas on %s', (_name, makeBackend) => {
  let backend: Backend;
  const worlds: World[] = [];
  afterEach(async () => {
    for (const w of worlds.splice(0)) await w.close();
    await backend.cleanup();
  });

  it('dispatch each waiting shard once between them, within the quota', async () => {
    backend = makeBackend();
    const config = CONFIG.replace('concurrent-shards: 2', 'concurrent-shards: 3');
    const a = await createWorld(config, { store: await backend.open() });
    const b = await createWorld(config, { store: await backend.open() });
    worlds.push(a, b);
    const evaluation = readEvalConfig((parse(config) as { evaluation: unknown }).evaluation).config;
    const { run } = await a.store.createRun({
      owner: REPO.owner, repo: REPO.repo, installationId: 1, pr: 7, headSha: SHA, headBranch: 'feature', baseline: false, suite: 'default',
      plan: planSuite(evaluation, 'default', []), config: evaluation, trigger: 'comment', requestedBy: 'm', status: 'queued', createdAt: a.deps.now(),
    });
    await enqueueRunShards(a.deps, run, 1);
    // A redelivered trigger on the other replica queues nothing more.
    expect(await enqueueRunShards(b.deps, run, 1)).toBe(0);

    await Promise.all([pumpQueue(a.deps), pumpQueue(b.deps), pumpQueue(a.deps), pumpQueue(b.deps)]);
    const sent = [...a.platform.runs, ...b.platform.runs].flatMap((r) => r.shards.map((s) => `${s.shard}/${s.attempt}`));
    expect(sent.sort()).toEqual(['0/1', '1/1', '2/1']);
    expect(await a.store.listQueue()).toEqual([]);
  });
});
