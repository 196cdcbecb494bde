/** `/steward eval` end to end: comment → dispatch → workflow_run.completed → artifacts → check and comment. */
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import type { ShardSpec } from '../../../src/engines/eval/shard-types.js';
import { makeZip } from '../../support/make-zip.js';
import { mockGitHub, type MockGitHub } from '../../support/mock-github.js';
import { shardResultOf } from '../../workflows/evaluation/eval-world.js';
import { createHarness, type Harness } from './harness.js';
import { HEAD, INSTALLATION, NUMBER, REPO_PATH, commentEvent, mockPermission } from './github-world.js';
import {
  COMMAND, EVAL_CHECK_ID, mockArtifacts, mockComments, mockConfigReads, mockDefaultBranch, mockDispatch, mockEvalCheck, mockPullOrigin,
  workflowRunEvent, type EvalCheck, type SentDispatch, type Upload,
} from './eval-github.js';

const RUN_ID = 30433642;
const ACCURACY = { hellaswag: 0.62, arc: 0.48, mmlu: 0.41 };
const DISPATCHES = `${REPO_PATH}/actions/workflows/steward-eval.yml/dispatches`;

describe('the App evaluates pull requests on /steward eval', () => {
  let app: Harness;
  let gh: MockGitHub;
  let check: EvalCheck;
  let sent: SentDispatch[];
  let comments: string[];
  let deliveries = 0;

  beforeEach(async () => {
    gh = mockGitHub();
    app = await createHarness();
    check = { current: null, writes: [] };
    sent = [];
    comments = [];
    gh.installationToken(INSTALLATION);
  });
  afterEach(async () => {
    await app.close();
    gh.done();
  });

  async function comment(body: string, login = 'Codertocat') {
    await app.probot.receive({ id: `c-${++deliveries}`, name: 'issue_comment', payload: commentEvent(body, login) });
    await app.worker.drainOnce();
  }

  async function completed(id: string, workflowRunId: number, dispatchId: string) {
    await app.probot.receive({ id, name: 'workflow_run', payload: workflowRunEvent(workflowRunId, dispatchId) });
    await app.worker.drainOnce();
  }

  const paths = () => gh.requests().map((r) => `${r.method} ${r.path}`);
  const shardZip = (spec: ShardSpec, result: unknown = shardResultOf(spec, ACCURACY)) =>
    makeZip([{ name: 'steward-shard.json', data: JSON.stringify(result) }, { name: 'logs/', data: '' }, { name: 'logs/piece-0.txt', data: 'ok\n' }]);
  const uploadsOf = (specs: ShardSpec[], zipOf = (s: ShardSpec) => shardZip(s)): Upload[] =>
    specs.map((s, i) => ({ id: 800 + i + 10 * s.attempt, name: s.artifact, zip: zipOf(s) }));

  /** Scenario 1's GitHub: a writer, a same-repository PR, the config, one dispatch, then one check write: in progress. */
  async function startEval(): Promise<SentDispatch> {
    mockPermission(gh, 'Codertocat', 'write');
    mockPullOrigin(gh);
    mockConfigReads(gh);
    mockEvalCheck(gh, check, { finds: 1, creates: 1 });
    mockDefaultBranch(gh);
    mockDispatch(gh, sent, RUN_ID);
    await comment('Numbers please.\n/steward eval');
    expect(sent).toHaveLength(1);
    return sent[0]!;
  }

  it('dispatches both shards of the default suite from the default branch, and shows the check in progress', async () => {
    const dispatch = await startEval();

    // Only what the workflow_dispatch operation takes: nothing of Steward's run record rides along.
    expect(dispatch.body).toEqual({ ref: 'main', inputs: { dispatch: expect.stringMatching(/^d[a-z0-9]+$/), shards: expect.any(String) }, return_run_details: true });
    expect(dispatch.specs.map((s) => [s.shard, s.attempt, s.sha, s.pool, s.command])).toEqual([
      [0, 1, HEAD, 'gpu', COMMAND], [1, 1, HEAD, 'gpu', COMMAND],
    ]);
    // Every sample of every task is evaluated exactly once across the shards.
    const samples = dispatch.specs.flatMap((s) => s.pieces).reduce<Record<string, number>>((n, p) => ({ ...n, [p.task]: (n[p.task] ?? 0) + p.limit }), {});
    expect(samples).toEqual({ hellaswag: 1000, arc: 600, mmlu: 400 });
    // One write, after the dispatch: the check never shows a stale "queued" for shards already sent.
    expect(check.writes.map((w) => [w.name, w.status])).toEqual([['Steward / evaluation', 'in_progress']]);
    expect(check.writes[0]).toMatchObject({ head_sha: HEAD });
    expect(comments).toEqual([]);
    expect(paths()).toEqual([
      `GET ${REPO_PATH}/collaborators/Codertocat/permission`,
      `GET ${REPO_PATH}/pulls/${NUMBER}`,
      'POST /graphql', 'POST /graphql',
      `GET ${REPO_PATH}`,
      `POST ${DISPATCHES}`,
      `GET ${REPO_PATH}/commits/${HEAD}/check-runs`,
      `POST ${REPO_PATH}/check-runs`,
    ]);
  });

  it('collects the artifacts of the finished workflow run into one check and one comment with the numbers', async () => {
    const dispatch = await startEval();
    const before = gh.requestCount();
    const storage = mockArtifacts(gh, RUN_ID, uploadsOf(dispatch.specs));
    mockEvalCheck(gh, check, { finds: 1, updates: 1 });
    mockComments(gh, comments);
    await completed('wr-1', RUN_ID, dispatch.body.inputs.dispatch);

    expect(storage.isDone()).toBe(true);
    expect(paths().slice(before)).toEqual([
      `GET ${REPO_PATH}/actions/runs/${RUN_ID}/artifacts`,
      `GET ${REPO_PATH}/actions/artifacts/810/zip`,
      `GET ${REPO_PATH}/actions/artifacts/811/zip`,
      `GET ${REPO_PATH}/commits/${HEAD}/check-runs`,
      `PATCH ${REPO_PATH}/check-runs/${EVAL_CHECK_ID}`,
      `POST ${REPO_PATH}/issues/${NUMBER}/comments`,
    ]);
    const final = check.writes.at(-1) as { status: string; conclusion: string; output: { summary: string } };
    expect(final).toMatchObject({ status: 'completed', conclusion: 'neutral' });
    expect(final.output.summary).toMatch(/2 of 2 shards done/);
    expect(comments).toHaveLength(1);
    const [body] = comments;
    expect(body).toContain('<!-- steward:evaluation -->');
    expect(body).toMatch(/<!-- steward:eval-run=r[a-z0-9]+ -->/);
    for (const [task, acc] of Object.entries(ACCURACY)) {
      expect(body).toMatch(new RegExp(`\\| \`${task}\` \\| \`acc,none\` \\| — \\| ${acc.toFixed(4)} \\|`));
    }
    expect(body).toMatch(/No baseline to compare with/);
  });

  it('works a redelivered completion once, and counts a second delivery of the same run no more', async () => {
    const dispatch = await startEval();
    mockArtifacts(gh, RUN_ID, uploadsOf(dispatch.specs));
    mockEvalCheck(gh, check, { finds: 1, updates: 1 });
    mockComments(gh, comments);
    await completed('wr-1', RUN_ID, dispatch.body.inputs.dispatch);
    const after = gh.requestCount();

    await completed('wr-1', RUN_ID, dispatch.body.inputs.dispatch);
    expect(gh.requestCount()).toBe(after);
    expect(await app.store.getDelivery('wr-1')).toMatchObject({ status: 'done', attempts: 1 });

    // GitHub may send the same run again under a new delivery id: the finished run is left alone.
    await completed('wr-2', RUN_ID, dispatch.body.inputs.dispatch);
    expect(gh.requestCount()).toBe(after);
    expect(sent).toHaveLength(1);
    expect(comments).toHaveLength(1);
    expect(paths().filter((p) => p === `POST ${REPO_PATH}/issues/${NUMBER}/comments`)).toHaveLength(1);
  });

  it('answers a reader\'s /steward eval once, politely, and dispatches nothing', async () => {
    mockPermission(gh, 'octo-reader', 'read');
    mockComments(gh, comments);
    await comment('/steward eval', 'octo-reader');
    expect(comments).toEqual([expect.stringMatching(/^@octo-reader, only maintainers with write access can run `\/steward eval`\. Your access to this repository is "read"/)]);
    expect(paths()).toEqual([`GET ${REPO_PATH}/collaborators/octo-reader/permission`, `POST ${REPO_PATH}/issues/${NUMBER}/comments`]);
  });

  it('holds a fork\'s evaluation for approval, and dispatches it on a maintainer\'s /steward approve-eval', async () => {
    mockPermission(gh, 'Codertocat', 'write');
    mockPullOrigin(gh, { fork: true });
    mockConfigReads(gh);
    mockEvalCheck(gh, check, { finds: 1, creates: 1 });
    mockComments(gh, comments);
    await comment('/steward eval');

    expect(sent).toEqual([]);
    expect(check.writes).toEqual([expect.objectContaining({ name: 'Steward / evaluation', status: 'completed', conclusion: 'action_required' })]);
    expect(comments).toEqual([expect.stringMatching(/^@Codertocat, the pull request comes from a fork: a maintainer must comment `\/steward approve-eval`/)]);
    expect(paths()).not.toContain(`POST ${DISPATCHES}`);

    mockPermission(gh, 'octo-maintainer', 'maintain');
    mockPullOrigin(gh, { fork: true });
    mockEvalCheck(gh, check, { finds: 1, updates: 1 });
    mockDefaultBranch(gh);
    mockDispatch(gh, sent, RUN_ID);
    mockComments(gh, comments);
    await comment('/steward approve-eval', 'octo-maintainer');

    expect(sent).toHaveLength(1);
    expect(sent[0]!.specs.map((s) => [s.shard, s.attempt, s.sha])).toEqual([[0, 1, HEAD], [1, 1, HEAD]]);
    expect(check.writes.at(-1)).toMatchObject({ status: 'in_progress' });
    expect(comments[1]).toMatch(/^@octo-maintainer, approved by @octo-maintainer: suite "default" queued on ec26c3e/);
  });

  // Artifacts come from a workflow a pull request may change: a hostile zip fails its shard, not the App.
  const hostile: [string, (spec: ShardSpec) => Uint8Array, RegExp][] = [
    ['an entry that escapes its folder', (spec) => makeZip([{ name: '../steward-shard.json', data: JSON.stringify(shardResultOf(spec, ACCURACY)) }]), /\.\.\/steward-shard\.json/],
    ['a zip bomb', () => makeZip([{ name: 'steward-shard.json', data: new Uint8Array(21_000_000), claimedSize: 1000 }]), /zip bomb/],
  ];

  it.each(hostile)('counts a shard whose artifact holds %s as failed, keeps working, and dispatches attempt 2', async (_what, zipOf, why) => {
    const dispatch = await startEval();
    const [first, second] = dispatch.specs as [ShardSpec, ShardSpec];
    const evil = zipOf(second);
    mockArtifacts(gh, RUN_ID, uploadsOf(dispatch.specs, (s) => (s === second ? evil : shardZip(s))));
    mockDefaultBranch(gh);
    mockDispatch(gh, sent, RUN_ID + 1);
    mockEvalCheck(gh, check, { finds: 1, updates: 1 });
    await completed('wr-1', RUN_ID, dispatch.body.inputs.dispatch);

    expect(await app.store.getDelivery('wr-1')).toMatchObject({ status: 'done' });
    expect(sent).toHaveLength(2);
    expect(sent[1]!.specs.map((s) => [s.shard, s.attempt, s.sha])).toEqual([[second.shard, 2, HEAD]]);
    expect(sent[1]!.specs[0]!.pieces).toEqual(second.pieces);
    const attempts = await app.store.listAttempts(first.run);
    expect(attempts.find((a) => a.shard === second.shard && a.attempt === 1)).toMatchObject({
      status: 'failed', error: expect.stringContaining(`artifact ${second.artifact} refused: `),
    });
    expect(attempts.find((a) => a.shard === second.shard && a.attempt === 1)?.error).toMatch(why);
    expect(attempts.find((a) => a.shard === first.shard && a.attempt === 1)).toMatchObject({ status: 'succeeded' });
    expect(check.writes.at(-1)).toMatchObject({ status: 'in_progress' });
  });
});
