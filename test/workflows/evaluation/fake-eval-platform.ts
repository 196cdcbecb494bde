/**
 * A fake GitHub for the evaluation use-cases: config files, check runs, comments, workflow
 * dispatches (each starts a workflow run the test completes), artifacts and runners, in memory.
 */
import type {
  ArtifactFile, ArtifactInfo, CheckPlan, ExistingCheck, PublishResult, PullRequestOrigin, Runner, WorkflowDispatch, WorkflowRunInfo,
} from '../../../src/platform/port.js';
import type { ShardSpec } from '../../../src/engines/eval/shard-types.js';
import type { EvalPlatformAll } from '../../../src/workflows/evaluation/eval-deps.js';

export interface FakeWorkflowRun extends WorkflowRunInfo {
  dispatch: string;
  shards: ShardSpec[];
  artifacts: { info: ArtifactInfo; files: ArtifactFile[] }[];
  cancelled: boolean;
}

export interface FakeEvalPlatform extends EvalPlatformAll {
  files: Map<string, string>;
  checks: Map<number, { plan: CheckPlan; sha: string }>;
  comments: Map<number, string>;
  runs: FakeWorkflowRun[];
  runners: Runner[] | null;
  origin: PullRequestOrigin;
  /** Next dispatch answers: 'details' (return_run_details), 'no-details' (204), or an error to throw. */
  dispatchMode: 'details' | 'no-details' | Error;
  calls: string[];
}

let nextId = 1000;

export function createFakeEvalPlatform(config: string, options: { origin?: Partial<PullRequestOrigin> } = {}): FakeEvalPlatform {
  const p: FakeEvalPlatform = {
    capabilities: { checks: true, comments: true, identity: true },
    files: new Map([['o/r:.github/steward.yml', config]]),
    checks: new Map(), comments: new Map(), runs: [], runners: null, calls: [],
    origin: { headSha: 'a'.repeat(40), headRef: 'feature', fromFork: false, open: true, ...options.origin },
    dispatchMode: 'details',
    async readFile(repository, path) {
      const text = p.files.get(`${repository}:${path}`);
      return text === undefined ? null : { origin: `${repository}:${path}`, path, text };
    },
    async loadPullRequest() { throw new Error('not used'); },
    async isOrgMember() { return false; },
    async permissionOf() { return { level: 'write', role: 'write' }; },
    async pullRequestsForCommit() { return []; },
    async pullRequestHead() { return p.origin.headSha; },
    async pullRequestOrigin() { return p.origin; },
    async readFiles() { return []; },
    async findCheck(_repo, sha, name): Promise<ExistingCheck | null> {
      const found = [...p.checks.entries()].reverse().find(([, c]) => c.sha === sha && c.plan.name === name);
      return found ? { id: found[0], status: found[1].plan.status ?? 'completed', fingerprint: found[1].plan.fingerprint } : null;
    },
    async publishCheck(_repo, plan, existing): Promise<PublishResult> {
      if (existing && existing.fingerprint === plan.fingerprint) return { checkId: existing.id, written: false, requests: 0 };
      const id = existing?.id ?? nextId++;
      p.checks.set(id, { plan, sha: plan.headSha });
      p.calls.push(`check ${plan.status ?? plan.conclusion}`);
      return { checkId: id, written: true, requests: 1 };
    },
    async comment(_repo, _n, body) { p.comments.set(nextId++, body); },
    async listRunners() { return p.runners; },
    async dispatchWorkflow(_repo, d: WorkflowDispatch) {
      p.calls.push(`dispatch ${d.workflow}@${d.ref}`);
      if (p.dispatchMode instanceof Error) throw p.dispatchMode;
      const id = nextId++;
      p.runs.push({
        id, displayTitle: `Steward evaluation ${d.inputs.dispatch}`, status: 'in_progress', conclusion: null, headSha: '', minutes: 0,
        dispatch: d.inputs.dispatch!, shards: JSON.parse(d.inputs.shards!) as ShardSpec[], artifacts: [], cancelled: false,
      });
      return { workflowRunId: p.dispatchMode === 'details' ? id : null };
    },
    async listWorkflowRuns() { return [...p.runs].reverse(); },
    async getWorkflowRun(_repo, id) {
      const run = p.runs.find((r) => r.id === id);
      if (!run) throw new Error(`no workflow run ${id}`);
      return run;
    },
    async listRunArtifacts(_repo, id) { return p.runs.find((r) => r.id === id)?.artifacts.map((a) => a.info) ?? []; },
    async downloadArtifactFiles(_repo, artifactId) {
      for (const run of p.runs) for (const a of run.artifacts) if (a.info.id === artifactId) return a.files;
      throw new Error(`no artifact ${artifactId}`);
    },
    async cancelWorkflowRun(_repo, id) {
      p.calls.push(`cancel ${id}`);
      const run = p.runs.find((r) => r.id === id);
      if (run) run.cancelled = true;
    },
    async upsertComment(_repo, _n, body, existing) {
      const id = existing !== null && p.comments.has(existing) ? existing : nextId++;
      p.comments.set(id, body);
      p.calls.push(existing === id ? 'comment edit' : 'comment create');
      return id;
    },
    async defaultBranch() { return 'main'; },
  };
  return p;
}
