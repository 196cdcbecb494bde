import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from '@jest/globals';
import { openStore } from '../../../src/store/open-store.js';
import { approveEvaluation } from '../../../src/workflows/evaluation/approve-evaluation.js';
import { cancelSuperseded } from '../../../src/workflows/evaluation/cancel-superseded.js';
import { collectWorkflowRun } from '../../../src/workflows/evaluation/collect-workflow-run.js';
import { recoverRuns } from '../../../src/workflows/evaluation/recover-runs.js';
import { startEvaluation, type EvalRequest } from '../../../src/workflows/evaluation/start-evaluation.js';
import { EVAL_CHECK_NAME } from '../../../src/report/eval-report.js';
import { completedInfo, completeRun, createWorld, REPO, SHA, shardResultOf, type World } from './eval-world.js';

const request = (over: Partial<EvalRequest> = {}): EvalRequest => ({
  repo: REPO, pr: 7, headSha: SHA, headBranch: 'feature', suite: null, trigger: 'comment', requestedBy: 'maintainer',
  fromFork: false, approved: false, baseline: false, ...over,
});

const evalChecks = (w: World) => [...w.platform.checks.values()].filter((c) => c.plan.name === EVAL_CHECK_NAME);
const lastCheck = (w: World) => evalChecks(w).at(-1)!.plan;
const dispatchedShards = (w: World) => w.platform.runs.flatMap((r) => r.shards.map((s) => `${s.shard}/${s.attempt}`));

let world: World | null = null;
afterEach(async () => {
  await world?.close();
  world = null;
});

describe('an evaluation of a pull request', () => {
  it('dispatches what the quota allows, then the rest when a run completes, then reports', async () => {
    const w = (world = await createWorld());
    const { run } = await startEvaluation(w.deps, request());
    expect(run?.plan.shards).toHaveLength(3);
    // concurrent-shards: 2 → two shards go, one waits with a reason people can read.
    expect(dispatchedShards(w)).toHaveLength(2);
    expect(lastCheck(w).summary).toMatch(/quota/i);
    const first = w.platform.runs[0]!;
    expect(first.shards.every((s) => s.sha === SHA && s.command.includes('lm_eval'))).toBe(true);

    completeRun(first);
    expect(await collectWorkflowRun(w.deps, REPO, completedInfo(first))).toBe('collected');
    expect(dispatchedShards(w)).toHaveLength(3);
    const second = w.platform.runs[1]!;
    completeRun(second);
    await collectWorkflowRun(w.deps, REPO, completedInfo(second));

    const done = await w.store.getRun(run!.id);
    expect(done?.status).toBe('completed');
    const acc = done!.result!.metrics.find((m) => m.task === 'hellaswag' && m.metric === 'acc,none');
    expect(acc?.value).toBeCloseTo(0.6, 10);
    expect(acc?.n).toBe(1000);
    expect(done!.result!.partial).toBe(false);
    expect(lastCheck(w).status).toBeUndefined();
    expect([...w.platform.comments.values()].at(-1)).toContain('hellaswag');
  });

  it('compares with the last baseline run on the default branch and flags a regression', async () => {
    const w = (world = await createWorld());
    await startEvaluation(w.deps, request({ pr: null, baseline: true, trigger: 'push', headBranch: 'main', headSha: 'b'.repeat(40) }));
    for (let i = 0; i < 3 && w.platform.runs.some((r) => r.status !== 'completed'); i++) {
      for (const r of w.platform.runs.filter((x) => x.status !== 'completed')) {
        completeRun(r);
        await collectWorkflowRun(w.deps, REPO, completedInfo(r));
      }
    }
    const before = w.platform.runs.length;
    await startEvaluation(w.deps, request());
    for (let i = 0; i < 3 && w.platform.runs.slice(before).some((r) => r.status !== 'completed'); i++) {
      for (const r of w.platform.runs.slice(before).filter((x) => x.status !== 'completed')) {
        completeRun(r, (s) => shardResultOf(s, { hellaswag: 0.45, arc: 0.5, mmlu: 0.4 }));
        await collectWorkflowRun(w.deps, REPO, completedInfo(r));
      }
    }
    const check = lastCheck(w);
    expect(check.conclusion).toBe('failure');
    expect(check.summary).toMatch(/hellaswag/);
    expect(check.summary).toMatch(/regress/i);
  });

  it('records a redelivered request and a redelivered completion once', async () => {
    const w = (world = await createWorld());
    const a = await startEvaluation(w.deps, request());
    const b = await startEvaluation(w.deps, request());
    expect(b.run?.id).toBe(a.run?.id);
    expect(b.message).toMatch(/already being evaluated/);
    expect(dispatchedShards(w)).toHaveLength(2);
    const first = w.platform.runs[0]!;
    completeRun(first);
    await collectWorkflowRun(w.deps, REPO, completedInfo(first));
    await collectWorkflowRun(w.deps, REPO, completedInfo(first));
    // The third shard went out once, and usage counts each attempt once.
    expect(dispatchedShards(w)).toEqual(['0/1', '1/1', '2/1'].filter((k) => dispatchedShards(w).includes(k)));
    expect(dispatchedShards(w)).toHaveLength(3);
    const usage = await w.store.usageSince(new Date(0));
    expect(usage.byRepo['o/r']).toBeCloseTo(12, 5);
  });

  it('retries a failed shard once, on another pool, then reports the result as partial when it fails again', async () => {
    const w = (world = await createWorld());
    const { run } = await startEvaluation(w.deps, request());
    const first = w.platform.runs[0]!;
    const failing = first.shards[0]!;
    completeRun(first, (s) => (s.shard === failing.shard ? null : shardResultOf(s)));
    await collectWorkflowRun(w.deps, REPO, completedInfo(first));
    const retry = w.platform.runs.flatMap((r) => r.shards).find((s) => s.shard === failing.shard && s.attempt === 2);
    expect(retry).toBeDefined();
    expect(retry!.pool).not.toBe(failing.pool);
    for (let i = 0; i < 4; i++) {
      for (const r of w.platform.runs.filter((x) => x.status !== 'completed')) {
        completeRun(r, (s) => (s.shard === failing.shard ? null : shardResultOf(s)));
        await collectWorkflowRun(w.deps, REPO, completedInfo(r));
      }
    }
    const done = await w.store.getRun(run!.id);
    expect(done?.status).toBe('completed');
    expect(done?.result?.partial).toBe(true);
    expect(done?.result?.missing.length).toBeGreaterThan(0);
    expect(lastCheck(w).summary).toMatch(/partial/i);
    expect(w.platform.runs.flatMap((r) => r.shards).filter((s) => s.shard === failing.shard)).toHaveLength(2);
  });

  it('refuses an artifact that claims to be another shard', async () => {
    const w = (world = await createWorld());
    await startEvaluation(w.deps, request());
    const first = w.platform.runs[0]!;
    completeRun(first, (s) => ({ ...shardResultOf(s), shard: s.shard + 1 }));
    await collectWorkflowRun(w.deps, REPO, completedInfo(first));
    const attempts = await w.store.listAttempts(first.shards[0]!.run);
    const failed = attempts.filter((a) => a.attempt === 1 && a.status === 'failed');
    expect(failed.length).toBe(2);
    expect(failed[0]!.error).toMatch(/claims to be shard/);
  });

  it('waits for a maintainer before dispatching a fork pull request, then runs the approved head', async () => {
    const w = (world = await createWorld(undefined, { fromFork: true }));
    const { run, message } = await startEvaluation(w.deps, request({ fromFork: true }));
    expect(run?.status).toBe('awaiting-approval');
    expect(message).toMatch(/approve-eval/);
    expect(w.platform.runs).toHaveLength(0);
    expect(lastCheck(w).conclusion).toBe('action_required');
    await approveEvaluation(w.deps, REPO, 7, 'maintainer', null);
    expect(dispatchedShards(w)).toHaveLength(2);
  });

  it('cancels the runs of an older commit when the pull request moves on', async () => {
    const w = (world = await createWorld());
    const { run } = await startEvaluation(w.deps, request());
    const cancelled = await cancelSuperseded(w.deps, REPO, 7, 'c'.repeat(40), 'superseded by a new push (ccccccc)');
    expect(cancelled).toBe(1);
    expect(w.platform.calls).toContain(`cancel ${w.platform.runs[0]!.id}`);
    expect((await w.store.getRun(run!.id))?.status).toBe('cancelled');
    expect(await w.store.listQueue()).toHaveLength(0);
    expect(lastCheck(w).conclusion).toBe('cancelled');
  });

  it('fails the run with the fix when the workflow file is missing', async () => {
    const w = (world = await createWorld());
    w.platform.dispatchMode = Object.assign(new Error('Not Found'), { status: 404, retryable: false });
    const { run } = await startEvaluation(w.deps, request());
    expect((await w.store.getRun(run!.id))?.status).toBe('failed');
    expect(lastCheck(w).summary).toMatch(/steward init/);
    expect(await w.store.listQueue()).toHaveLength(0);
  });

  it('collects after downtime: a dispatch GitHub gave no run id for is found by its run-name', async () => {
    const w = (world = await createWorld());
    w.platform.dispatchMode = 'no-details';
    const { run } = await startEvaluation(w.deps, request());
    for (const r of w.platform.runs) completeRun(r);
    const { collected } = await recoverRuns(w.deps);
    expect(collected).toBe(1);
    const attempts = await w.store.listAttempts(run!.id);
    expect(attempts.filter((a) => a.status === 'succeeded')).toHaveLength(2);
    expect(dispatchedShards(w)).toHaveLength(3);
  });
});

describe('shards that never report', () => {
  it('are retried on another dispatch once GitHub has shown no workflow run for half an hour', async () => {
    const w = (world = await createWorld());
    w.platform.dispatchMode = 'no-details';
    const { run } = await startEvaluation(w.deps, request());
    w.platform.runs.length = 0; // GitHub never started them
    w.advance(31 * 60_000);
    await recoverRuns(w.deps);
    const attempts = await w.store.listAttempts(run!.id);
    expect(attempts.filter((a) => a.attempt === 1 && a.status === 'failed').map((a) => a.error)).toEqual([
      expect.stringMatching(/no workflow run/), expect.stringMatching(/no workflow run/),
    ]);
    expect(attempts.some((a) => a.attempt === 2)).toBe(true);
  });
});

describe('a restart in the middle of a run', () => {
  it('loses nothing: after the store is reopened, the workflow runs that finished are collected and the run completes', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'steward-restart-'));
    try {
      const file = join(dir, 'steward.sqlite');
      const before = await createWorld(undefined, { store: await openStore({ url: file }) });
      const { run } = await startEvaluation(before.deps, request());
      const platform = before.platform;
      await before.close(); // the process dies here: nothing in memory survives but GitHub's side

      const after = (world = await createWorld(undefined, { store: await openStore({ url: file }) }));
      after.platform.runs.push(...platform.runs);
      for (let i = 0; i < 3 && after.platform.runs.some((r) => r.status !== 'completed'); i++) {
        for (const r of after.platform.runs.filter((x) => x.status !== 'completed')) completeRun(r);
        await recoverRuns(after.deps);
      }
      const done = await after.store.getRun(run!.id);
      expect(done?.status).toBe('completed');
      expect(done?.result?.partial).toBe(false);
      // Each shard went out exactly once across the restart.
      expect(after.platform.runs.flatMap((r) => r.shards.map((s) => s.shard)).sort()).toEqual([0, 1, 2]);
    } finally {
      await world?.close();
      world = null;
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('least-loaded with live runner state', () => {
  it('sends shards to the pool whose self-hosted runners are idle, reading them from GitHub', async () => {
    const w = (world = await createWorld());
    w.platform.runners = [
      { name: 'gpu-1', online: true, busy: true, labels: ['self-hosted', 'gpu'] },
      { name: 'gpu-2', online: true, busy: true, labels: ['self-hosted', 'gpu'] },
    ];
    await startEvaluation(w.deps, request());
    const pools = w.platform.runs.flatMap((r) => r.shards.map((s) => s.pool));
    expect(pools).toHaveLength(2);
    expect(pools.every((p) => p === 'cpu')).toBe(true);

    // Without live state (no permission, or GitHub-hosted runners), Steward's own count decides.
    const v = await createWorld();
    try {
      await startEvaluation(v.deps, request());
      expect(v.platform.runs.flatMap((r) => r.shards.map((s) => s.pool))).toContain('gpu');
    } finally {
      await v.close();
    }
  });
});

describe('GitHub failing during a dispatch', () => {
  it('gives the claim back, and the retried delivery dispatches the same shards once', async () => {
    const w = (world = await createWorld());
    w.platform.dispatchMode = Object.assign(new Error('Bad Gateway'), { status: 502, retryable: true });
    await expect(startEvaluation(w.deps, request())).rejects.toThrow(/Bad Gateway/);
    expect(w.platform.runs).toHaveLength(0);
    expect(await w.store.listQueue()).toHaveLength(3);

    w.platform.dispatchMode = 'details';
    const again = await startEvaluation(w.deps, request());
    expect(again.message).toMatch(/already being evaluated/);
    expect(dispatchedShards(w).sort()).toEqual(['0/1', '1/1']);
    expect(lastCheck(w).status).toBe('in_progress');
  });
});
