/**
 * Fixed pseudo-random draws for tests, so their data are the same on every run. One generator for all
 * of them: a test's numbers change only when the test asks for other ones.
 */

/** Uniform draws in (0, 1) from a linear congruential generator. */
export function lcgUniform(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) + 0.5) / 2 ** 32;
}

/** One Poisson draw of mean `mu` (Knuth: multiply uniforms until the product falls below e^−μ). */
export function knuthPoisson(uniform: () => number, mu: number): number {
  const l = Math.exp(-mu);
  let k = 0;
  for (let p = uniform(); p > l; p *= uniform()) k++;
  return k;
}

/** Poisson draws from `lcgUniform(seed)`. */
export function poissonSampler(seed: number): (mu: number) => number {
  const uniform = lcgUniform(seed);
  return (mu) => knuthPoisson(uniform, mu);
}
