/** The worker's handlers, by event name. */
import type { DeliveryHandler } from '../types.js';
import { handleCheckRun } from './check-run.js';
import { handleCheckSuite } from './check-suite.js';
import { handleIssueComment, handleReview } from './commands.js';
import { handlePullRequest } from './pull-request.js';
import { handlePush } from './push.js';
import { handleWorkflowJob, handleWorkflowRun } from './workflow-run.js';

export function createHandlers(): Record<string, DeliveryHandler> {
  return {
    pull_request: handlePullRequest,
    check_suite: handleCheckSuite,
    check_run: handleCheckRun,
    issue_comment: handleIssueComment,
    pull_request_review: handleReview,
    workflow_run: handleWorkflowRun,
    workflow_job: handleWorkflowJob,
    push: handlePush,
  };
}
