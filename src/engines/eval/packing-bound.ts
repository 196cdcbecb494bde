/**
 * A tighter lower bound on the least makespan than lower-bound.ts, for when the piece overhead h is
 * large beside a shard's work: there the plain bound lets whole tasks share shards freely, while a
 * shard of capacity C can only hold so many whole tasks, and every task that cannot stay whole pays
 * at least one more overhead.
 *
 * Why it is valid. Take any plan of makespan M and set C = M, q = floor(C − h) (C − h when sizes are
 * fractional, as for seconds: then pieces need not hold whole samples).
 *   - A piece costs its samples + h ≤ C, so it holds at most q samples: task t has at least
 *     p_t = ceil(s_t / q) pieces (one for an empty task).
 *   - The whole tasks (one piece) on one shard cost Σ (s + h) ≤ C; any j of them cost at least the j
 *     smallest (s + h) of the suite, so a shard holds at most k(C) whole tasks, where k(C) is the
 *     largest j whose j smallest (s + h) sum to ≤ C. At most m·k(C) tasks are whole in all.
 *   - A task with p_t = 1 that is not whole has ≥ 2 pieces. So the plan has
 *     P ≥ P(C) = Σ p_t + max(0, #{t : p_t = 1} − m·k(C)) pieces, and its work Σ s + P·h fits into
 *     m shards of at most C: Σ s + P(C)·h ≤ m·C. Also C ≥ h + 1 when some task has samples.
 * So the optimum passes this test. The test is monotone in C: m·C grows, k(C) never shrinks, and a
 * task going from p_t = 2 to 1 lowers Σ p_t by one while raising the excess by at most one, so P(C)
 * never grows. Hence the least C that passes is ≤ the optimum. With whole sizes and a whole h every
 * makespan is whole and we search whole C; otherwise a bisection keeps its low end, which fails the
 * test (or is the plain bound) and so is below the optimum. Either way the result is also at least
 * the plain bound, which is returned when it is larger.
 */
import { computeLowerBound } from './lower-bound.js';

export function computePackingBound(sizes: readonly number[], shards: number, overhead: number): number {
  const plain = computeLowerBound(sizes, shards, overhead);
  if (!sizes.length) return plain;
  const samplesWhole = sizes.every(Number.isInteger);
  const whole = samplesWhole && Number.isInteger(overhead);
  const passes = makeTest(sizes, shards, overhead, samplesWhole, whole);
  // One shard holding everything passes (k = n, every p_t = 1): the search has a passing top.
  let high = Math.max(plain, sizes.reduce((sum, s) => sum + s + overhead, 0));
  let low = plain;
  if (passes(low)) return plain;
  if (whole) {
    while (high - low > 1) {
      const mid = Math.floor((low + high) / 2);
      if (passes(mid)) high = mid;
      else low = mid;
    }
    return high;
  }
  for (let i = 0; i < 60 && high - low > 1e-9 * high; i++) {
    const mid = (low + high) / 2;
    if (passes(mid)) high = mid;
    else low = mid;
  }
  return low;
}

/** The test of the comment above, for one capacity C. */
function makeTest(sizes: readonly number[], shards: number, overhead: number, samplesWhole: boolean, whole: boolean): (capacity: number) => boolean {
  const total = sizes.reduce((sum, s) => sum + s, 0);
  const costs = sizes.map((s) => s + overhead).sort((a, b) => a - b);
  const prefix = [0];
  for (const cost of costs) prefix.push(prefix[prefix.length - 1]! + cost);
  const slack = whole ? 0 : 1e-9;
  return (capacity) => {
    // Whole samples: a piece holds a whole number of them, so q rounds down.
    const q = samplesWhole ? Math.floor(capacity - overhead + slack) : capacity - overhead;
    if (capacity < overhead - slack || (total > 0 && (samplesWhole ? q < 1 : q <= 0))) return false;
    let pieces = 0;
    let single = 0;
    for (const s of sizes) {
      const p = s === 0 ? 1 : Math.ceil(s / q);
      pieces += p;
      if (p === 1) single++;
    }
    pieces += Math.max(0, single - shards * wholeTasksPerShard(prefix, capacity + slack));
    return total + pieces * overhead <= shards * capacity + slack * shards * capacity;
  };
}

/** k(C): the most of the smallest tasks whose (s + h) fit together into one shard of capacity C. */
function wholeTasksPerShard(prefix: readonly number[], capacity: number): number {
  let low = 0;
  let high = prefix.length - 1;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (prefix[mid]! <= capacity) low = mid;
    else high = mid - 1;
  }
  return low;
}
