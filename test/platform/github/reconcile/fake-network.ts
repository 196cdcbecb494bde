/**
 * A fake fork network on GitHub's GraphQL API: answers whatever the reconcile reader asks by walking
 * the query's own selection over the fake repositories (mock-github then checks the answer against
 * GitHub's schema). A `fail(type, message)` value becomes null plus an error at its path, as GitHub
 * answers partially. Blob ids are git's (sha1 of "blob <size>\0<bytes>").
 */
import { createHash } from 'node:crypto';
import { Kind, parse, valueFromASTUntyped, type FieldNode, type SelectionSetNode } from 'graphql';

export interface FakeFile { text: string; binary?: boolean; truncated?: boolean }
export interface FakeRepo {
  name: string;
  branch?: string;
  files: Record<string, FakeFile | string>;
  forks: string[];
  /** How GitHub answers for it as a fork node: null node, FORBIDDEN on its objects, or flags. */
  state?: 'gone' | 'forbidden' | 'locked' | 'disabled' | 'empty';
  isPrivate?: boolean;
}
export interface FakeNetwork {
  upstream: string;
  repos: Map<string, FakeRepo>;
  /** Upstream commits other than HEAD, for readAt: sha → files. */
  commits?: Record<string, Record<string, string>>;
  /** Old texts upstream held at a path, newest first (history of the default branch). */
  history?: Record<string, string[]>;
  /** Operation names of the GraphQL queries answered, in order. */
  log: string[];
}

type Args = Record<string, unknown>;
interface Failure { fail: { type: string; message: string } }
interface Context { errors: { type: string; path: (string | number)[]; message: string }[]; variables: Args }

export const fail = (type: string, message: string): Failure => ({ fail: { type, message } });
export const oidOf = (text: string) => createHash('sha1').update(`blob ${Buffer.byteLength(text)}\0${text}`).digest('hex');
export const headOf = (name: string) => createHash('sha1').update(`head ${name}`).digest('hex');
const fileOf = (f: FakeFile | string): FakeFile => (typeof f === 'string' ? { text: f } : f);

export function makeNetwork(upstream: FakeRepo, forks: FakeRepo[], extra: Partial<FakeNetwork> = {}): FakeNetwork {
  return { upstream: upstream.name, repos: new Map([upstream, ...forks].map((r) => [r.name, r])), log: [], ...extra };
}

function blobModel(file: FakeFile) {
  const bytes = Buffer.byteLength(file.text);
  return { __typename: 'Blob', oid: oidOf(file.text), byteSize: bytes, isBinary: file.binary ?? false, isTruncated: file.truncated ?? false, text: file.binary || file.truncated ? null : file.text };
}

function treeModel(files: Record<string, FakeFile | string>, dir: string): unknown {
  const inside = Object.keys(files).filter((p) => dir === '' || p.startsWith(`${dir}/`));
  if (!inside.length) return null;
  const names = [...new Set(inside.map((p) => (dir === '' ? p : p.slice(dir.length + 1)).split('/')[0]!))];
  return {
    __typename: 'Tree',
    entries: names.map((name) => {
      const path = dir === '' ? name : `${dir}/${name}`;
      const file = files[path];
      const object = file !== undefined ? blobModel(fileOf(file)) : treeModel(files, path);
      return { name, type: file !== undefined ? 'blob' : 'tree', oid: file !== undefined ? oidOf(fileOf(file).text) : headOf(path), object };
    }),
  };
}

function objectAt(files: Record<string, FakeFile | string>, path: string): unknown {
  const file = files[path];
  return file !== undefined ? blobModel(fileOf(file)) : treeModel(files, path);
}

function commitModel(net: FakeNetwork) {
  return {
    __typename: 'Commit',
    history: (a: Args) => connection((net.history?.[String(a.path)] ?? []).map((text) => ({ file: () => ({ oid: oidOf(text) }) })), a),
  };
}

function repoModel(net: FakeNetwork, repo: FakeRepo): Record<string, unknown> {
  const failing = repo.state === 'forbidden' ? fail('FORBIDDEN', 'Resource not accessible by integration') : null;
  return {
    nameWithOwner: repo.name, forkCount: countForks(net, repo), isPrivate: repo.isPrivate ?? false,
    isLocked: repo.state === 'locked', isDisabled: repo.state === 'disabled', isEmpty: repo.state === 'empty',
    defaultBranchRef: repo.state === 'empty' ? null : { name: repo.branch ?? 'main', target: { __typename: 'Commit', oid: headOf(repo.name) } },
    forks: (a: Args) => connection(repo.forks.map((f) => net.repos.get(f)!).map((f) => (f.state === 'gone' ? fail('NOT_FOUND', `Could not resolve to a Repository with the name '${f.name}'.`) : repoModel(net, f))), a),
    object: (a: Args) => {
      if (failing) return failing;
      if (typeof a.oid === 'string') {
        if (a.oid === headOf(repo.name)) return commitModel(net);
        // Upstream's object store also holds the blobs of its older commits.
        const older = repo.name === net.upstream ? Object.values(net.commits ?? {}).flatMap((files) => Object.values(files)) : [];
        const file = [...Object.values(repo.files), ...older].map(fileOf).find((f) => oidOf(f.text) === a.oid);
        return file ? blobModel(file) : null;
      }
      const expression = String(a.expression);
      const [ref, path] = [expression.slice(0, expression.indexOf(':')), expression.slice(expression.indexOf(':') + 1)];
      const files = ref === 'HEAD' ? repo.files : net.commits?.[ref];
      return files ? objectAt(files, path) : null;
    },
  };
}

const countForks = (net: FakeNetwork, repo: FakeRepo): number => repo.forks.reduce((n, f) => n + 1 + countForks(net, net.repos.get(f)!), 0);

function connection(items: unknown[], args: Args) {
  const start = typeof args.after === 'string' ? Number(args.after.replace('cursor:', '')) : 0;
  const page = items.slice(start, start + Number(args.first ?? 100));
  const end = start + page.length;
  return { totalCount: items.length, pageInfo: { hasNextPage: end < items.length, endCursor: page.length ? `cursor:${end}` : null }, nodes: page };
}

/** Answers one GraphQL request the way GitHub would for this network. */
export function answerNetwork(net: FakeNetwork, query: string, variables: Args): { data: unknown; errors?: unknown[] } {
  const operation = parse(query).definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION)!;
  net.log.push(operation.name?.value ?? '?');
  const context: Context = { errors: [], variables };
  const root = {
    repository: (a: Args) => {
      const repo = net.repos.get(`${String(a.owner)}/${String(a.name)}`);
      return repo ? repoModel(net, repo) : fail('NOT_FOUND', `Could not resolve to a Repository with the name '${String(a.owner)}/${String(a.name)}'.`);
    },
  };
  const data = project(root, operation.selectionSet, context, []);
  return context.errors.length ? { data, errors: context.errors } : { data };
}

function project(model: unknown, selectionSet: SelectionSetNode, context: Context, path: (string | number)[]): unknown {
  if (model === null || model === undefined) return null;
  if ((model as Failure).fail) {
    context.errors.push({ ...(model as Failure).fail, path });
    return null;
  }
  if (Array.isArray(model)) return model.map((m, i) => project(m, selectionSet, context, [...path, i]));
  const source = model as Record<string, unknown>;
  const out: Record<string, unknown> = typeof source.__typename === 'string' ? { __typename: source.__typename } : {};
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.INLINE_FRAGMENT) {
      if (selection.typeCondition?.name.value === source.__typename) Object.assign(out, project(model, selection.selectionSet, context, path));
    } else if (selection.kind === Kind.FIELD) {
      const alias = (selection.alias ?? selection.name).value;
      out[alias] = resolve(source, selection, context, [...path, alias]);
    }
  }
  return out;
}

function resolve(source: Record<string, unknown>, field: FieldNode, context: Context, path: (string | number)[]): unknown {
  const args = Object.fromEntries((field.arguments ?? []).map((a) => [a.name.value, valueFromASTUntyped(a.value, context.variables)]));
  const raw = source[field.name.value];
  const value = typeof raw === 'function' ? (raw as (a: Args) => unknown)(args) : raw;
  return field.selectionSet ? project(value, field.selectionSet, context, path) : value ?? null;
}
