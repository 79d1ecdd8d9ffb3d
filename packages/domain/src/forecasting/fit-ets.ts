import { etsFilter, etsSse, type EtsParams, type EtsState } from './ets';

/**
 * Fits additive ETS smoothing parameters by minimising the in-sample SSE of one-step errors
 * (Hyndman et al. 2008, §5.2: for additive errors the likelihood is maximised at the SSE minimum).
 * Initial states are heuristic (cf. Hyndman et al. 2008, §2.6.1) — average seasonal deviations over
 * the window and a line through the first deseasonalised points — instead of being optimised, which keeps a fit to a
 * few dozen filter passes (about 0.1–0.5 ms at 1,900 daily points).
 * Bounds follow R `forecast::ets`: α ∈ [1e-4, 0.9999], β ∈ [1e-4, α], γ ∈ [1e-4, 1 − α], φ ∈ [0.8, 0.98].
 */

export interface FitEtsOptions {
  readonly trend: boolean;
  /** Seasonal period; 0 for none. */
  readonly seasonLength: number;
  /** Fit on the last `fitWindow` days only (older data barely moves daily smoothing parameters). */
  readonly fitWindow?: number;
  /** Fix some parameters instead of estimating them. */
  readonly fixed?: Partial<EtsParams>;
}

export interface FittedEts {
  readonly params: EtsParams;
  readonly trend: boolean;
  /** State before the first fitted day. */
  readonly init: EtsState;
  /** Index of the first fitted day. */
  readonly from: number;
  readonly sse: number;
  readonly count: number;
}

const LOWER = 1e-4;
const UPPER = 0.9999;

/** Heuristic initial states from the start of `y[from..)` (phase of season j is t mod m). */
export function initialEtsState(
  y: Float64Array,
  options: { trend: boolean; seasonLength: number; from: number },
): EtsState {
  const { from } = options;
  const m = options.seasonLength;
  const season = new Float64Array(m);
  const n = y.length - from;
  const seasons = m > 0 ? Math.floor(n / m) : 0;
  if (seasons >= 2) {
    // Average deviation of each phase from its own season's mean, over every complete season of
    // the window: with the small γ typical of daily retail data the initial indices persist, so
    // they must not rest on the first few (noisy) weeks alone.
    const sum = new Float64Array(m);
    const cnt = new Float64Array(m);
    for (let k = 0; k < seasons; k++) {
      const s0 = from + k * m;
      let mean = 0;
      let c = 0;
      for (let t = s0; t < s0 + m; t++) {
        if (!Number.isNaN(y[t]!)) {
          mean += y[t]!;
          c++;
        }
      }
      if (c < m) continue;
      mean /= c;
      for (let t = s0; t < s0 + m; t++) {
        sum[t % m]! += y[t]! - mean;
        cnt[t % m]! += 1;
      }
    }
    for (let j = 0; j < m; j++) season[j] = cnt[j]! > 0 ? sum[j]! / cnt[j]! : 0;
  }
  // Line through the first (deseasonalised) points: intercept → level, slope → trend.
  const span = Math.max(10, 2 * m);
  let sx = 0;
  let sy = 0;
  let sxx = 0;
  let sxy = 0;
  let k = 0;
  for (let t = from; t < Math.min(y.length, from + span); t++) {
    const v = y[t]!;
    if (Number.isNaN(v)) continue;
    const x = t - from + 1;
    const d = v - (m > 0 ? season[t % m]! : 0);
    sx += x;
    sy += d;
    sxx += x * x;
    sxy += x * d;
    k++;
  }
  if (k === 0) return { level: 0, trend: 0, season };
  const den = k * sxx - sx * sx;
  const slope = options.trend && k >= 3 && den > 0 ? (k * sxy - sx * sy) / den : 0;
  const level = (sy - slope * sx) / k;
  return { level, trend: slope, season };
}

type Vec = number[];

function toParams(x: Vec, trend: boolean, seasonal: boolean): EtsParams {
  let i = 0;
  const alpha = x[i++]!;
  const beta = trend ? x[i++]! : 0;
  const gamma = seasonal ? x[i++]! : 0;
  const phi = trend ? x[i]! : 1;
  return { alpha, beta, gamma, phi };
}

function feasible(p: EtsParams, trend: boolean, seasonal: boolean): boolean {
  if (p.alpha < LOWER || p.alpha > UPPER) return false;
  if (trend && (p.beta < LOWER || p.beta > p.alpha || p.phi < 0.8 || p.phi > 0.98)) return false;
  if (seasonal && (p.gamma < LOWER || p.gamma > 1 - p.alpha)) return false;
  return true;
}

/**
 * The in-sample SSE of parameter vectors for one fit: infeasible points cost nothing, a point already
 * evaluated is not run again (the pattern search often steps back onto one), and two points can share
 * one filter pass (`etsSse`). Every SSE is the one `etsFilter` gives for the same parameters.
 */
class SseCache {
  private readonly points: EtsParams[] = [];
  private readonly values: number[] = [];
  /** Indices into `points` by α: a look-up compares the few points of one α, not every point run. */
  private readonly byAlpha = new Map<number, number[]>();
  private readonly scratch: Float64Array;
  private readonly out = new Float64Array(2);

  constructor(
    private readonly y: Float64Array,
    private readonly fit: { init: EtsState; trend: boolean; seasonal: boolean; from: number },
  ) {
    this.scratch = new Float64Array(2 * fit.init.season.length);
  }

  /** The cached SSE of `p`, Infinity when infeasible, or undefined when it must be run. */
  private known(p: EtsParams): number | undefined {
    if (!feasible(p, this.fit.trend, this.fit.seasonal)) return Infinity;
    const same = this.byAlpha.get(p.alpha);
    for (let k = (same?.length ?? 0) - 1; k >= 0; k--) {
      const i = same![k]!;
      const q = this.points[i]!;
      if (q.beta === p.beta && q.gamma === p.gamma && q.phi === p.phi) return this.values[i]!;
    }
    return undefined;
  }

  private remember(p: EtsParams, value: number): void {
    const same = this.byAlpha.get(p.alpha);
    if (same) same.push(this.points.length);
    else this.byAlpha.set(p.alpha, [this.points.length]);
    this.points.push(p);
    this.values.push(value);
  }

  private run(p: EtsParams, second: EtsParams | null): void {
    const { init, trend, from } = this.fit;
    etsSse(this.y, { params: p, second, init, trend, from, scratch: this.scratch }, this.out);
    this.remember(p, this.out[0]!);
    if (second) this.remember(second, this.out[1]!);
  }

  sse(p: EtsParams): number {
    const known = this.known(p);
    if (known !== undefined) return known;
    this.run(p, null);
    return this.out[0]!;
  }

  /** Runs both points in one pass when neither is known, so that asking for either next costs nothing. */
  prepare(a: EtsParams, b: EtsParams): void {
    if (this.known(a) === undefined && this.known(b) === undefined) this.run(a, b);
  }
}

/** Fits the smoothing parameters (coarse grid on α, then a Hooke–Jeeves pattern search). */
export function fitEts(y: Float64Array, options: FitEtsOptions): FittedEts {
  const { trend } = options;
  const seasonal = options.seasonLength > 0;
  const from = Math.max(0, y.length - (options.fitWindow ?? y.length));
  const init = initialEtsState(y, { trend, seasonLength: options.seasonLength, from });
  const fixed = options.fixed ?? {};
  const cache = new SseCache(y, { init, trend, seasonal, from });
  // Free coordinates of x: alpha, beta?, gamma?, phi? — fixed ones are pinned by `pin`.
  const pin = (x: Vec): Vec => {
    const p = [...x];
    let i = 0;
    if (fixed.alpha !== undefined) p[i] = fixed.alpha;
    i++;
    if (trend) {
      if (fixed.beta !== undefined) p[i] = fixed.beta;
      i++;
    }
    if (seasonal) {
      if (fixed.gamma !== undefined) p[i] = fixed.gamma;
      i++;
    }
    if (trend && fixed.phi !== undefined) p[i] = fixed.phi;
    return p;
  };
  const paramsOf = (x: Vec): EtsParams => toParams(pin(x), trend, seasonal);
  const evaluate = (x: Vec): number => cache.sse(paramsOf(x));

  let best: Vec = [];
  let bestF = Infinity;
  const grid = [0.01, 0.03, 0.08, 0.15, 0.3, 0.5, 0.8].map((a) => {
    const x: Vec = [a];
    if (trend) x.push(Math.min(0.01, a / 2));
    if (seasonal) x.push(Math.min(0.05, (1 - a) / 2));
    if (trend) x.push(0.95);
    return x;
  });
  for (let k = 0; k + 1 < grid.length; k += 2) cache.prepare(paramsOf(grid[k]!), paramsOf(grid[k + 1]!));
  for (const x of grid) {
    const f = evaluate(x);
    if (f < bestF) {
      bestF = f;
      best = x;
    }
  }
  if (best.length === 0)
    best = pin([0.1, ...(trend ? [0.01] : []), ...(seasonal ? [0.05] : []), ...(trend ? [0.95] : [])]);
  const steps = best.map((v) => Math.max(v * 0.5, 0.005));
  for (let iter = 0; iter < 60; iter++) {
    let improved = false;
    for (let i = 0; i < best.length; i++) {
      const up = [...best];
      up[i] = up[i]! + steps[i]!;
      const down = [...best];
      down[i] = down[i]! - steps[i]!;
      // Both directions in one pass: the second is all but free, and asked for whenever the first fails.
      cache.prepare(paramsOf(up), paramsOf(down));
      for (const x of [up, down]) {
        const f = evaluate(x);
        if (f < bestF) {
          bestF = f;
          best = x;
          improved = true;
          break;
        }
      }
    }
    if (!improved) {
      let done = true;
      for (let i = 0; i < steps.length; i++) {
        steps[i] = steps[i]! * 0.5;
        if (steps[i]! > 1e-3) done = false;
      }
      if (done) break;
    }
  }
  const params = toParams(pin(best), trend, seasonal);
  const run = etsFilter(y, { params, init, trend, from });
  return { params, trend, init, from, sse: run.sse, count: run.count };
}
