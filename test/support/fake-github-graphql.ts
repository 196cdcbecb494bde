/**
 * A fake of GitHub's GraphQL API for one repository and pull request: it answers any query the
 * adapter sends by walking the query's own selection set over a data model, so answers contain
 * exactly the fields asked for (the mock-github helper then checks them against the real schema).
 * Connections honour first/last/after; object(expression:) reads blobs by "sha:path".
 */
import { Kind, parse, valueFromASTUntyped, type FieldNode, type SelectionSetNode } from 'graphql';

export interface FakeFile { path: string; additions: number; deletions: number; changeType: string; text?: string; byteSize?: number; isBinary?: boolean }
export interface FakeCommit { oid: string; message: string; authorLogin?: string | null; authorEmail?: string; signed?: boolean; parents?: number }
export interface FakeCheckRun { databaseId: number; status: string; summary: string; annotations: number; name: string }

export interface FakePullRequest {
  owner: string;
  repo: string;
  number: number;
  headSha: string;
  title?: string;
  author?: { login: string; __typename: 'User' | 'Bot' };
  commits: FakeCommit[];
  /** Files GitHub lists (it lists at most 3,000). */
  files: FakeFile[];
  /** What GitHub reports as changed, may exceed the list. */
  changedFiles?: number;
  /** "sha:path" -> text, for config, .gitattributes and extra blobs. */
  blobs?: Record<string, string>;
  /** null: the org has no `.github` repository (GitHub answers NOT_FOUND). */
  orgConfig?: string | null;
  checkRuns?: FakeCheckRun[];
  /** List connections stop here even if more exist (GitHub ending a list early). */
  commitListCap?: number;
}

type Args = Record<string, unknown>;
type Resolved = unknown;
interface Context { errors: { type: string; path: string[]; message: string }[]; variables: Args }

export function makeCommits(count: number, make: (i: number) => Partial<FakeCommit> = () => ({})): FakeCommit[] {
  return Array.from({ length: count }, (_, i) => ({ oid: i.toString(16).padStart(40, 'c'), message: `feat: change ${i}\n\nSigned-off-by: Ada <ada@example.org>`, authorLogin: 'ada', ...make(i) }));
}

export function makeFiles(count: number, make: (i: number) => Partial<FakeFile> = () => ({})): FakeFile[] {
  return Array.from({ length: count }, (_, i) => ({ path: `src/file-${i}.ts`, additions: 10, deletions: 2, changeType: 'MODIFIED', ...make(i) }));
}

function connection<T>(items: T[], args: Args, cap = Infinity, wrap: (t: T) => unknown = (t) => t) {
  const visible = items.slice(0, cap);
  const start = typeof args.after === 'string' ? Number(args.after.replace('cursor:', '')) : 0;
  const first = typeof args.first === 'number' ? args.first : undefined;
  const last = typeof args.last === 'number' ? args.last : undefined;
  const page = first !== undefined ? visible.slice(start, start + first) : visible.slice(Math.max(0, visible.length - (last ?? visible.length)));
  const end = first !== undefined ? start + page.length : visible.length;
  return {
    totalCount: items.length,
    pageInfo: { hasNextPage: end < visible.length, endCursor: page.length ? `cursor:${end}` : null },
    nodes: page.map(wrap),
  };
}

function blob(pr: FakePullRequest, expression: string): Resolved {
  const [sha, path] = [expression.slice(0, expression.indexOf(':')), expression.slice(expression.indexOf(':') + 1)];
  const text = pr.blobs?.[`${sha}:${path}`] ?? pr.blobs?.[`*:${path}`];
  if (text !== undefined) return { __typename: 'Blob', text, byteSize: Buffer.byteLength(text), isBinary: false };
  const file = sha === pr.headSha ? pr.files.find((f) => f.path === path && f.changeType !== 'DELETED') : undefined;
  if (!file) return null;
  const content = file.text ?? 'x'.repeat(file.byteSize ?? 100);
  return { __typename: 'Blob', text: file.isBinary ? null : content, byteSize: file.byteSize ?? Buffer.byteLength(content), isBinary: file.isBinary ?? false };
}

function actor(login: string | null | undefined, email?: string) {
  return { name: login ?? 'Someone', email: email ?? `${login ?? 'someone'}@example.org`, user: login ? { login } : null };
}

function pullRequestModel(pr: FakePullRequest) {
  return {
    number: pr.number, title: pr.title ?? 'feat: add the thing', body: '## Summary\nDone.', isDraft: false,
    changedFiles: pr.changedFiles ?? pr.files.length,
    author: pr.author ?? { login: 'ada', __typename: 'User' }, authorAssociation: 'CONTRIBUTOR',
    labels: (a: Args) => connection([{ name: 'model' }], a),
    baseRefName: 'main', headRefName: 'feat/thing', baseRefOid: 'b'.repeat(40), headRefOid: pr.headSha,
    closingIssuesReferences: { totalCount: 1 },
    commits: (a: Args) => connection(pr.commits, a, pr.commitListCap, (c) => ({
      commit: {
        oid: c.oid, message: c.message, author: actor(c.authorLogin, c.authorEmail), committer: actor(c.authorLogin, c.authorEmail),
        parents: { totalCount: c.parents ?? 1 }, signature: c.signed ? { __typename: 'GpgSignature', isValid: true } : null,
      },
    })),
    files: (a: Args) => connection(pr.files.slice(0, 3000), a, Infinity, (f) => ({ path: f.path, additions: f.additions, deletions: f.deletions, changeType: f.changeType })),
  };
}

function headCommitModel(pr: FakePullRequest) {
  return {
    __typename: 'Commit',
    checkSuites: (a: Args) => connection([{
      checkRuns: (r: Args) => connection((pr.checkRuns ?? []).filter((c) => c.name === (r.filterBy as { checkName?: string })?.checkName), r, Infinity,
        (c) => ({ databaseId: c.databaseId, status: c.status, summary: c.summary, annotations: { totalCount: c.annotations } })),
    }], a),
  };
}

function repositoryModel(pr: FakePullRequest) {
  return {
    squashMergeAllowed: true, mergeCommitAllowed: false, rebaseMergeAllowed: false, squashMergeCommitTitle: 'COMMIT_OR_PR_TITLE',
    defaultBranchRef: { name: 'main' },
    object: (a: Args) => (typeof a.oid === 'string' ? (a.oid === pr.headSha ? headCommitModel(pr) : null) : blob(pr, String(a.expression))),
    pullRequest: (a: Args) => (a.number === pr.number ? pullRequestModel(pr) : null),
  };
}

/** Answers one GraphQL request the way GitHub would for this pull request. */
export function answerGraphql(pr: FakePullRequest, query: string, variables: Args): { data: unknown; errors?: unknown[] } {
  const context: Context = { errors: [], variables };
  const root = {
    repository: (a: Args, alias: string) => {
      if (a.owner !== pr.owner) return null;
      if (a.name === '.github') {
        if (pr.orgConfig === null) context.errors.push({ type: 'NOT_FOUND', path: [alias], message: `Could not resolve to a Repository with the name '${pr.owner}/.github'.` });
        return pr.orgConfig === null ? null : { object: () => (pr.orgConfig === undefined ? null : { __typename: 'Blob', text: pr.orgConfig }) };
      }
      return a.name === pr.repo ? repositoryModel(pr) : null;
    },
  };
  const operation = parse(query).definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION);
  const data = project(root, operation!.selectionSet, context);
  return context.errors.length ? { data, errors: context.errors } : { data };
}

function project(model: unknown, selectionSet: SelectionSetNode, context: Context): Resolved {
  if (model === null || model === undefined) return null;
  if (Array.isArray(model)) return model.map((m) => project(m, selectionSet, context));
  const source = model as Record<string, unknown>;
  const out: Record<string, unknown> = typeof source.__typename === 'string' ? { __typename: source.__typename } : {};
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.INLINE_FRAGMENT) {
      if (selection.typeCondition?.name.value === source.__typename) Object.assign(out, project(model, selection.selectionSet, context));
    } else if (selection.kind === Kind.FIELD) {
      out[(selection.alias ?? selection.name).value] = resolve(source, selection, context);
    }
  }
  return out;
}

function resolve(source: Record<string, unknown>, field: FieldNode, context: Context): Resolved {
  const alias = (field.alias ?? field.name).value;
  const args = Object.fromEntries((field.arguments ?? []).map((a) => [a.name.value, valueFromASTUntyped(a.value, context.variables)]));
  const raw = source[field.name.value];
  const value = typeof raw === 'function' ? (raw as (a: Args, alias: string) => unknown)(args, alias) : raw;
  return field.selectionSet ? project(value, field.selectionSet, context) : value ?? null;
}
