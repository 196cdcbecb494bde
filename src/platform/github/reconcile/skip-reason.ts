/** Why a fork of the network cannot be read, said to the person who can change that. */
import type { GraphqlErrorEntry } from '../run-graphql.js';

export interface ForkNode {
  nameWithOwner: string;
  forkCount: number;
  isPrivate: boolean;
  isLocked: boolean;
  isDisabled: boolean;
  isEmpty: boolean;
  defaultBranchRef: { name: string; target: { oid: string } | null } | null;
}

export function describeSkip(node: ForkNode | null, parent: string, errors: readonly GraphqlErrorEntry[]): string | null {
  const said = errors[0]?.message ? ` (GitHub said: "${errors[0].message}")` : '';
  if (node === null) {
    return `GitHub returned no data for this fork of ${parent}${said}: it was deleted, or it is private and the Steward App cannot see it; install the App on it to include it`;
  }
  if (errors.length) {
    const what = node.isPrivate ? 'a private fork' : 'a fork';
    return `${what} the Steward App cannot read${said}; install the App on ${node.nameWithOwner} to include it`;
  }
  if (node.isDisabled) return 'GitHub has disabled this repository; it cannot be read until GitHub re-enables it';
  if (node.isLocked) return 'the repository is locked (for example while it migrates); run again once it is unlocked';
  if (node.isEmpty || node.defaultBranchRef?.target == null) return 'the repository is empty (no default branch); push a branch to include it';
  return null;
}
