/**
 * `splitDispatches`: shard specs grouped into workflow dispatches (issue 4, item 4). GitHub caps a
 * dispatch's inputs at 65,535 characters together and a matrix at 256 jobs, so each group's
 * JSON-encoded `shards` input stays within `maxChars` (default 60,000: room for the other inputs)
 * and `maxJobs` (default 256). Groups keep the specs' order and are filled greedily.
 */
import type { ShardSpec } from './shard-types.js';

export const DISPATCH_MAX_CHARS = 60_000;
export const DISPATCH_MAX_JOBS = 256;

export function splitDispatches(specs: ShardSpec[], limits: { maxChars?: number; maxJobs?: number } = {}): ShardSpec[][] {
  const maxChars = limits.maxChars ?? DISPATCH_MAX_CHARS;
  const maxJobs = limits.maxJobs ?? DISPATCH_MAX_JOBS;
  if (!(maxChars >= 2) || !Number.isInteger(maxJobs) || maxJobs < 1) {
    throw new RangeError(`dispatch limits must allow something: maxChars ≥ 2 and maxJobs a whole number ≥ 1, not ${maxChars} and ${maxJobs}`);
  }
  const groups: ShardSpec[][] = [];
  let group: ShardSpec[] = [];
  let chars = 2; // "[" and "]"
  for (const spec of specs) {
    const size = JSON.stringify(spec).length;
    if (size + 2 > maxChars) {
      throw new RangeError(
        `shard ${spec.shard} of run ${spec.run} (attempt ${spec.attempt}) is ${size + 2} characters as a dispatch input, ${size + 2 - maxChars} over the ${maxChars} one dispatch may carry; `
        + `give suite "${spec.suite}" more shards (fewer pieces each) or a shorter command`,
      );
    }
    const extra = size + (group.length ? 1 : 0); // a comma between entries
    if (group.length && (chars + extra > maxChars || group.length >= maxJobs)) {
      groups.push(group);
      group = [];
      chars = 2;
    }
    chars += size + (group.length ? 1 : 0);
    group.push(spec);
  }
  if (group.length) groups.push(group);
  return groups;
}
