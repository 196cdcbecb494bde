/**
 * The stand-in's GitHub for evaluation scenarios: Codertocat/Hello-World with an `evaluation`
 * section on its default branch (two pools of one runner each, three shards, one retry), the
 * workflow `steward init` writes (its run-name carries the dispatch id), pull request #2 and a
 * maintainer with write access; plus the webhooks GitHub sends and the runners' side (complete a
 * dispatched run with one valid `steward-shard.json` artifact per shard).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ShardSpec } from '../../src/engines/eval/shard-types.js';
import { completeWorkflowRun, type Standin } from '../standin/index.js';
import type { DispatchState } from '../standin/state.js';
import { makeZip } from '../support/make-zip.js';
import { loadWebhookExample } from '../support/webhook-payloads.js';
import { shardResultOf } from '../workflows/evaluation/eval-world.js';
import { ROOT } from './build-serve.js';
import { E2E_INSTALLATION_ID, E2E_OWNER, E2E_PULL, E2E_REPO, pullRequestEvent } from './github-events.js';
import { EVAL_CHECK, seedPull } from './world.js';

export { EVAL_CHECK };
export const DISPATCH_ROUTE = '/repos/{owner}/{repo}/actions/workflows/{workflow_id}/dispatches';
export const MAINTAINER = 'Codertocat';
export const EVAL_MARKER = '<!-- steward:evaluation -->';
export const ACCURACY: Record<string, number> = { hellaswag: 0.62, arc: 0.48, mmlu: 0.41, gsm8k: 0.33, winogrande: 0.7 };

const COMMAND = 'lm_eval --tasks {task} --model_args pretrained={model} --offset {offset} --limit {limit} --output_path {output}';
// One runner per pool: two shards go out at once, the third waits for a free runner.
export const EVAL_CONFIG = `evaluation:
  strategy: round-robin
  retries: 1
  pools:
    - { name: gpu, runs-on: [self-hosted, gpu], capacity: 1 }
    - { name: cpu, runs-on: [ubuntu-latest], capacity: 1 }
  suites:
    default:
      shards: 3
      command: "${COMMAND}"
      tasks:
${Object.keys(ACCURACY).map((task, i) => `        - { name: ${task}, cost: ${1000 - 150 * i} }`).join('\n')}
`;

export function seedEvaluationWorld(standin: Standin, headSha: string): void {
  standin.seed.repository({
    owner: E2E_OWNER, name: E2E_REPO, defaultBranch: 'master', permissions: { [MAINTAINER]: 'write' },
    files: {
      '.github/steward.yml': EVAL_CONFIG,
      '.github/workflows/steward-eval.yml': readFileSync(join(ROOT, 'templates/steward-eval.yml'), 'utf8'),
      'models/bert/README.md': '# Bert\n',
    },
  });
  seedPull(standin, { headSha, title: 'feat: tune bert' });
}

function repositoryAndInstallation(): Record<string, unknown> {
  const repository = pullRequestEvent('opened', { headSha: '0'.repeat(40) }).repository;
  return { repository, installation: { id: E2E_INSTALLATION_ID, node_id: 'MDIzOkludGVncmF0aW9uSW5zdGFsbGF0aW9uMQ==' } };
}

/** issue_comment.created on pull request #2 by `login`. */
export function commentEvent(body: string, login = MAINTAINER): Record<string, unknown> {
  const payload = loadWebhookExample('issue_comment', 'created', { index: 3 });
  payload.issue.number = E2E_PULL;
  payload.issue.pull_request = { url: `https://api.github.com/repos/${E2E_OWNER}/${E2E_REPO}/pulls/${E2E_PULL}` };
  payload.comment.body = body;
  payload.comment.user.login = login;
  payload.sender.login = login;
  return Object.assign(payload, repositoryAndInstallation());
}

/** workflow_run.completed of the evaluation workflow, for the stand-in's run `runId`. */
export function workflowRunCompleted(standin: Standin, runId: number): Record<string, unknown> {
  const run = standin.state.runs.find((r) => r.id === runId)!;
  const payload = loadWebhookExample('workflow_run', 'completed');
  Object.assign(payload.workflow_run, {
    id: run.id, event: 'workflow_dispatch', status: 'completed', conclusion: run.conclusion, name: 'Steward evaluation',
    display_title: run.displayTitle, path: '.github/workflows/steward-eval.yml', head_sha: run.headSha,
    run_started_at: run.created_at, updated_at: run.updated_at ?? run.created_at,
  });
  return Object.assign(payload, repositoryAndInstallation());
}

export const specsOf = (dispatch: DispatchState): ShardSpec[] => JSON.parse(String(dispatch.inputs.shards)) as ShardSpec[];

/** `shard/attempt` of every shard the stand-in received a dispatch for, in order (a duplicate shows twice). */
export function dispatchedShards(standin: Standin): string[] {
  return standin.state.dispatches.flatMap((d) => specsOf(d).map((s) => `${s.shard}/${s.attempt}`));
}

/** The runners' side: each dispatch's queued run completes, each shard uploading a valid result. */
export function completeDispatchedRuns(standin: Standin): number[] {
  const done: number[] = [];
  standin.state.dispatches.forEach((dispatch, i) => {
    const run = standin.state.runs.filter((r) => r.workflowId === dispatch.workflowId)[i];
    if (!run || run.status === 'completed') return;
    const artifacts = specsOf(dispatch).map((spec) => ({
      name: spec.artifact,
      zip: makeZip([{ name: 'steward-shard.json', data: JSON.stringify(shardResultOf(spec, ACCURACY)) }, { name: 'logs/', data: '' }, { name: 'logs/piece-0.txt', data: 'ok\n' }]),
    }));
    completeWorkflowRun(standin.state, run.id, { conclusion: 'success', artifacts });
    done.push(run.id);
  });
  return done;
}

export function evalCheck(standin: Standin, headSha: string) {
  return standin.state.checkRuns.filter((r) => r.name === EVAL_CHECK && r.head_sha === headSha);
}
