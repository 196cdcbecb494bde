/**
 * The matching files of many refs through one cat-file session: refs peeled to trees in one round,
 * then the trees read level by level as raw tree objects, each distinct tree id once. Forks share
 * almost every subtree, so 1,000 forks cost about as many tree reads as they have distinct
 * directories, not 1,000 listings; and a subtree's matching files are worked out once per path.
 */
import type { Matcher } from '../../../engines/style/match-globs.js';
import type { CatFileSession } from './cat-file-session.js';
import type { TreeEntry } from './list-tree.js';
import type { TreeOf } from './list-trees.js';

export interface RawEntry {
  mode: string;
  name: string;
  id: string;
}

const TREE_MODE = '40000';
const SUBMODULE_MODE = '160000';

/** Tree id per ref, or git's word for why there is none; a ref with a line break cannot be asked. */
export async function peelTrees(session: CatFileSession, refs: readonly string[]): Promise<Map<string, TreeOf>> {
  const unique = [...new Set(refs)];
  const askable = unique.filter((r) => !/[\n\r]/.test(r) && r !== '');
  const answers = await session.ask('info', askable.map((r) => `${r}^{tree}`));
  const result = new Map<string, TreeOf>(unique.map((r) => [r, { problem: 'missing' }]));
  askable.forEach((ref, i) => {
    const answer = answers[i]!;
    result.set(ref, 'id' in answer && answer.type === 'tree' ? { tree: answer.id } : { problem: 'problem' in answer ? answer.problem : answer.type });
  });
  return result;
}

/** Every tree reachable from `roots`, parsed, by id: one round per directory level. */
export async function readTrees(session: CatFileSession, roots: readonly string[]): Promise<Map<string, RawEntry[]>> {
  const trees = new Map<string, RawEntry[]>();
  let level = [...new Set(roots)];
  while (level.length > 0) {
    const answers = await session.ask('contents', level);
    const next = new Set<string>();
    level.forEach((id, i) => {
      const answer = answers[i]!;
      if (!('id' in answer) || answer.body === null) throw new Error(`tree ${id} is missing from the clone (git: ${'problem' in answer ? answer.problem : answer.type}); fetch the remotes again`);
      const entries = parseTreeObject(answer.body, id.length / 2);
      trees.set(id, entries);
      for (const e of entries) if (e.mode === TREE_MODE && !trees.has(e.id)) next.add(e.id);
    });
    level = [...next];
  }
  return trees;
}

/** A raw tree object: per entry "<mode> SP <name> NUL <binary id>", in git's order. */
export function parseTreeObject(body: Buffer, idBytes: number): RawEntry[] {
  const entries: RawEntry[] = [];
  let at = 0;
  while (at < body.length) {
    const space = body.indexOf(0x20, at);
    const nul = body.indexOf(0x00, space + 1);
    if (space === -1 || nul === -1) break;
    entries.push({ mode: body.toString('latin1', at, space), name: body.toString('utf8', space + 1, nul), id: body.toString('hex', nul + 1, nul + 1 + idBytes) });
    at = nul + 1 + idBytes;
  }
  return entries;
}

/**
 * The files under each tree that `matches` keeps (submodules left out), depth first in git's order
 * as `ls-tree -r` gives them. Results are memoised per (path, tree): an equal subtree at an equal
 * path yields the very same entries, so forks share them and sizes filled in once serve all.
 */
export function makeTreeFlattener(trees: Map<string, RawEntry[]>, matches: Matcher): (tree: string) => TreeEntry[] {
  // By tree, then path: no key string is built per call (10,000 calls at 1,000 forks).
  const memo = new Map<string, Map<string, TreeEntry[]>>();
  // Forks repeat the same few paths thousands of times: each is matched against the globs once.
  const matched = new Map<string, boolean>();
  const keeps = (path: string): boolean => {
    let keep = matched.get(path);
    if (keep === undefined) matched.set(path, (keep = matches(path)));
    return keep;
  };
  const flatten = (tree: string, prefix: string): TreeEntry[] => {
    let byPrefix = memo.get(tree);
    if (!byPrefix) memo.set(tree, (byPrefix = new Map()));
    const known = byPrefix.get(prefix);
    if (known) return known;
    const files: TreeEntry[] = [];
    for (const e of trees.get(tree) ?? []) {
      const path = prefix + e.name;
      if (e.mode === TREE_MODE) for (const f of flatten(e.id, `${path}/`)) files.push(f);
      else if (e.mode !== SUBMODULE_MODE && keeps(path)) files.push({ path, mode: e.mode, blob: e.id, size: null });
    }
    byPrefix.set(prefix, files);
    return files;
  };
  return (tree) => flatten(tree, '');
}
