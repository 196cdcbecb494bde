/**
 * Refs to trees for the pipelined walk (prefetch-walk.ts): each ref's commit read whole and its
 * tree taken from the text, so git resolves each ref name once and never parses a commit.
 */
import type { CatFileAnswer } from './cat-file-session.js';
import type { Prefetched, Walk } from './prefetch-walk.js';

/**
 * `contents <ref>` and the commit's "tree" line, not `info <ref>^{tree}`: git then reads each
 * commit without parsing and hash-checking it (a fifth of git's time at 1,000 forks). Anything but
 * a commit or a tree (an annotated tag) is peeled by git as before, so the answers are the same.
 */
export function askTrees(walk: Walk, out: Prefetched, refs: readonly string[]): void {
  const found = (ref: string, tree: string): void => {
    out.trees.set(ref, { tree });
    walk.want(tree, '');
  };
  walk.ask('contents', refs, (answers, from) => {
    const others: [string, string][] = [];
    answers.forEach((answer, i) => {
      const ref = refs[from + i]!;
      const tree = treeNamed(answer);
      if (tree) found(ref, tree);
      else if ('id' in answer) others.push([ref, answer.id]);
      else out.trees.set(ref, { problem: answer.problem });
    });
    walk.ask('info', others.map(([, id]) => `${id}^{tree}`), (peeled, at) => peeled.forEach((answer, i) => {
      const ref = others[at + i]![0];
      if ('id' in answer && answer.type === 'tree') found(ref, answer.id);
      else out.trees.set(ref, { problem: 'problem' in answer ? answer.problem : answer.type });
    }));
  });
}

/** A tree's own id, or a commit's tree (its first header line, "tree <id>"); null for anything else. */
export function treeNamed(answer: CatFileAnswer): string | null {
  if (!('id' in answer) || answer.body === null) return null;
  if (answer.type === 'tree') return answer.id;
  if (answer.type !== 'commit') return null;
  const end = answer.body.indexOf(0x0a);
  const line = answer.body.toString('latin1', 0, end === -1 ? answer.body.length : end);
  const id = line.slice(5);
  return line.startsWith('tree ') && id.length === answer.id.length && /^[0-9a-f]+$/.test(id) ? id : null;
}
