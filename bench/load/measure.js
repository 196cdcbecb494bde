/** Summaries of the load bench's raw timings: percentiles, a phase's throughput, the soak's memory slope. */

/** The p-quantile (0..1) of numbers, nearest rank; null when there are none. */
export function percentile(values, p) {
  if (!values.length) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))];
}

/** Whether an answer was a 2xx (a failed request's "status" is its error code, e.g. ECONNRESET). */
export const isOk = (status) => typeof status === 'number' && status >= 200 && status < 300;

/** How many answers had each status or error code. */
export function countStatuses(answers) {
  const statuses = {};
  for (const a of answers) statuses[a.status] = (statuses[a.status] ?? 0) + 1;
  return statuses;
}

/**
 * One phase: deliveries answered 2xx per second over the time from the first send to the last answer,
 * and, at an offered rate, whether the server kept up (every delivery 2xx, at ≥ 95% of the offered
 * rate: an answer queue would stretch the time to the last answer). `rate` is null for a flat-out phase.
 */
export function summarizePhase({ rate, result }) {
  const ok = result.answers.filter((a) => isOk(a.status));
  const sentAt = new Map(result.sent.map((s) => [s.n, s.at]));
  const firstSend = result.sent[0].at;
  const lastAnswer = result.answers.reduce((last, a) => Math.max(last, sentAt.get(a.n) + a.ms), firstSend);
  const seconds = (lastAnswer - firstSend) / 1000;
  const throughput = ok.length / seconds;
  const count = result.sent.length;
  return {
    rate, count, answered2xx: ok.length, statuses: countStatuses(result.answers), seconds, throughput,
    sustained: rate !== null && ok.length === count && throughput >= 0.95 * rate,
    answerP50: percentile(ok.map((a) => a.ms), 0.5), answerP99: percentile(ok.map((a) => a.ms), 0.99),
  };
}

/** Time from send to the first check-run write of each delivery that has one, and how many have none. */
export function writeLatencies(sentAt, writtenAt, numbers) {
  const latencies = [];
  let missing = 0;
  for (const n of numbers) {
    const at = writtenAt.get(n);
    if (at === undefined) missing++;
    else latencies.push(at - sentAt.get(n));
  }
  return { latencies, missing, p50: percentile(latencies, 0.5), p99: percentile(latencies, 0.99) };
}

/** Least-squares slope of y over x. */
export function slope(points) {
  const n = points.length;
  if (n < 2) return 0;
  const mx = points.reduce((s, p) => s + p.x, 0) / n;
  const my = points.reduce((s, p) => s + p.y, 0) / n;
  const sxx = points.reduce((s, p) => s + (p.x - mx) ** 2, 0);
  return sxx === 0 ? 0 : points.reduce((s, p) => s + (p.x - mx) * (p.y - my), 0) / sxx;
}
