/**
 * Additive exponential smoothing in state-space form, ETS(A,N,N), ETS(A,Ad,N), ETS(A,A,N) and their
 * additive-seasonal versions (Hyndman, Koehler, Ord & Snyder 2008, *Forecasting with Exponential
 * Smoothing*, ch. 2–3, Table 2.1):
 *
 *   ŷ_t = l_{t-1} + φ·b_{t-1} + s_{t-m},  e_t = y_t − ŷ_t
 *   l_t = l_{t-1} + φ·b_{t-1} + α·e_t,  b_t = φ·b_{t-1} + β·e_t,  s_t = s_{t-m} + γ·e_t
 *
 * A NaN observation (stock-out, unknown) has e_t = 0: the states coast on their own forecast, which
 * is the Kalman treatment of a missing value, so censored days never pull the level towards zero.
 */

export interface EtsParams {
  readonly alpha: number;
  /** 0 for models without trend. */
  readonly beta: number;
  /** 0 for seasonal models' absence. */
  readonly gamma: number;
  /** 1 for an undamped trend; ignored without trend. */
  readonly phi: number;
}

export interface EtsState {
  level: number;
  trend: number;
  /** `season[j]` is the seasonal state used at the next time t with t mod m = j; empty if none. */
  season: Float64Array;
}

export interface EtsFilterOptions {
  readonly params: EtsParams;
  readonly init: EtsState;
  /** Whether a trend state is used. */
  readonly trend: boolean;
  /** First index to process. @default 0 */
  readonly from?: number;
  /** One past the last index to process. @default y.length */
  readonly to?: number;
}

export interface EtsFilterResult {
  readonly sse: number;
  readonly count: number;
  readonly state: EtsState;
}

/** One run of the recursions: what goes in (states, φ, the range) and what comes out (states, SSE, count). */
interface Recursion {
  level: number;
  trend: number;
  /** 0 without a trend state. */
  phi: number;
  from: number;
  to: number;
  /** Season length (0: none). */
  m: number;
  sse: number;
  count: number;
}

/** Reused by every run, so the optimiser's inner loop (`etsSse`) allocates nothing; synchronous use only. */
const recursion: Recursion = { level: 0, trend: 0, phi: 0, from: 0, to: 0, m: 0, sse: 0, count: 0 };

/** Sets up `recursion` for a run from `init` over y[from..to). */
function startRecursion(init: EtsState, phi: number | null, from: number, to: number): void {
  recursion.level = init.level;
  recursion.trend = phi === null ? 0 : init.trend;
  recursion.phi = phi ?? 0;
  recursion.from = from;
  recursion.to = to;
  recursion.m = init.season.length;
}

/**
 * The ETS recursions set up in `recursion`, with α, β, γ from `p` and the seasonal states in
 * `season[0..m)`, updated in place; leaves the final states, SSE and error count in `recursion`.
 */
function runRecursion(y: Float64Array, p: EtsParams, season: Float64Array): void {
  const { alpha, beta, gamma } = p;
  const { phi, from, to, m } = recursion;
  let level = recursion.level;
  let trend = recursion.trend;
  let sse = 0;
  let count = 0;
  // The phase is tracked by a counter rather than t % m: this loop is the engine's hot spot.
  let j = m > 0 ? from % m : 0;
  for (let t = from; t < to; t++) {
    const s = m > 0 ? season[j]! : 0;
    const base = level + phi * trend;
    const yt = y[t]!;
    let e = 0;
    // NaN: no error, states coast (see module comment).
    if (yt === yt) {
      e = yt - base - s;
      sse += e * e;
      count++;
    }
    level = base + alpha * e;
    trend = phi * trend + beta * e;
    if (m > 0) {
      season[j] = s + gamma * e;
      if (++j === m) j = 0;
    }
  }
  recursion.level = level;
  recursion.trend = trend;
  recursion.sse = sse;
  recursion.count = count;
}

/** Runs the ETS recursions over `y[from..to)`; returns the SSE of one-step errors and the final state. */
export function etsFilter(y: Float64Array, options: EtsFilterOptions): EtsFilterResult {
  const { params, init } = options;
  const season = init.season.slice();
  startRecursion(init, options.trend ? params.phi : null, options.from ?? 0, options.to ?? y.length);
  runRecursion(y, params, season);
  const { level, trend, sse, count } = recursion;
  return { sse, count, state: { level, trend, season } };
}

export interface EtsForecastOptions {
  readonly state: EtsState;
  readonly phi: number;
  readonly trend: boolean;
  /** Time index of the first forecast day (sets the seasonal phase). */
  readonly start: number;
  readonly horizon: number;
}

/** Point forecasts: l_T + (φ + … + φ^h)·b_T + s_{T+h−m⌈h/m⌉}. */
export function etsForecast(options: EtsForecastOptions): Float64Array {
  const { state, horizon, start } = options;
  const out = new Float64Array(horizon);
  const m = state.season.length;
  const phi = options.phi;
  let damp = 0;
  let phiPow = 1;
  for (let h = 0; h < horizon; h++) {
    if (options.trend) {
      phiPow *= phi;
      damp += phiPow;
    }
    const s = m > 0 ? state.season[(start + h) % m]! : 0;
    out[h] = state.level + damp * state.trend + s;
  }
  return out;
}

/** What `etsSse` needs besides the series: the parameters, the start state and scratch space. */
export interface EtsSseInput {
  readonly params: EtsParams;
  /** A second parameter set run in the same pass, or null. */
  readonly second: EtsParams | null;
  readonly init: EtsState;
  readonly trend: boolean;
  readonly from: number;
  /** At least 2·m values, overwritten. */
  readonly scratch: Float64Array;
}

/**
 * The SSE of `etsFilter` over y[from..) without its states or any allocation — the optimiser's inner loop.
 * One parameter set runs `etsFilter`'s recursion itself; with a `second` set both recursions run in one
 * pass, each with exactly that arithmetic, so every SSE is the same bit for bit: they are independent
 * chains of dependent additions, so the processor overlaps them for little more than the cost of one.
 * Writes the SSEs to out[0] (and out[1]).
 */
export function etsSse(y: Float64Array, input: EtsSseInput, out: Float64Array): void {
  const { params, init, from, scratch } = input;
  const hasTrend = input.trend;
  const m = init.season.length;
  for (let i = 0; i < m; i++) {
    scratch[i] = init.season[i]!;
    scratch[m + i] = init.season[i]!;
  }
  if (input.second === null) {
    startRecursion(init, hasTrend ? params.phi : null, from, y.length);
    runRecursion(y, params, scratch);
    out[0] = recursion.sse;
    return;
  }
  const second = input.second;
  const alpha = params.alpha;
  const beta = params.beta;
  const gamma = params.gamma;
  const phi = hasTrend ? params.phi : 0;
  const alpha2 = second.alpha;
  const beta2 = second.beta;
  const gamma2 = second.gamma;
  const phi2 = hasTrend ? second.phi : 0;
  let level = init.level;
  let trend = hasTrend ? init.trend : 0;
  let level2 = level;
  let trend2 = trend;
  let sse = 0;
  let sse2 = 0;
  const to = y.length;
  let j = m > 0 ? from % m : 0;
  for (let t = from; t < to; t++) {
    const s = m > 0 ? scratch[j]! : 0;
    const s2 = m > 0 ? scratch[m + j]! : 0;
    const base = level + phi * trend;
    const base2 = level2 + phi2 * trend2;
    const yt = y[t]!;
    let e = 0;
    let e2 = 0;
    if (yt === yt) {
      e = yt - base - s;
      e2 = yt - base2 - s2;
      sse += e * e;
      sse2 += e2 * e2;
    }
    level = base + alpha * e;
    level2 = base2 + alpha2 * e2;
    trend = phi * trend + beta * e;
    trend2 = phi2 * trend2 + beta2 * e2;
    if (m > 0) {
      scratch[j] = s + gamma * e;
      scratch[m + j] = s2 + gamma2 * e2;
      if (++j === m) j = 0;
    }
  }
  out[0] = sse;
  out[1] = sse2;
}
