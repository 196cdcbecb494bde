/**
 * Which deliveries lead to work (pure). Runs when a delivery arrives, so the queue holds only work,
 * and again when the worker takes it. Returns null for work, or why the delivery is skipped.
 */
import { EVAL_CHECK_NAME } from '../../report/eval-report.js';
import { MODEL_CARD_CHECK_NAME } from '../../report/model-card-check-run.js';
import { parseCommands } from './parse-commands.js';
import { field, integer, text } from './payload.js';

export const PULL_REQUEST_ACTIONS = [
  'opened', 'edited', 'synchronize', 'reopened', 'ready_for_review', 'labeled', 'unlabeled', 'converted_to_draft', 'closed',
] as const;

/** The evaluation workflow's name as `steward init` writes it; jobs of other workflows free no Steward capacity. */
export const EVAL_WORKFLOW_NAME = 'Steward evaluation';

/** Every event the worker handles, as Probot names them. */
export const WORK_EVENTS = [
  ...PULL_REQUEST_ACTIONS.map((a) => `pull_request.${a}` as const),
  'check_suite.requested',
  'check_suite.rerequested',
  'check_run.rerequested',
  'check_run.requested_action',
  'issue_comment.created',
  'pull_request_review.submitted',
  'workflow_run.completed',
  'workflow_job.completed',
  'push',
] as const;

/** The buttons Steward's checks carry: re-run a check; approve or re-run an evaluation. */
const REQUESTED_ACTIONS: ReadonlySet<string> = new Set(['rerun', 'approve-eval', 'rerun-eval']);

export interface Identity {
  checkName: string;
  /** Our GitHub App id, to ignore check runs of other apps that share the name. */
  appId: number | null;
}

export function selectWork(name: string, payload: unknown, me: Identity): string | null {
  const action = text(payload, 'action');
  if (name === 'push') return selectPush(payload);
  if (!WORK_EVENTS.some((e) => e === `${name}.${action}`)) return `${name}.${action ?? '?'} is not handled`;
  switch (name) {
    case 'workflow_run':
      // Steward dispatches its workflow; other runs carry none of its shards.
      return text(payload, 'workflow_run', 'event') === 'workflow_dispatch' ? null : 'not a dispatched workflow run';
    case 'workflow_job':
      return text(payload, 'workflow_job', 'workflow_name') === EVAL_WORKFLOW_NAME ? null : 'not a job of the evaluation workflow';
    case 'pull_request':
      return action === 'edited' && !editChangesResult(payload) ? 'the edit did not change the title, body or base' : null;
    case 'check_run':
      return selectCheckRun(payload, me);
    case 'issue_comment':
      if (!field(payload, 'issue', 'pull_request') && !parseCommands(text(payload, 'comment', 'body')).some((c) => c.kind === 'reconcile')) {
        return 'the comment is on an issue, not a pull request, and asks no /steward reconcile';
      }
      return selectCommand(payload, text(payload, 'comment', 'body'));
    case 'pull_request_review':
      return selectCommand(payload, text(payload, 'review', 'body'));
    default:
      return null;
  }
}

function selectPush(payload: unknown): string | null {
  const branch = text(payload, 'repository', 'default_branch');
  if (!branch || text(payload, 'ref') !== `refs/heads/${branch}`) return 'not a push to the default branch';
  return field(payload, 'deleted') === true ? 'the branch was deleted' : null;
}

function editChangesResult(payload: unknown): boolean {
  return ['title', 'body', 'base'].some((key) => field(payload, 'changes', key) !== undefined);
}

function selectCheckRun(payload: unknown, me: Identity): string | null {
  // Both of Steward's checks re-run both: they share one load of the pull request.
  const name = text(payload, 'check_run', 'name');
  if (name !== me.checkName && name !== MODEL_CARD_CHECK_NAME && name !== EVAL_CHECK_NAME) return 'the check run is not ours';
  const appId = integer(payload, 'check_run', 'app', 'id');
  if (me.appId !== null && appId !== null && appId !== me.appId) return 'the check run belongs to another app';
  const identifier = text(payload, 'requested_action', 'identifier');
  if (text(payload, 'action') === 'requested_action' && !REQUESTED_ACTIONS.has(identifier ?? '')) {
    return `the requested action "${identifier ?? '?'}" is not Steward's`;
  }
  return null;
}

function selectCommand(payload: unknown, body: string | null): string | null {
  // Bots never command Steward; answering them could start a loop of replies.
  if (text(payload, 'sender', 'type') === 'Bot') return 'the author is a bot';
  return parseCommands(body).length ? null : 'no /steward command';
}
