/**
 * Hostile input, issue 6: evaluation artifacts come from a workflow a pull request may change. On
 * the real `steward serve` process (artifacts downloaded from the stand-in as GitHub serves them: 302
 * to storage), a run whose two shards upload a zip with an entry escaping its folder
 * (`../steward-shard.json`) and a zip bomb (21 MB of zeros claiming 1,000 bytes): both shards are
 * refused with the reason (one warn line each) and retried; the retry of the bomb is a bomb again,
 * so that shard fails for good and the completed check names the zip bomb; the process keeps answering.
 */
import { describe, expect, it } from '@jest/globals';
import { completeWorkflowRun } from '../standin/index.js';
import { makeZip } from '../support/make-zip.js';
import { shardResultOf } from '../workflows/evaluation/eval-world.js';
import { useServeWorld } from './serve-world.js';
import type { ShardSpec } from '../../src/engines/eval/shard-types.js';
import { ACCURACY, commentEvent, dispatchedShards, evalCheck, seedEvaluationWorld, specsOf, workflowRunCompleted } from './evaluation-world.js';
import { alarmingLines } from './hostile-world.js';
import { waitFor, waitForQuiet } from './wait.js';

const HEAD = 'a7'.repeat(20);

const world = useServeWorld((standin) => {
  seedEvaluationWorld(standin, HEAD);
});

type ZipOf = (spec: ShardSpec) => Uint8Array;
const valid: ZipOf = (spec) => makeZip([{ name: 'steward-shard.json', data: JSON.stringify(shardResultOf(spec, ACCURACY)) }]);
const escaping: ZipOf = (spec) => makeZip([{ name: '../steward-shard.json', data: JSON.stringify(shardResultOf(spec, ACCURACY)) }]);
const bomb: ZipOf = () => makeZip([{ name: 'steward-shard.json', data: new Uint8Array(21_000_000), claimedSize: 1000 }]);

/** The runners' side of dispatch `i`: its run completes, each shard uploading what `zipFor` makes; then GitHub's webhook. */
async function finishDispatch(i: number, zipFor: (spec: ShardSpec) => ZipOf): Promise<void> {
  await waitFor(() => world.standin.state.dispatches.length > i, 30_000, world.standin);
  const run = world.standin.state.runs[i]!;
  const artifacts = specsOf(world.standin.state.dispatches[i]!).map((spec) => ({ name: spec.artifact, zip: zipFor(spec)(spec) }));
  completeWorkflowRun(world.standin.state, run.id, { conclusion: 'success', artifacts });
  expect(await world.app.sendWebhook('workflow_run', workflowRunCompleted(world.standin, run.id), { id: `wr-${i}` })).toBe(200);
}

const REFUSALS = [/Refused artifact steward-\w+-0-1 of run \w+: The artifact holds an entry named \\"\.\.\/steward-shard\.json\\"/, /Refused artifact steward-\w+-1-[12] of run \w+: \\"steward-shard\.json\\" in the artifact unpacks to more than 20000000 bytes[^"]*\(a zip bomb\)/];

describe('hostile evaluation artifacts (real process)', () => {
  it('a path-traversal zip and a zip bomb fail their shards with the reason and are retried; a second bomb fails the shard for good, and the check says why', async () => {
    expect(await world.app.sendWebhook('issue_comment', commentEvent('/steward eval'), { id: 'eval-1' })).toBe(200);
    // Shard 0 escapes its folder, shard 1 is a bomb; the retry of 0 is clean, the retry of 1 a bomb again.
    await finishDispatch(0, (spec) => (spec.shard === 0 ? escaping : bomb));
    await finishDispatch(1, (spec) => (spec.shard === 1 ? bomb : valid));
    await finishDispatch(2, (spec) => (spec.shard === 1 ? bomb : valid));
    await waitFor(() => evalCheck(world.standin, HEAD).some((r) => r.status === 'completed'), 30_000, world.standin);
    await waitForQuiet(world.standin, 2_000);

    const checks = evalCheck(world.standin, HEAD);
    expect(checks).toHaveLength(1);
    expect(checks[0]).toMatchObject({ status: 'completed', conclusion: 'neutral', output: { title: 'No baseline to compare with (partial results)' } });
    expect(checks[0]!.output.summary).toContain('completed, 2 of 3 shards done, 1 failed.');
    expect(checks[0]!.output.summary).toMatch(/- shard 1, `\w+` samples [\d–]+: `artifact steward-\w+-1-2 refused: [^`]*\(a zip bomb\); Steward stopped inflating it\.`/);
    // The escaping zip of shard 0 was refused, its clean retry counted: its tasks have numbers.
    expect(checks[0]!.output.summary).not.toMatch(/shard 0/);
    expect(world.standin.state.comments.map((c) => c.body.split('\n')[0])).toEqual(['<!-- steward:evaluation -->']);
    expect(dispatchedShards(world.standin).sort()).toEqual(['0/1', '0/2', '1/1', '1/2', '2/1']);
    expect(world.standin.violations()).toEqual([]);
    expect((await fetch(new URL('/ping', world.app.url))).status).toBe(200);
    expect(alarmingLines(world.app.logs(), REFUSALS)).toEqual([]);
  }, 80_000);
});
