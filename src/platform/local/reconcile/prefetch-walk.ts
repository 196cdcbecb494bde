/**
 * Everything readRemoteMetadata needs from git, asked through ONE cat-file session as a pipeline:
 * refs are peeled in chunks (peel-refs.ts), and each chunk's answer at once asks for the trees it names, each
 * tree's answer for its subtrees and its matching blobs' sizes, each size for the blob's text.
 * Waiting for a whole level before asking the next left git idle while JavaScript worked and the
 * other way round; chunked, both work at once and git's queue never runs dry. What is read is
 * exactly what the level-by-level walk read: every tree, the sizes of the matching regular
 * files, the text of those at most `maxBytes` long.
 */
import type { Matcher } from '../../../engines/style/match-globs.js';
import type { CatFileAnswer, CatFileSession } from './cat-file-session.js';
import type { TreeOf } from './list-trees.js';
import { askTrees } from './peel-refs.js';
import { parseTreeObject, type RawEntry } from './walk-trees.js';

export interface Prefetched {
  trees: Map<string, TreeOf>;
  raw: Map<string, RawEntry[]>;
  /** Size per blob asked (absent: git has no such blob); `sized` holds every blob asked. */
  sizes: Map<string, number>;
  sized: Set<string>;
  bodies: Map<string, Buffer>;
}

const CHUNK = 128;
const TREE_MODE = '40000';
const SUBMODULE_MODE = '160000';
const SYMLINK_MODE = '120000';

export async function prefetchWalk(session: CatFileSession, refs: readonly string[], matches: Matcher, maxBytes: number): Promise<Prefetched> {
  const out: Prefetched = { trees: new Map(), raw: new Map(), sizes: new Map(), sized: new Set(), bodies: new Map() };
  const walk = new Walk(session, out, matches, maxBytes);
  const unique = [...new Set(refs)];
  const askable = unique.filter((r) => !/[\n\r]/.test(r) && r !== '');
  for (const r of unique) out.trees.set(r, { problem: 'missing' });
  askTrees(walk, out, askable);
  await walk.finish();
  return out;
}

export class Walk {
  private readonly pending: Promise<void>[] = [];
  private readonly waiting = new Map<string, string[]>();
  private readonly done = new Set<string>();
  private readonly matched = new Map<string, boolean>();
  private trees: string[] = [];
  private blobs: string[] = [];

  constructor(private readonly session: CatFileSession, private readonly out: Prefetched, private readonly matches: Matcher, private readonly maxBytes: number) {}

  /** Asks in chunks; `handle` gets each chunk's answers and its offset in `names`, then asks what they named. */
  ask(command: 'info' | 'contents', names: readonly string[], handle: (answers: CatFileAnswer[], from: number) => void): void {
    for (let from = 0; from < names.length; from += CHUNK) {
      const round = this.session.ask(command, names.slice(from, from + CHUNK)).then((answers) => {
        handle(answers, from);
        this.askQueued();
      });
      round.catch(() => undefined); // awaited in finish(); this keeps a failed round from being "unhandled" meanwhile
      this.pending.push(round);
    }
  }

  /** The tree `id` at `prefix` ("" or "dir/"): read once, its entries walked once per prefix. */
  want(id: string, prefix: string): void {
    const raw = this.out.raw.get(id);
    if (raw) return this.visit(id, raw, prefix);
    const prefixes = this.waiting.get(id);
    if (prefixes) prefixes.push(prefix);
    else {
      this.waiting.set(id, [prefix]);
      this.trees.push(id);
    }
  }

  private visit(id: string, entries: RawEntry[], prefix: string): void {
    const key = `${prefix}\0${id}`;
    if (this.done.has(key)) return;
    this.done.add(key);
    for (const e of entries) {
      const path = prefix + e.name;
      if (e.mode === TREE_MODE) this.want(e.id, `${path}/`);
      else if (e.mode !== SUBMODULE_MODE && e.mode !== SYMLINK_MODE && !this.out.sized.has(e.id) && this.keeps(path)) {
        this.out.sized.add(e.id);
        this.blobs.push(e.id);
      }
    }
  }

  private keeps(path: string): boolean {
    let keep = this.matched.get(path);
    if (keep === undefined) this.matched.set(path, (keep = this.matches(path)));
    return keep;
  }

  private askQueued(): void {
    const trees = this.trees;
    const blobs = this.blobs;
    this.trees = [];
    this.blobs = [];
    if (trees.length > 0) this.ask('contents', trees, (answers, from) => answers.forEach((a, i) => this.takeTree(trees[from + i]!, a)));
    if (blobs.length > 0) this.ask('info', blobs, (answers, from) => this.takeSizes(blobs.slice(from, from + answers.length), answers));
  }

  private takeTree(id: string, answer: CatFileAnswer): void {
    if (!('id' in answer) || answer.body === null) {
      throw new Error(`tree ${id} is missing from the clone (git: ${'problem' in answer ? answer.problem : answer.type}); fetch the remotes again`);
    }
    const entries = parseTreeObject(answer.body, id.length / 2);
    this.out.raw.set(id, entries);
    const prefixes = this.waiting.get(id) ?? [];
    this.waiting.delete(id);
    for (const prefix of prefixes) this.visit(id, entries, prefix);
  }

  private takeSizes(blobs: string[], answers: CatFileAnswer[]): void {
    const small: string[] = [];
    blobs.forEach((blob, i) => {
      const answer = answers[i]!;
      if (!('id' in answer) || answer.type !== 'blob') return;
      this.out.sizes.set(blob, answer.size);
      if (answer.size <= this.maxBytes) small.push(blob);
    });
    this.ask('contents', small, (answers, from) => answers.forEach((a, i) => {
      if ('id' in a && a.body) this.out.bodies.set(small[from + i]!, a.body);
    }));
  }

  /** Every round, including those asked while waiting; the first failure is thrown. */
  async finish(): Promise<void> {
    for (let i = 0; i < this.pending.length; i++) await this.pending[i];
  }
}
