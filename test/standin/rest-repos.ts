/** Repositories, pull requests, issue comments, permissions and org membership, from the state. */
import { pullRequestResponse } from '../support/github-fixtures.js';
import { pullKey, type CommentState, type PullState } from './state.js';
import {
  errorAnswer, example, exampleItem, isAnswer, notFound, now, page, repoOf, type RestContext, type RestHandler,
} from './rest-kit.js';

const FILE_STATUS: Record<string, string> = { ADDED: 'added', MODIFIED: 'modified', DELETED: 'removed', RENAMED: 'renamed', COPIED: 'copied', CHANGED: 'changed' };

const getRepo: RestHandler = (context) => {
  const repo = repoOf(context);
  if (isAnswer(repo)) return repo;
  return { status: 200, body: example('GET', '/repos/{owner}/{repo}', {
    id: repo.id, name: repo.name, full_name: `${repo.owner}/${repo.name}`, owner: { login: repo.owner },
    default_branch: repo.defaultBranch, private: repo.private, visibility: repo.private ? 'private' : 'public',
    // GitHub's own example lacks `language`, which the schema requires (nullable) here and in `source`.
    language: null, source: { language: null },
  }) };
};

function findPull(context: RestContext): PullState | undefined {
  const { owner = '', repo = '', pull_number: n } = context.params;
  return context.state.pulls.get(pullKey(owner, repo, Number(n)));
}

function pullAnswer(pull: PullState, context: RestContext): Record<string, unknown> {
  const repo = repoOf(context);
  const base = isAnswer(repo) ? 'main' : repo.defaultBranch;
  return pullRequestResponse({
    id: pull.id, number: pull.number, title: pull.title, body: pull.body, state: 'open', user: { login: pull.author },
    head: { sha: pull.headSha, ref: pull.headRef, label: `${pull.author}:${pull.headRef}` },
    base: { sha: pull.baseSha, ref: base },
    commits: pull.commits.length, changed_files: pull.files.length,
    additions: pull.files.reduce((n, f) => n + f.additions, 0), deletions: pull.files.reduce((n, f) => n + f.deletions, 0),
  });
}

const getPull: RestHandler = (context) => {
  const pull = findPull(context);
  return pull ? { status: 200, body: pullAnswer(pull, context) } : notFound();
};

const listPullFiles: RestHandler = (context) => {
  const pull = findPull(context);
  if (!pull) return notFound();
  const files = pull.files.map((f) => exampleItem('GET', '/repos/{owner}/{repo}/pulls/{pull_number}/files', {
    filename: f.path, status: FILE_STATUS[f.changeType] ?? 'modified', additions: f.additions, deletions: f.deletions,
    changes: f.additions + f.deletions, sha: pull.headSha,
  }));
  return { status: 200, body: page(files, context.query) };
};

const listCommitPulls: RestHandler = (context) => {
  const pulls = [...context.state.pulls.values()].filter((p) => p.headSha === context.params.commit_sha);
  return { status: 200, body: page(pulls.map((p) => pullAnswer(p, context)), context.query) };
};

function commentAnswer(comment: CommentState, context: RestContext): Record<string, unknown> {
  const url = `${context.url}/repos/${comment.owner}/${comment.repo}/issues/comments/${comment.id}`;
  return example('GET', '/repos/{owner}/{repo}/issues/comments/{comment_id}', {
    id: comment.id, node_id: `IC_${comment.id}`, body: comment.body, user: { login: comment.user, type: 'Bot' },
    created_at: comment.created_at, updated_at: comment.updated_at, url, html_url: url,
  });
}

const createComment: RestHandler = (context) => {
  const repo = repoOf(context);
  if (isAnswer(repo)) return repo;
  const at = now();
  const comment: CommentState = {
    id: context.state.nextId(), owner: repo.owner, repo: repo.name, issueNumber: Number(context.params.issue_number),
    body: String(context.body.body), user: 'steward[bot]', created_at: at, updated_at: at,
  };
  context.state.comments.push(comment);
  return { status: 201, body: commentAnswer(comment, context) };
};

const updateComment: RestHandler = (context) => {
  const comment = context.state.comments.find((c) => c.id === Number(context.params.comment_id));
  if (!comment) return notFound();
  comment.body = String(context.body.body);
  comment.updated_at = now();
  return { status: 200, body: commentAnswer(comment, context) };
};

const listComments: RestHandler = (context) => {
  const repo = repoOf(context);
  if (isAnswer(repo)) return repo;
  const comments = context.state.comments.filter((c) => c.owner === repo.owner && c.repo === repo.name && c.issueNumber === Number(context.params.issue_number));
  return { status: 200, body: page(comments.map((c) => commentAnswer(c, context)), context.query) };
};

const getPermission: RestHandler = (context) => {
  const repo = repoOf(context);
  if (isAnswer(repo)) return repo;
  const login = context.params.username ?? '';
  const permission = repo.permissions[login] ?? (repo.private ? 'none' : 'read');
  const legacy = permission === 'maintain' ? 'write' : permission === 'triage' ? 'read' : permission;
  return { status: 200, body: example('GET', '/repos/{owner}/{repo}/collaborators/{username}/permission', {
    // GitHub's own example lacks user.role_name, which the schema requires.
    permission: legacy, role_name: permission, user: { login, role_name: permission },
  }) };
};

/** 204 for a member, 404 otherwise (GitHub's answer to an App that may see the members). */
const checkMember: RestHandler = (context) => {
  const member = [...context.state.repos.values()].some((r) => r.owner === context.params.org && r.members.includes(context.params.username ?? ''));
  return member ? { status: 204 } : errorAnswer(404, 'User does not exist or is not a member of the organization');
};

export const REPO_HANDLERS: Record<string, RestHandler> = {
  'GET /repos/{owner}/{repo}': getRepo,
  'GET /repos/{owner}/{repo}/pulls/{pull_number}': getPull,
  'GET /repos/{owner}/{repo}/pulls/{pull_number}/files': listPullFiles,
  'GET /repos/{owner}/{repo}/commits/{commit_sha}/pulls': listCommitPulls,
  'POST /repos/{owner}/{repo}/issues/{issue_number}/comments': createComment,
  'GET /repos/{owner}/{repo}/issues/{issue_number}/comments': listComments,
  'PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}': updateComment,
  'GET /repos/{owner}/{repo}/collaborators/{username}/permission': getPermission,
  'GET /orgs/{org}/members/{username}': checkMember,
};
