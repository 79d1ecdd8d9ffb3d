import { crostonRate } from './croston';
import { etsFilter, etsForecast } from './ets';
import { fitEts } from './fit-ets';
import { seasonalNaive } from './seasonal-naive';
import { tsbRate } from './tsb';
import { yearlyOffsets } from './yearly';
import type { ModelName } from './types';

/** A model fitted once that can forecast from any origin `end` using y[0..end) only for its states. */
export interface CandidateModel {
  readonly name: ModelName;
  readonly params: Record<string, number>;
  forecastAt(end: number, horizon: number): Float64Array;
}

export interface CandidateOptions {
  readonly seasonLength: number;
  /** Days used to fit ETS parameters. @default 252 (36 weeks: on M5 as accurate as 52 or 104 weeks, and faster) */
  readonly fitWindow?: number;
}

const constant = (value: number, horizon: number): Float64Array => new Float64Array(horizon).fill(value);

/**
 * Fits one candidate on the whole (adjusted) history. Parameters are fitted once and reused at
 * backtest origins, which keeps model choice cheap; states are always re-run up to the origin.
 */
export function fitCandidate(name: ModelName, y: Float64Array, options: CandidateOptions): CandidateModel {
  const m = options.seasonLength;
  switch (name) {
    case 'seasonal-naive':
      return {
        name,
        params: { seasonLength: m },
        forecastAt: (end, horizon) => seasonalNaive(y, { horizon, seasonLength: m, end }),
      };
    case 'croston':
    case 'sba':
      return {
        name,
        params: { alpha: 0.1 },
        forecastAt: (end, horizon) => constant(crostonRate(y, { alpha: 0.1, variant: name, end }), horizon),
      };
    case 'tsb':
      return {
        name,
        params: { alpha: 0.1, beta: 0.05 },
        forecastAt: (end, horizon) => constant(tsbRate(y, { alpha: 0.1, beta: 0.05, end }), horizon),
      };
    case 'ses-weekly-yearly': {
      const base = fitCandidate('ses-weekly', y, options);
      return {
        name,
        params: base.params,
        forecastAt: (end, horizon) => {
          const f = base.forecastAt(end, horizon);
          const offsets = yearlyOffsets(y, { end, horizon });
          if (offsets) for (let h = 0; h < horizon; h++) f[h] = f[h]! + offsets[h]!;
          return f;
        },
      };
    }
    case 'ses':
    case 'holt-damped':
    case 'ses-weekly':
    case 'holt-damped-weekly': {
      const trend = name === 'holt-damped' || name === 'holt-damped-weekly';
      const seasonLength = name === 'ses-weekly' || name === 'holt-damped-weekly' ? m : 0;
      const fit = fitEts(y, { trend, seasonLength, fitWindow: options.fitWindow ?? 252 });
      const { alpha, beta, gamma, phi } = fit.params;
      return {
        name,
        params: trend
          ? seasonLength > 0
            ? { alpha, beta, gamma, phi }
            : { alpha, beta, phi }
          : seasonLength > 0
            ? { alpha, gamma }
            : { alpha },
        forecastAt: (end, horizon) => {
          // Backtest origins lie inside the fit window, so states start where the fit started.
          const run = etsFilter(y, {
            params: fit.params,
            init: fit.init,
            trend,
            from: fit.from,
            to: Math.max(end, fit.from),
          });
          return etsForecast({ state: run.state, phi, trend, start: end, horizon });
        },
      };
    }
  }
}
