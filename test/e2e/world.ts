/**
 * The stand-in's GitHub for the scenarios: Codertocat/Hello-World (default branch master, as in
 * GitHub's webhook examples) with pull request #2 at a given head, the one the payloads of
 * github-events.ts name. A card under models/ makes the `Steward / model cards` check run too.
 */
import type { Standin } from '../standin/index.js';
import { E2E_OWNER, E2E_PULL, E2E_REPO } from './github-events.js';

export const STYLE_CHECK = 'Steward / style';
export const CARD_CHECK = 'Steward / model cards';
export const CARD = '---\nlanguage: en\nlicense: cc-by-sa 4.0\n---\n# Bert\n';
export const EVAL_CHECK = 'Steward / evaluation';

/** `.github/steward.yml` where a change under models/ starts the default suite: two shards on one pool, no runner reads. */
export const EVAL_CONFIG = `evaluation:
  strategy: round-robin
  triggers: { paths: ["models/**"] }
  pools:
    - { name: gpu, runs-on: [self-hosted, gpu], capacity: 4 }
  suites:
    default:
      shards: 2
      command: "lm_eval --tasks {task} --model_args pretrained={model} --offset {offset} --limit {limit} --output_path {output}"
      tasks:
        - { name: hellaswag, cost: 1000 }
        - { name: arc, cost: 600 }
`;

export interface PullSeed {
  headSha: string;
  title?: string;
  /** Files the pull request changes, at its head. */
  headFiles?: Record<string, string>;
}

export function seedRepository(standin: Standin): void {
  standin.seed.repository({ owner: E2E_OWNER, name: E2E_REPO, defaultBranch: 'master', files: { 'models/bert/README.md': '# Bert\n' } });
}

/** Seeds (or moves: a new head is a push) pull request #2. */
export function seedPull(standin: Standin, seed: PullSeed): void {
  standin.seed.pullRequest({
    owner: E2E_OWNER, repo: E2E_REPO, number: E2E_PULL, headSha: seed.headSha, title: seed.title ?? 'feat: add bert',
    headFiles: seed.headFiles ?? { 'src/train.py': 'print("train")\n' },
  });
}

/** `name@sha` of every check run created on the stand-in, sorted. */
export function checkCreations(standin: Standin): string[] {
  return standin.state.checkRuns.map((run) => `${run.name}@${run.head_sha}`).sort();
}

export function checksCompleted(standin: Standin, sha: string, names: string[]): () => boolean {
  return () => names.every((name) => standin.state.checkRuns.some((run) => run.head_sha === sha && run.name === name && run.status === 'completed'));
}

/** How many times the App read the pull request: once per processed delivery. */
export function pullReads(standin: Standin): number {
  return standin.requests().filter((r) => r.operation === 'StewardPullRequest').length;
}

/** Log lines at warn level or above (pino: 40+): what an operator would be alarmed by. */
export function loggedProblems(...apps: { logs(): string[] }[]): string[] {
  return apps.flatMap((app) => app.logs()).filter((line) => /"level":(4|5|6)0\b/.test(line));
}
