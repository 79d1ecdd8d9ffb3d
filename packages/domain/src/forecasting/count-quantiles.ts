/**
 * Quantiles of a count distribution with given mean μ and variance v: negative binomial with
 * size r = μ²/(v − μ) when over-dispersed (v > μ), Poisson otherwise (a Poisson floor keeps
 * intervals honest for nearly constant series). Summation of the pmf starts about 10 standard
 * deviations below the mean in log space, so large means neither underflow nor cost much.
 */

const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
  12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
];

/** ln Γ(x) for x > 0 (Lanczos approximation, g = 7). */
export function logGamma(x: number): number {
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
  const z = x - 1;
  let a = LANCZOS[0]!;
  const t = z + 7.5;
  for (let i = 1; i < 9; i++) a += LANCZOS[i]! / (z + i);
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(a);
}

/**
 * Quantiles (smallest k with P(Y ≤ k) ≥ level) for each level in `levels`, in the given order.
 * Non-finite or non-positive means give 0.
 */
export function countQuantiles(mean: number, variance: number, levels: readonly number[]): Float64Array {
  const out = new Float64Array(levels.length);
  if (!(mean > 0) || !Number.isFinite(mean)) return out;
  const v = Number.isFinite(variance) ? Math.max(variance, mean) : mean;
  const negBin = v > mean * (1 + 1e-9);
  const r = negBin ? (mean * mean) / (v - mean) : Infinity;
  const logP = negBin ? Math.log(r / (r + mean)) : 0;
  const logQ = negBin ? Math.log(mean / (r + mean)) : 0;
  const logMean = Math.log(mean);
  const logPmf = (k: number): number =>
    negBin
      ? logGamma(k + r) - logGamma(r) - logGamma(k + 1) + r * logP + k * logQ
      : k * logMean - mean - logGamma(k + 1);
  const sd = Math.sqrt(v);
  let k = Math.max(0, Math.floor(mean - 10 * sd));
  let pmf = Math.exp(logPmf(k));
  let cdf = pmf;
  const order = levels.map((l, i) => ({ l, i })).sort((a, b) => a.l - b.l);
  const cap = Math.ceil(mean + 40 * sd + 50);
  const q = Math.exp(logQ);
  for (const { l, i } of order) {
    const target = Math.min(Math.max(l, 0), 1 - 1e-12);
    while (cdf < target && k < cap) {
      // Ratio recursion pmf(k+1)/pmf(k) avoids repeated lgamma calls.
      pmf *= negBin ? ((k + r) / (k + 1)) * q : mean / (k + 1);
      k++;
      cdf += pmf;
    }
    out[i] = k;
  }
  return out;
}

/**
 * P(Y ≤ k) under the distribution of `countQuantiles` (so k < countQuantiles(…, [α]) exactly when
 * P(Y ≤ k) < α). Summed by the same ratio recursion from about 10 standard deviations below the mean:
 * the cost grows with k, not with the spread, so scoring many candidate spreads stays cheap.
 */
export function countCdf(mean: number, variance: number, k: number): number {
  if (k < 0) return 0;
  if (!(mean > 0) || !Number.isFinite(mean)) return 1;
  const v = Number.isFinite(variance) ? Math.max(variance, mean) : mean;
  const negBin = v > mean * (1 + 1e-9);
  const r = negBin ? (mean * mean) / (v - mean) : Infinity;
  const q = negBin ? mean / (r + mean) : 0;
  let j = Math.max(0, Math.floor(mean - 10 * Math.sqrt(v)));
  if (k < j) return 0;
  let pmf = Math.exp(
    negBin
      ? logGamma(j + r) - logGamma(r) - logGamma(j + 1) + r * Math.log(r / (r + mean)) + j * Math.log(q)
      : j * Math.log(mean) - mean - logGamma(j + 1),
  );
  let cdf = pmf;
  while (j < k && cdf < 1) {
    pmf *= negBin ? ((j + r) / (j + 1)) * q : mean / (j + 1);
    j++;
    cdf += pmf;
  }
  return Math.min(cdf, 1);
}
