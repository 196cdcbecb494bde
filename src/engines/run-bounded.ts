/** A bounded worker pool: at most `limit` items in work at once, results in the items' order
 *  (shards of `steward eval run`, merge-base look-ups of `steward reconcile`). */
export async function runBounded<T, R>(items: readonly T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  // Each worker takes the next item when it is free: a long item never holds up the short ones behind it.
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index]!);
    }
  };
  const workers = Math.max(1, Math.min(Math.floor(limit), items.length));
  await Promise.all(Array.from({ length: workers }, worker));
  return results;
}
