/**
 * Multiplicative calendar and price effects pooled across SKUs: a Poisson log-linear model
 *   E[y_{s,t}] = b_{s,t} · Π_f e_f[c_f(s,t)]
 * where b is each series' local level (a centred moving average, so the effects describe days
 * relative to their surrounding weeks) and c_f(s,t) the level of factor f (e.g. event × category,
 * SNAP day × state × department, price-ratio bin × department, weekday × store × department;
 * −1 = no effect). Fitted by iterative proportional fitting — cyclic exact Poisson-likelihood
 * updates of one factor at a time (Bishop, Fienberg & Holland 1975, ch. 3) — with a pseudo-count
 * `prior` that shrinks rarely seen levels towards 1. Pooling lets a weekly shape or a holiday effect
 * seen on hundreds of SKUs inform a single slow mover.
 */

export interface EffectFactor {
  readonly name: string;
  readonly levels: number;
  /**
   * What each level is, by name (`location|department|weekday`…): how effects fitted on one catalogue
   * are found again for the series of another (`storedPlan`).
   */
  readonly labels?: readonly string[];
  /** Per series, the level code of each day (history and horizon); −1 = no effect. */
  readonly codes: readonly Int16Array[];
  /** Shrinkage pseudo-count in baseline units (larger = closer to 1). @default options.prior */
  readonly prior?: number;
}

export interface PooledEffectsOptions {
  /** Demand histories; NaN (censored) days are left out of the fit. */
  readonly series: readonly Float64Array[];
  readonly factors: readonly EffectFactor[];
  /** Fit window [from, to) in day indices. */
  readonly from: number;
  readonly to: number;
  /** @default 28 */
  readonly baselineWindow?: number;
  /** @default 6 */
  readonly iterations?: number;
  /** @default 20 */
  readonly prior?: number;
}

/** Centred moving average over observed days in [from, to) (window days wide, clipped at the ends). */
export function localLevel(
  y: Float64Array,
  options: { from: number; to: number; window: number },
): Float64Array {
  const { from, to } = options;
  const half = Math.floor(options.window / 2);
  const out = new Float64Array(to - from);
  let sum = 0;
  let cnt = 0;
  let lo = from;
  let hi = from;
  for (let t = from; t < to; t++) {
    const wantLo = Math.max(from, t - half);
    const wantHi = Math.min(to, t + half);
    while (hi < wantHi) {
      if (!Number.isNaN(y[hi]!)) {
        sum += y[hi]!;
        cnt++;
      }
      hi++;
    }
    while (lo < wantLo) {
      if (!Number.isNaN(y[lo]!)) {
        sum -= y[lo]!;
        cnt--;
      }
      lo++;
    }
    out[t - from] = cnt > 0 ? sum / cnt : 0;
  }
  return out;
}

/**
 * Fitted effects, one array of multipliers per factor (indexed by level code).
 *
 * The same arithmetic, in the same order, as the textbook cycle (per factor: Σ y and Σ fitted / e over
 * the series' days of each level, then every fitted value of a level scaled by next / e), arranged to
 * read the data fewer times (the fit streams tens of megabytes per factor, so memory is its cost):
 * Σ y of a level does not change between iterations and is summed once; a censored day's fitted value
 * is 0, which adds nothing to a sum and stays 0 when scaled, so the loops need not test the data; and
 * the scaling of one factor's levels is done in the same pass over a series as the next factor's sums,
 * which read the scaled values. The effects are the textbook cycle's bit for bit (pooled-effects.test.ts).
 */
export function fitPooledEffects(options: PooledEffectsOptions): Float64Array[] {
  const { series, factors, from, to } = options;
  const window = options.baselineWindow ?? 28;
  const iterations = options.iterations ?? 6;
  const effects = factors.map((f) => new Float64Array(f.levels).fill(1));
  const T = to - from;
  const fitted = series.map((y) => {
    const fit = localLevel(y, { from, to, window });
    for (let k = 0; k < T; k++) if (Number.isNaN(y[from + k]!)) fit[k] = 0;
    return fit;
  });
  // Σ y of each level over observed days, the numerator of every update of its factor.
  const sums = factors.map((factor) => {
    const num = new Float64Array(factor.levels);
    for (let s = 0; s < series.length; s++) {
      const y = series[s]!;
      const codes = factor.codes[s]!;
      for (let k = 0; k < T; k++) {
        const c = codes[from + k]!;
        const v = y[from + k]!;
        if (c >= 0 && !Number.isNaN(v)) num[c] = num[c]! + v;
      }
    }
    return num;
  });
  // The factor whose update is still to be applied to the fitted values, with its new and old effects.
  let pending: { codes: readonly Int16Array[]; next: Float64Array; old: Float64Array } | null = null;
  for (let iter = 0; iter < iterations; iter++) {
    factors.forEach((factor, fi) => {
      const e = effects[fi]!;
      const den = new Float64Array(factor.levels);
      for (let s = 0; s < series.length; s++) {
        const fit = fitted[s]!;
        const codes = factor.codes[s]!;
        if (pending) {
          const before = pending.codes[s]!;
          const { next, old } = pending;
          for (let k = 0; k < T; k++) {
            const p = before[from + k]!;
            if (p >= 0) fit[k] = (fit[k]! * next[p]!) / old[p]!;
            const c = codes[from + k]!;
            if (c >= 0) den[c] = den[c]! + fit[k]! / e[c]!;
          }
        } else {
          for (let k = 0; k < T; k++) {
            const c = codes[from + k]!;
            if (c >= 0) den[c] = den[c]! + fit[k]! / e[c]!;
          }
        }
      }
      const num = sums[fi]!;
      const prior = factor.prior ?? options.prior ?? 20;
      const next = new Float64Array(factor.levels);
      for (let c = 0; c < factor.levels; c++) next[c] = (num[c]! + prior) / (den[c]! + prior);
      pending = { codes: factor.codes, next, old: e };
      effects[fi] = next;
    });
  }
  return effects;
}

/** Product of the fitted effects for one series over days [0, length). */
export function pooledMultiplier(options: {
  readonly factors: readonly EffectFactor[];
  readonly effects: readonly Float64Array[];
  readonly seriesIndex: number;
  readonly length: number;
}): Float64Array {
  const out = new Float64Array(options.length).fill(1);
  options.factors.forEach((factor, fi) => {
    const codes = factor.codes[options.seriesIndex]!;
    const e = options.effects[fi]!;
    for (let t = 0; t < options.length; t++) {
      const c = codes[t]!;
      if (c >= 0) out[t] = out[t]! * e[c]!;
    }
  });
  return out;
}
