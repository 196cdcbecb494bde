/**
 * A tighter lower bound on the least makespan than lower-bound.ts, for when the piece overhead h is
 * large beside a shard's work: there the plain bound lets whole tasks share shards freely, while a
 * shard of capacity C holds only so many whole tasks, every task that cannot stay whole pays at least
 * one more overhead, and a shard holding one small whole task may have room left for nothing else.
 *
 * Why it is valid. Take any plan whose shards all cost at most C, and q = floor(C − h) (C − h when
 * sizes are fractional, as for seconds: then pieces need not hold whole samples).
 *   - A piece costs its samples + h ≤ C, so it holds at most q samples: task t has at least
 *     p_t = ceil(s_t / q) pieces (one for an empty task).
 *   - The whole tasks (one piece) on one shard cost Σ (s + h) ≤ C; any j of them cost at least the j
 *     smallest (s + h) of the suite, so a shard holds at most k(C) whole tasks, where k(C) is the
 *     largest j whose j smallest (s + h) sum to ≤ C. So at least E = #{t : p_t = 1} − m·k(C) of the
 *     tasks with p_t = 1 are split, each into ≥ 2 pieces: one overhead h more than Σ p_t counts.
 *   - A task t with p_t = 1 is "alone" when its spare room w_t = C − s_t − h is less than the
 *     cheapest other piece (h + 1 with whole samples; h otherwise). Whole, it sits alone on its shard
 *     and that shard idles w_t ≤ h; split, it pays h more. The plan's cheapest choice: the E split
 *     tasks are those with the largest w_t (alone tasks first), and every other alone task idles.
 *   So its work plus idle time, Σ s + (Σ p_t + E)·h + Σ_alone w_t − (the E largest w_t), is at most m·C.
 * A second test (`makeRoomTest`) looks at shards that hold two or more pieces: those pay 2h at least,
 * so they hold at most C − 2h samples (rounded down with whole samples). Say d shards hold ≥ 2 pieces;
 * at most m − d others hold exactly one piece, of at most q samples. A task with a of its pieces
 * alone on a shard has at most min(s_t, a·q) samples in them; the increments q, …, q, s_t mod q, 0, …
 * never grow, so the most any m − d single pieces can cover, covered(m − d), is the sum of the m − d
 * largest values of {q (floor(s_t / q) times), s_t mod q} over the tasks. Every other sample sits
 * on the d shards with ≥ 2 pieces (empty shards hold none): S − covered(m − d) ≤ d·(C − 2h) for some
 * d in [0, m]. Both tests (`passes` below) thus hold for every C ≥ the optimum, monotone or not, and
 * a bisection that ends with a failing low and a passing high = low + 1 (whole sizes and h: every
 * makespan is whole) proves the optimum ≥ high. With fractional values the failing low is returned.
 * The plain bound is the start, so the result is never below it.
 */
import { computeLowerBound } from './lower-bound.js';

export function computePackingBound(sizes: readonly number[], shards: number, overhead: number): number {
  const plain = computeLowerBound(sizes, shards, overhead);
  if (!sizes.length) return plain;
  const samplesWhole = sizes.every(Number.isInteger);
  const whole = samplesWhole && Number.isInteger(overhead);
  const counts = makeTest(sizes, shards, overhead, samplesWhole, whole);
  const rooms = makeRoomTest(sizes, shards, overhead, samplesWhole, whole);
  const passes = (capacity: number): boolean => counts(capacity) && rooms(capacity);
  // One shard holding everything passes (k = n, every p_t = 1): the search has a passing top.
  let high = Math.max(plain, sizes.reduce((sum, s) => sum + s + overhead, 0));
  let low = plain;
  if (passes(low)) return plain;
  if (whole) {
    // At most 64 halvings: past 2^53 the midpoints stop moving, and high still passes.
    for (let step = 0; high - low > 1 && step < 64; step++) {
      const mid = Math.floor((low + high) / 2);
      if (passes(mid)) high = mid;
      else low = mid;
    }
    return low + 1; // low fails, so the optimum is above it: high itself when the search ran out
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
  // The cheapest piece another task could add: h + 1 with whole samples and no empty task.
  const cheapest = overhead + (samplesWhole && !sizes.includes(0) ? 1 : 0);
  return (capacity) => {
    // Whole samples: a piece holds a whole number of them, so q rounds down.
    const q = samplesWhole ? Math.floor(capacity - overhead + slack) : capacity - overhead;
    if (capacity < overhead - slack || (total > 0 && (samplesWhole ? q < 1 : q <= 0))) return false;
    let pieces = 0;
    const spare: number[] = [];
    for (const s of sizes) {
      const p = s === 0 ? 1 : Math.ceil(s / q);
      pieces += p;
      if (p === 1) spare.push(capacity - s - overhead < cheapest - slack ? Math.max(0, capacity - s - overhead) : 0);
    }
    const split = Math.max(0, spare.length - shards * wholeTasksPerShard(prefix, capacity + slack));
    spare.sort((a, b) => b - a);
    const idle = spare.slice(split).reduce((sum, w) => sum + w, 0);
    return total + (pieces + split) * overhead + idle <= shards * capacity * (1 + slack);
  };
}

/** The second test of the comment above: the samples single-piece shards leave fit the others. */
function makeRoomTest(sizes: readonly number[], shards: number, overhead: number, samplesWhole: boolean, whole: boolean): (capacity: number) => boolean {
  const total = sizes.reduce((sum, s) => sum + s, 0);
  const slack = whole ? 0 : 1e-9;
  const round = (x: number): number => (samplesWhole ? Math.floor(x + slack) : x);
  return (capacity) => {
    const q = round(capacity - overhead);
    if (q <= 0) return total === 0;
    const room = Math.max(0, round(capacity - 2 * overhead));
    let full = 0;
    const rest: number[] = [];
    for (const s of sizes) {
      full += Math.floor(s / q);
      rest.push(s - Math.floor(s / q) * q);
    }
    rest.sort((a, b) => b - a);
    // covered(B) for B = m, m − 1, …, 0 single pieces, and d = m − B shards with ≥ 2 pieces.
    let covered = Math.min(shards, full) * q + rest.slice(0, Math.max(0, shards - full)).reduce((sum, r) => sum + r, 0);
    for (let d = 0; d <= shards; d++) {
      if (total - covered <= d * room + slack * total) return true;
      const single = shards - d; // drop the smallest of the B largest values
      covered -= single > full ? rest[single - full - 1] ?? 0 : q;
    }
    return false;
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
