/**
 * The standard normal distribution for the z-test of compare-runs.ts. erfc is the Chebyshev fit of
 * Numerical Recipes (erfcc, fractional error < 1.2e-7), so Φ is within 1e-7 everywhere and, being
 * relative, stays accurate far into the tails where p-values of strong regressions live.
 */

/** Complementary error function, erfc(x) = 1 − erf(x). */
export function erfc(x: number): number {
  const z = Math.abs(x);
  const t = 1 / (1 + 0.5 * z);
  const poly =
    -1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806 +
    t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277))))))));
  const tail = t * Math.exp(-z * z + poly);
  return x >= 0 ? tail : 2 - tail;
}

/** Φ(x): the probability that a standard normal variable is at most x. */
export function normalCdf(x: number): number {
  return 0.5 * erfc(-x / Math.SQRT2);
}

/** Two-sided p-value of a z statistic: 2·(1 − Φ(|z|)), computed without cancellation. */
export function twoSidedP(z: number): number {
  return Math.min(1, erfc(Math.abs(z) / Math.SQRT2));
}
