/**
 * What the workflow's event says about the range to check and the pull request around it.
 * git knows commits and files; the title, labels, draft state and author come from the payload.
 */
import type { AuthorAssociation, AuthorType } from '../../engines/pull-request.js';

export interface EventPullRequest {
  number: number;
  title: string;
  body: string;
  labels: string[];
  draft: boolean;
  author: { login: string; type: AuthorType; association: AuthorAssociation };
  headRef: string;
  baseRef: string;
}

export interface EventRange {
  /** null: let the local adapter choose (the merge base with the default branch). */
  base: string | null;
  head: string | null;
  pr: EventPullRequest | null;
  /** "owner/repo" when the payload names it. */
  repository: string | null;
  /** One sentence for the log: which range is checked and why. */
  note: string;
  /** Set when there is nothing to check (a deleted branch). */
  skip: boolean;
}

type Payload = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const ZERO_SHA = /^0+$/;
const AUTHOR_TYPES: readonly AuthorType[] = ['User', 'Bot', 'Organization'];

export function readEventRange(eventName: string, payload: Payload): EventRange {
  const repository = typeof payload.repository?.full_name === 'string' ? payload.repository.full_name : null;
  const common = { repository, pr: null, skip: false };
  const pr = payload.pull_request;
  if (pr?.base?.sha && pr?.head?.sha) {
    return {
      ...common,
      base: pr.base.sha,
      head: pr.head.sha,
      pr: toEventPullRequest(pr),
      note: `${eventName}: checking pull request #${pr.number}, ${short(pr.base.sha)}..${short(pr.head.sha)}.`,
    };
  }
  if (eventName === 'push') return readPush(payload, common);
  const group = payload.merge_group;
  if (group?.base_sha && group?.head_sha) {
    return { ...common, base: group.base_sha, head: group.head_sha, note: `merge_group: checking ${short(group.base_sha)}..${short(group.head_sha)}.` };
  }
  return { ...common, base: 'HEAD~1', head: 'HEAD', note: `${eventName || 'unknown event'}: no range in the payload, checking the last commit (HEAD~1..HEAD); set the \`base\` and \`head\` inputs to check more.` };
}

function readPush(payload: Payload, common: Pick<EventRange, 'repository' | 'pr' | 'skip'>): EventRange {
  const { before, after } = payload as { before?: string; after?: string };
  if (payload.deleted || !after || ZERO_SHA.test(after)) {
    return { ...common, base: null, head: null, skip: true, note: 'push: the branch was deleted, nothing to check.' };
  }
  if (!before || ZERO_SHA.test(before)) {
    // actions/checkout with fetch-depth: 0 fetches every branch as origin/<name>.
    const main = payload.repository?.default_branch;
    const base = typeof main === 'string' && payload.ref !== `refs/heads/${main}` ? `origin/${main}` : null;
    return { ...common, base, head: after, note: `push: new branch, checking ${short(after)} against its merge base with ${base ?? 'the default branch'}.` };
  }
  return { ...common, base: before, head: after, note: `push: checking the pushed commits ${short(before)}..${short(after)}.` };
}

function toEventPullRequest(pr: Payload): EventPullRequest {
  const type = AUTHOR_TYPES.includes(pr.user?.type) ? pr.user.type : 'Unknown';
  return {
    number: Number(pr.number),
    title: String(pr.title ?? ''),
    body: String(pr.body ?? ''),
    labels: Array.isArray(pr.labels) ? pr.labels.map((l: Payload) => String(l?.name ?? l)) : [],
    draft: pr.draft === true,
    author: { login: String(pr.user?.login ?? ''), type, association: (pr.author_association ?? 'NONE') as AuthorAssociation },
    headRef: String(pr.head?.ref ?? ''),
    baseRef: String(pr.base?.ref ?? ''),
  };
}

function short(sha: string): string {
  return /^[0-9a-f]{40}$/.test(sha) ? sha.slice(0, 7) : sha;
}
