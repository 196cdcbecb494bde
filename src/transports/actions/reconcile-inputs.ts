/** The `with:` inputs of actions/reconcile. */
import { DEFAULT_CONFIG, getInput, InputError, oneOf } from './read-inputs.js';

type Env = Readonly<Record<string, string | undefined>>;

export interface ReconcileInputs {
  token: string;
  config: string;
  /** Where registry.json is written in the workspace; null: not written. */
  registryFile: string | null;
  /** Where the Markdown report is written; null: only the job summary. */
  reportFile: string | null;
  updateIssue: boolean;
  proposeRegistry: boolean;
  failOn: 'conflict' | 'never';
  /** "owner/repo": upstream; the workflow's own repository by default. */
  repository: string;
}

export function readReconcileInputs(env: Env): ReconcileInputs {
  const token = getInput(env, 'token');
  if (!token) throw new InputError('Input "token" is empty; pass `token: ${{ github.token }}` (the default) or a token that can read the forks.');
  const repository = getInput(env, 'repository') || env.GITHUB_REPOSITORY || '';
  if (!/^[\w.-]+\/[\w.-]+$/.test(repository)) throw new InputError(`Input "repository" is "${repository}"; use owner/repo.`);
  return {
    token, repository,
    config: getInput(env, 'config') || DEFAULT_CONFIG,
    registryFile: optionalPath(getInput(env, 'registry-file'), 'registry.json'),
    reportFile: optionalPath(getInput(env, 'report-file'), ''),
    updateIssue: flag(env, 'update-issue'),
    proposeRegistry: flag(env, 'propose-registry'),
    failOn: oneOf(env, 'fail-on', ['conflict', 'never'], 'never'),
  };
}

/** Empty means the default; "false" or "none" means not at all. */
function optionalPath(value: string, fallback: string): string | null {
  if (['false', 'none'].includes(value.toLowerCase())) return null;
  return value || fallback || null;
}

function flag(env: Env, name: string): boolean {
  return oneOf(env, name, ['true', 'false'], 'false') === 'true';
}
