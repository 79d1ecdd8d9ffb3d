import { describe, expect, it } from 'vitest';
import { fitCandidate, memoised } from './candidates';
import { etsFilter, etsForecast, etsSse, type EtsParams, type EtsState } from './ets';
import { fitEts, initialEtsState, type FitEtsOptions } from './fit-ets';

/** Daily counts with a weekly shape, a drift, zero runs and censored (NaN) days. */
function series(seed: number, length: number): Float64Array {
  let s = seed;
  const rnd = (): number => (s = (s * 16807) % 2147483647) / 2147483647;
  return Float64Array.from({ length }, (_, t) => {
    if (rnd() < 0.03) return NaN;
    const rate =
      (1 + (seed % 5)) * (1 + 0.4 * Math.sin((2 * Math.PI * t) / 7)) * (1 + t / (length * ((seed % 3) + 1)));
    return rnd() < 0.2 * (seed % 4) ? 0 : Math.round(rate * 2 * rnd());
  });
}

const KINDS = [
  { trend: false, seasonLength: 0 },
  { trend: true, seasonLength: 0 },
  { trend: false, seasonLength: 7 },
  { trend: true, seasonLength: 7 },
] as const;

/**
 * The search before decision 44, one `etsFilter` pass per point and no cache: the fast path must
 * choose exactly what it chose.
 */
function plainFit(y: Float64Array, options: FitEtsOptions): EtsParams {
  const { trend } = options;
  const seasonal = options.seasonLength > 0;
  const from = Math.max(0, y.length - (options.fitWindow ?? y.length));
  const init = initialEtsState(y, { trend, seasonLength: options.seasonLength, from });
  const fixed = options.fixed ?? {};
  const toParams = (x: number[]): EtsParams => {
    let i = 0;
    const alpha = fixed.alpha ?? x[i]!;
    i++;
    const beta = trend ? (fixed.beta ?? x[i++]!) : 0;
    const gamma = seasonal ? (fixed.gamma ?? x[i++]!) : 0;
    const phi = trend ? (fixed.phi ?? x[i]!) : 1;
    return { alpha, beta, gamma, phi };
  };
  const evaluate = (x: number[]): number => {
    const p = toParams(x);
    const bad =
      p.alpha < 1e-4 ||
      p.alpha > 0.9999 ||
      (trend && (p.beta < 1e-4 || p.beta > p.alpha || p.phi < 0.8 || p.phi > 0.98)) ||
      (seasonal && (p.gamma < 1e-4 || p.gamma > 1 - p.alpha));
    return bad ? Infinity : etsFilter(y, { params: p, init, trend, from }).sse;
  };
  let best: number[] = [];
  let bestF = Infinity;
  for (const a of [0.01, 0.03, 0.08, 0.15, 0.3, 0.5, 0.8]) {
    const x = [
      a,
      ...(trend ? [Math.min(0.01, a / 2)] : []),
      ...(seasonal ? [Math.min(0.05, (1 - a) / 2)] : []),
    ];
    if (trend) x.push(0.95);
    const f = evaluate(x);
    if (f < bestF) [bestF, best] = [f, x];
  }
  const steps = best.map((v) => Math.max(v * 0.5, 0.005));
  for (let iter = 0; iter < 60; iter++) {
    let improved = false;
    for (let i = 0; i < best.length; i++) {
      for (const dir of [1, -1]) {
        const x = [...best];
        x[i] = x[i]! + dir * steps[i]!;
        const f = evaluate(x);
        if (f < bestF) {
          [bestF, best, improved] = [f, x, true];
          break;
        }
      }
    }
    if (!improved) {
      steps.forEach((s, i) => (steps[i] = s * 0.5));
      if (steps.every((s) => s <= 1e-3)) break;
    }
  }
  return toParams(best);
}

describe('decision 44: the fast ETS paths give the plain paths’ results bit for bit', () => {
  it('etsSse equals etsFilter’s SSE, alone and with a second parameter set in the same pass', () => {
    const out = new Float64Array(2);
    const scratch = new Float64Array(14);
    for (const [k, kind] of KINDS.entries()) {
      const y = series(11 + k, 400);
      const init: EtsState = initialEtsState(y, { ...kind, from: 100 });
      const a: EtsParams = {
        alpha: 0.13,
        beta: kind.trend ? 0.011 : 0,
        gamma: kind.seasonLength ? 0.07 : 0,
        phi: 0.93,
      };
      const b: EtsParams = {
        alpha: 0.31,
        beta: kind.trend ? 0.002 : 0,
        gamma: kind.seasonLength ? 0.2 : 0,
        phi: 0.85,
      };
      const plain = (p: EtsParams): number =>
        etsFilter(y, { params: p, init, trend: kind.trend, from: 100 }).sse;
      etsSse(y, { params: a, second: null, init, trend: kind.trend, from: 100, scratch }, out);
      expect(out[0]).toBe(plain(a));
      etsSse(y, { params: b, second: a, init, trend: kind.trend, from: 100, scratch }, out);
      expect([out[0], out[1]]).toEqual([plain(b), plain(a)]);
      expect(Number.isFinite(out[0])).toBe(true);
    }
  });

  it('fitEts (cached, paired passes) chooses exactly the parameters of the plain search', () => {
    for (let seed = 1; seed <= 24; seed++) {
      const y = series(seed, 300 + 7 * seed);
      for (const kind of KINDS) {
        const options = { ...kind, fitWindow: 252, ...(seed % 6 === 0 ? { fixed: { alpha: 0.2 } } : {}) };
        expect(fitEts(y, options).params).toEqual(plainFit(y, options));
      }
    }
  });

  it('an ETS candidate fitted lazily gives the eager fit’s parameters and forecasts, memoised or not', () => {
    const y = series(7, 500);
    for (const name of ['ses', 'holt-damped', 'ses-weekly', 'holt-damped-weekly'] as const) {
      const trend = name.startsWith('holt');
      const seasonLength = name.endsWith('weekly') ? 7 : 0;
      const fit = fitEts(y, { trend, seasonLength, fitWindow: 252 });
      const eager = (end: number): Float64Array => {
        const run = etsFilter(y, { params: fit.params, init: fit.init, trend, from: fit.from, to: end });
        return etsForecast({ state: run.state, phi: fit.params.phi, trend, start: end, horizon: 14 });
      };
      const refit = fitEts(y.subarray(0, 472), { trend, seasonLength, fitWindow: 252 });
      const refitRun = etsFilter(y.subarray(0, 472), {
        params: refit.params,
        init: refit.init,
        trend,
        from: refit.from,
      });
      const honest = etsForecast({
        state: refitRun.state,
        phi: refit.params.phi,
        trend,
        start: 472,
        horizon: 14,
      });
      for (const model of [
        fitCandidate(name, y, { seasonLength: 7 }),
        memoised(fitCandidate(name, y, { seasonLength: 7 })),
      ]) {
        expect(model.backtestAt(472, 14)).toEqual(honest);
        expect(model.forecastAt(500, 14)).toEqual(eager(500));
        expect(model.params['alpha']).toBe(fit.params.alpha);
        expect(model.params['phi']).toBe(trend ? fit.params.phi : undefined);
      }
    }
  });
});
