/**
 * The least makespan any plan could reach (issue 4, item 2): the least C such that every task, cut
 * into pieces of cost at most C that each pay the overhead h, fits into shards × C.
 *
 * With q = C − h samples at most per piece, task i needs k_i(q) = ceil(s_i / q) pieces (one for an
 * empty task), so the total work is T(q) = Σ s_i + Σ k_i(q)·h. Any plan of makespan M has pieces of at
 * most q = floor(M − h) samples and total work at least T(q) spread over m shards, hence
 * M ≥ max(h + q, T(q) / m). So
 *
 *     lowerBound = min over whole q ≥ 1 of max(h + q, T(q) / m)
 *
 * h + q grows with q and T(q) shrinks, so the minimum sits where they cross: binary search for the
 * least q* with h + q* ≥ T(q*)/m; the bound is min(h + q*, T(q* − 1)/m). When costs and h are whole
 * numbers every makespan is whole too, and the bound is rounded up (the brief's integer C exactly).
 */
export function computeLowerBound(sizes: readonly number[], shards: number, overhead: number): number {
  if (!sizes.length) return 0;
  const largest = Math.max(...sizes);
  const total = (q: number): number => sizes.reduce((sum, s) => sum + s + (s === 0 ? 1 : Math.ceil(s / q)) * overhead, 0);
  const whole = Number.isInteger(overhead);
  const finish = (bound: number): number => (whole ? Math.ceil(bound - 1e-9) : bound);
  if (largest === 0) return finish(Math.max(overhead, total(1) / shards));
  let low = 1;
  let high = largest;
  if (overhead + high < total(high) / shards) return finish(total(high) / shards);
  while (low < high) {
    const mid = Math.floor((low + high) / 2);
    if (overhead + mid >= total(mid) / shards) high = mid;
    else low = mid + 1;
  }
  const bound = low > 1 ? Math.min(overhead + low, total(low - 1) / shards) : overhead + low;
  return finish(bound);
}
