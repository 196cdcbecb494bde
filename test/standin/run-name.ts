/**
 * The display title GitHub gives a dispatched run: the workflow file's `run-name:` with its
 * `${{ inputs.<name> }}` expressions filled from the dispatch inputs (Steward finds a run whose id
 * it never learned by the dispatch id in that title). Without a file or run-name: null, and the
 * stand-in's default title stands.
 */
import type { RepoState } from './state.js';

const EXPRESSION = /\$\{\{\s*(?:inputs|github\.event\.inputs)\.([A-Za-z_][\w-]*)\s*\}\}/g;

export function renderRunName(repo: RepoState, workflowId: string, ref: string, inputs: Record<string, unknown>): string | null {
  const files = repo.refs[ref] ?? repo.refs[repo.defaultBranch] ?? {};
  const text = files[`.github/workflows/${workflowId}`];
  const line = text?.split('\n').find((l) => /^run-name:/.test(l));
  if (!line) return null;
  const template = line.replace(/^run-name:\s*/, '').trim().replace(/^(["'])(.*)\1$/, '$2');
  return template.replace(EXPRESSION, (_all, name: string) => String(inputs[name] ?? ''));
}
