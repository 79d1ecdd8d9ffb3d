import { describe, expect, it } from 'vitest';
import { fitCandidate, withYearly } from './candidates';
import { yearlyRatios } from './yearly';
import { DEFAULT_MODELS } from './forecast-demand';
import type { ModelName } from './types';
import { lcgUniform } from '../../test/support/random';

/** Every default candidate. */
const MODELS = DEFAULT_MODELS;

/** A fixed pseudo-random series with a weekly shape, a trend and zeros. */
function series(length: number, seed: number): Float64Array {
  const u = lcgUniform(seed);
  return Float64Array.from({ length }, (_, t) =>
    u() < 0.2 ? 0 : Math.round((3 + t / 200) * (1 + 0.4 * Math.sin((2 * Math.PI * t) / 7)) * 2 * u()),
  );
}

describe('honest backtests', () => {
  it('changing data after an origin never changes that origin’s backtest forecast (every candidate, many draws)', () => {
    for (let draw = 0; draw < 6; draw++) {
      const y = series(800, 11 + draw);
      const origin = 600 + 23 * draw;
      const changed = y.slice();
      let s = draw + 1;
      for (let t = origin; t < y.length; t++) {
        s = (s * 69069 + 1) >>> 0;
        changed[t] = s % 5 === 0 ? NaN : s % 40;
      }
      for (const name of MODELS) {
        const a = fitCandidate(name, y, { seasonLength: 7 }).backtestAt(origin, 28);
        const b = fitCandidate(name, changed, { seasonLength: 7 }).backtestAt(origin, 28);
        expect([...b], `${name}, draw ${String(draw)}`).toEqual([...a]);
      }
    }
  });

  it('a yearly twin is as honest: its ratios at an origin read only the days before it', () => {
    for (let draw = 0; draw < 3; draw++) {
      const y = series(800, 31 + draw);
      const origin = 700 + 17 * draw;
      const changed = y.map((v, t) => (t >= origin ? 3 * v + (t % 4) : v));
      const twinAt = (data: Float64Array, name: ModelName) => {
        const yearly = yearlyRatios([data], { origins: [800, origin], horizon: 28 })!;
        const at = { start: 0, origins: [origin], n: 800, horizon: 28 };
        return withYearly(fitCandidate(name, data, { seasonLength: 7 }), yearly, at)!;
      };
      for (const name of MODELS) {
        const a = twinAt(y, name).backtestAt(origin, 28);
        const b = twinAt(changed, name).backtestAt(origin, 28);
        expect([...b], `${name}/yearly, draw ${String(draw)}`).toEqual([...a]);
        expect([...a]).not.toEqual([...fitCandidate(name, y, { seasonLength: 7 }).backtestAt(origin, 28)]);
      }
    }
  });

  it('the refitted backtest differs from reusing parameters fitted on the whole history', () => {
    const y = series(800, 5);
    const late = y.slice();
    for (let t = 700; t < 800; t++) late[t] = 4 * late[t]!;
    const model = fitCandidate('holt-damped-weekly', late, { seasonLength: 7 });
    expect([...model.backtestAt(700, 28)]).not.toEqual([...model.forecastAt(700, 28)]);
  });
});
