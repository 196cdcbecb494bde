/** check_run.rerequested and the "Re-run" requested action: check the pull request again. */
import { checkNamedPullRequests } from './check-suite.js';
import type { DeliveryHandler } from '../types.js';

export const handleCheckRun: DeliveryHandler = (payload, ctx) => checkNamedPullRequests(payload, 'check_run', ctx);
