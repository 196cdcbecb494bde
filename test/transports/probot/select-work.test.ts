import { describe, expect, it } from '@jest/globals';
import { selectWork } from '../../../src/transports/probot/select-work.js';
import { loadWebhookExample } from '../../support/webhook-payloads.js';

const me = { checkName: 'Steward / style', appId: 123 };

describe('selectWork', () => {
  it.each(['opened', 'synchronize', 'reopened', 'labeled', 'unlabeled', 'ready_for_review', 'converted_to_draft'])(
    'works pull_request.%s',
    (action) => {
      expect(selectWork('pull_request', loadWebhookExample('pull_request', 'opened', { as: action }), me)).toBeNull();
    },
  );

  it('works an edit of the title, body or base, and skips other edits', () => {
    const edit = (changes: object) => ({ ...loadWebhookExample('pull_request', 'opened', { as: 'edited' }), changes });
    expect(selectWork('pull_request', edit({ title: { from: 'old' } }), me)).toBeNull();
    expect(selectWork('pull_request', edit({ base: { ref: { from: 'dev' } } }), me)).toBeNull();
    expect(selectWork('pull_request', edit({}), me)).toMatch(/did not change/);
  });

  it('skips pull_request actions that change nothing Steward checks, and works a close (its evaluations stop)', () => {
    expect(selectWork('pull_request', loadWebhookExample('pull_request', 'opened', { as: 'assigned' }), me)).toMatch(/not handled/);
    expect(selectWork('pull_request', loadWebhookExample('pull_request', 'closed'), me)).toBeNull();
  });

  it('works completed runs of dispatched workflows and jobs of the evaluation workflow only', () => {
    const run = loadWebhookExample('workflow_run', 'completed');
    expect(selectWork('workflow_run', { ...run, workflow_run: { ...run.workflow_run, event: 'workflow_dispatch' } }, me)).toBeNull();
    expect(selectWork('workflow_run', { ...run, workflow_run: { ...run.workflow_run, event: 'push' } }, me)).toMatch(/not a dispatched/);
    expect(selectWork('workflow_run', { ...run, action: 'requested' }, me)).toMatch(/not handled/);
    const job = loadWebhookExample('workflow_job', 'completed');
    expect(selectWork('workflow_job', { ...job, workflow_job: { ...job.workflow_job, workflow_name: 'Steward evaluation' } }, me)).toBeNull();
    expect(selectWork('workflow_job', { ...job, workflow_job: { ...job.workflow_job, workflow_name: 'CI' } }, me)).toMatch(/not a job/);
  });

  it('works pushes to the default branch only', () => {
    const push = loadWebhookExample('push');
    const branch = push.repository.default_branch;
    expect(selectWork('push', { ...push, ref: `refs/heads/${branch}`, deleted: false }, me)).toBeNull();
    expect(selectWork('push', { ...push, ref: 'refs/heads/feature', deleted: false }, me)).toMatch(/not a push to the default branch/);
    expect(selectWork('push', { ...push, ref: `refs/heads/${branch}`, deleted: true }, me)).toMatch(/deleted/);
  });

  it('works re-runs of our check run only', () => {
    const ours = loadWebhookExample('check_run', 'rerequested');
    ours.check_run.name = 'Steward / style';
    ours.check_run.app.id = 123;
    expect(selectWork('check_run', ours, me)).toBeNull();
    expect(selectWork('check_run', { ...ours, check_run: { ...ours.check_run, name: 'ci / build' } }, me)).toMatch(/not ours/);
    // The model-card check re-runs too (both checks share one load of the pull request).
    expect(selectWork('check_run', { ...ours, check_run: { ...ours.check_run, name: 'Steward / model cards' } }, me)).toBeNull();
    expect(selectWork('check_run', { ...ours, check_run: { ...ours.check_run, app: { id: 9 } } }, me)).toMatch(/another app/);
  });

  it('works Steward\'s requested actions and no other', () => {
    const action = loadWebhookExample('check_run', 'requested_action');
    action.check_run.name = 'Steward / style';
    action.check_run.app.id = 123;
    action.requested_action = { identifier: 'rerun' };
    expect(selectWork('check_run', action, me)).toBeNull();
    expect(selectWork('check_run', { ...action, requested_action: { identifier: 'fix' } }, me)).toMatch(/"fix" is not Steward's/);
    const evaluation = { ...action, check_run: { ...action.check_run, name: 'Steward / evaluation' } };
    expect(selectWork('check_run', { ...evaluation, requested_action: { identifier: 'approve-eval' } }, me)).toBeNull();
    expect(selectWork('check_run', { ...evaluation, requested_action: { identifier: 'rerun-eval' } }, me)).toBeNull();
  });

  it('works PR comments with a command from people, not from bots or on issues', () => {
    const comment = loadWebhookExample('issue_comment', 'created');
    comment.issue.pull_request = { url: 'https://api.github.com/repos/o/r/pulls/1' };
    comment.comment.body = '/steward recheck';
    expect(selectWork('issue_comment', comment, me)).toBeNull();
    expect(selectWork('issue_comment', { ...comment, sender: { ...comment.sender, type: 'Bot' } }, me)).toMatch(/bot/);
    expect(selectWork('issue_comment', { ...comment, comment: { ...comment.comment, body: 'LGTM' } }, me)).toMatch(/no \/steward command/);
    const onIssue = { ...comment, issue: { ...comment.issue } };
    delete onIssue.issue.pull_request;
    expect(selectWork('issue_comment', onIssue, me)).toMatch(/not a pull request/);
    const reconcileOnIssue = { ...onIssue, comment: { ...onIssue.comment, body: 'Please refresh the registry\n/steward reconcile' } };
    expect(selectWork('issue_comment', reconcileOnIssue, me)).toBeNull();
    expect(selectWork('issue_comment', { ...reconcileOnIssue, sender: { ...comment.sender, type: 'Bot' } }, me)).toMatch(/bot/);
  });

  it('survives payloads with missing fields', () => {
    expect(selectWork('check_run', { action: 'rerequested' }, me)).toMatch(/not ours/);
    expect(selectWork('issue_comment', { action: 'created' }, me)).toMatch(/not a pull request/);
    expect(selectWork('pull_request', null, me)).toMatch(/not handled/);
  });
});
