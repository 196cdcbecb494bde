/** The GitHub stand-in for whole-process tests; see server.ts for the API. */
export { startStandin, type Standin, type StandinOptions } from './server.js';
export { restClient } from './client.js';
export { ANSWERED_OPERATIONS } from './graphql.js';
export type { AuthKind, FaultReply, FaultRule, RecordedRequest, SeedPullRequest, SeedRepository, SeedWorkflowRun, Violation } from './types.js';
export { completeWorkflowRun, type Upload } from './rest-artifacts.js';
