/**
 * The forks of several small parents in ONE query (one alias per parent): a network where many
 * forks have a fork or two of their own would otherwise cost one page query per parent. Parents
 * are packed while their forks fit one page; a parent whose forks do not all come back is paged
 * again on its own from the cursor.
 */
import type { GitHubClient } from '../github-client.js';
import { runGraphql, type GraphqlErrorEntry } from '../run-graphql.js';
import type { FileSelection } from './file-selection.js';
import { forksField, splitName, toForkPage, tolerateNodeErrors, type ForkPage, type ForksAnswer } from './fork-page.js';

export interface Parent {
  name: string;
  forkCount: number;
}

/** At most this many parents share a query: each alias repeats the selection in the query text. */
const MAX_ALIASES = 25;

/** The longest prefix of `queue` whose forks fit `first` (at least one parent). */
export function takeBatch(queue: Parent[], first: number): Parent[] {
  const batch: Parent[] = [];
  let forks = 0;
  while (queue.length && batch.length < MAX_ALIASES && (batch.length === 0 || forks + queue[0]!.forkCount <= first)) {
    const next = queue.shift()!;
    forks += next.forkCount;
    batch.push(next);
  }
  return batch;
}

export function buildBatchQuery(selection: FileSelection, size: number): string {
  const variables = Array.from({ length: size }, (_, i) => `$o${i}: String!, $n${i}: String!, $f${i}: Int!`).join(', ');
  const aliases = Array.from({ length: size }, (_, i) => `  p${i}: repository(owner: $o${i}, name: $n${i}) {\n${forksField(selection, `$f${i}`, 'null')}\n  }`);
  return `query StewardForkBatch(${variables}) {\n${aliases.join('\n')}\n}`;
}

export async function readForkBatch(client: GitHubClient, selection: FileSelection, parents: readonly Parent[], first: number): Promise<ForkPage[]> {
  const variables: Record<string, unknown> = {};
  parents.forEach((p, i) => {
    const [owner, name] = splitName(p.name);
    Object.assign(variables, { [`o${i}`]: owner, [`n${i}`]: name, [`f${i}`]: Math.max(1, Math.min(first, p.forkCount)) });
  });
  const errors: GraphqlErrorEntry[] = [];
  const tolerate = (e: GraphqlErrorEntry) => (tolerateNodeErrors(e) ? (errors.push(e), true) : false);
  const data = await runGraphql<Record<string, ForksAnswer | null>>(client, 'StewardForkBatch', buildBatchQuery(selection, parents.length), variables, tolerate);
  return parents.map((p, i) => toForkPage(data[`p${i}`] ?? null, p.name, selection, errors.filter((e) => e.path?.[0] === `p${i}`)));
}
