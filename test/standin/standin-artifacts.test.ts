/**
 * Workflow runs that finish with artifacts, through a real @octokit/rest client: the run-name the
 * workflow file gives a dispatch, the artifact list, and the download as GitHub serves it (302 to
 * storage, which serves the zip without a token), 410 once expired.
 */
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import type { Octokit } from '@octokit/rest';
import { makeZip } from '../support/make-zip.js';
import { completeWorkflowRun, restClient, startStandin, type Standin } from './index.js';

const WORKFLOW = 'name: Steward evaluation\nrun-name: Steward evaluation ${{ inputs.dispatch }}\non: workflow_dispatch\n';
let gh: Standin;
let octokit: Octokit;

beforeEach(async () => {
  gh = await startStandin({ appId: 123 });
  gh.seed.repository({ owner: 'acme', name: 'models', files: { '.github/workflows/eval.yml': WORKFLOW } });
  octokit = restClient(gh);
});
afterEach(async () => gh.close());

async function dispatchRun(dispatch: string): Promise<number> {
  const answer = await octokit.request('POST /repos/{owner}/{repo}/actions/workflows/{workflow_id}/dispatches', {
    owner: 'acme', repo: 'models', workflow_id: 'eval.yml', ref: 'main', inputs: { dispatch }, return_run_details: true,
  });
  return (answer.data as { workflow_run_id: number }).workflow_run_id;
}

describe('the GitHub stand-in\'s finished workflow runs and artifacts', () => {
  it('titles a dispatched run by its run-name, and shows it completed once the runners are done', async () => {
    const id = await dispatchRun('dabc123');
    expect((await octokit.rest.actions.getWorkflowRun({ owner: 'acme', repo: 'models', run_id: id })).data)
      .toMatchObject({ display_title: 'Steward evaluation dabc123', status: 'queued', conclusion: null });
    completeWorkflowRun(gh.state, id, { conclusion: 'failure' });
    const listed = await octokit.rest.actions.listWorkflowRuns({ owner: 'acme', repo: 'models', workflow_id: 'eval.yml' });
    expect(listed.data.workflow_runs.map((r) => [r.id, r.status, r.conclusion])).toEqual([[id, 'completed', 'failure']]);
    expect(gh.violations()).toEqual([]);
  });

  it('lists a run\'s artifacts and downloads one through the redirect to storage; an expired one is 410', async () => {
    const id = await dispatchRun('d1');
    const zip = makeZip([{ name: 'steward-shard.json', data: '{"ok":true}' }]);
    completeWorkflowRun(gh.state, id, { artifacts: [{ name: 'steward-r1-0-1', zip }, { name: 'old', zip, expired: true }] });
    const { data } = await octokit.rest.actions.listWorkflowRunArtifacts({ owner: 'acme', repo: 'models', run_id: id });
    expect(data.artifacts.map((a) => [a.name, a.size_in_bytes, a.expired])).toEqual([['steward-r1-0-1', zip.byteLength, false], ['old', zip.byteLength, true]]);
    const [live, old] = [data.artifacts[0]!, data.artifacts[1]!];
    const download = await octokit.rest.actions.downloadArtifact({ owner: 'acme', repo: 'models', artifact_id: live.id, archive_format: 'zip' });
    expect(new Uint8Array(download.data as ArrayBuffer)).toEqual(zip);
    await expect(octokit.rest.actions.downloadArtifact({ owner: 'acme', repo: 'models', artifact_id: old.id, archive_format: 'zip' })).rejects.toMatchObject({ status: 410 });
    // Storage is not GitHub's API: the redirect is recorded, the blob fetch is not.
    expect(gh.requests().filter((r) => r.route.includes('artifacts')).map((r) => r.status)).toEqual([200, 302, 410]);
    expect(gh.violations()).toEqual([]);
  });

  it('answers a download of an artifact it never had with 404', async () => {
    await expect(octokit.rest.actions.downloadArtifact({ owner: 'acme', repo: 'models', artifact_id: 99, archive_format: 'zip' })).rejects.toMatchObject({ status: 404 });
  });
});
