import { describe, expect, it } from 'vitest';
import { expectClose } from '../../test/reference/close';
import { hospitalH7934 as hp, jewelry1 as jw } from '../../test/reference/series';
import { etsFilter, etsForecast } from './ets';
import { fitEts } from './fit-ets';

function fitAndForecast(y: Float64Array, options: { trend: boolean; seasonLength: number; horizon: number }) {
  const fit = fitEts(y, options);
  const run = etsFilter(y, { params: fit.params, init: fit.init, trend: options.trend, from: fit.from });
  const mean = etsForecast({
    state: run.state,
    phi: fit.params.phi,
    trend: options.trend,
    start: y.length,
    horizon: options.horizon,
  });
  return { params: fit.params, mean };
}

// R optimises the initial states as well; we use heuristic ones, hence the looser tolerances.
describe('fitEts: fitted parameters against R forecast 8.20 ets()', () => {
  it('ETS(A,N,N) on jewelry', () => {
    // R: ets(jewelry[,"1"], model="ANN")$par alpha = 0.6465808021; forecast(h=4)$mean = 28.63266945
    const { params, mean } = fitAndForecast(jw, { trend: false, seasonLength: 0, horizon: 4 });
    expect(params.alpha).toBeCloseTo(0.6466, 2);
    expectClose(mean, Array<number>(4).fill(28.63266945), 0.01);
  });

  it('ETS(A,N,N) on hospital', () => {
    // R: ets(hospital[,"H7934"], model="ANN")$par alpha = 0.4030343415; forecast(h=4)$mean = 47.99935033
    const { params, mean } = fitAndForecast(hp, { trend: false, seasonLength: 0, horizon: 4 });
    expect(params.alpha).toBeCloseTo(0.403, 2);
    expectClose(mean, Array<number>(4).fill(47.99935033), 0.01);
  });

  it('ETS(A,Ad,N) on hospital', () => {
    // R: ets(hospital[,"H7934"], model="AAN", damped=TRUE)$par alpha = 0.319, beta = 1e-4, phi = 0.953
    //    forecast(h=4)$mean = 47.81596237, 47.77770965, 47.7412537, 47.7065101
    const { params, mean } = fitAndForecast(hp, { trend: true, seasonLength: 0, horizon: 4 });
    expect(Math.abs(params.alpha - 0.319)).toBeLessThan(0.03);
    expect(params.beta).toBeLessThan(0.01);
    expect(Math.abs(params.phi - 0.953)).toBeLessThan(0.03);
    expectClose(mean, [47.81596237, 47.77770965, 47.7412537, 47.7065101], 0.01);
  });

  it('ETS(A,N,A) on hospital (initial seasonal states differ most here)', () => {
    // R: ets(hospital[,"H7934"], model="ANA")$par alpha = 0.378, gamma = 1.5e-4;
    //    forecast(h=12)$mean starts 51.09182761, 48.54446842, 57.22321669, 53.17965228
    const { params, mean } = fitAndForecast(hp, { trend: false, seasonLength: 12, horizon: 12 });
    expect(Math.abs(params.alpha - 0.378)).toBeLessThan(0.05);
    expect(params.gamma).toBeLessThan(0.01);
    expectClose(mean.subarray(0, 4), [51.09182761, 48.54446842, 57.22321669, 53.17965228], 0.06);
  });

  it('respects fixed parameters', () => {
    const fit = fitEts(hp, { trend: true, seasonLength: 0, fixed: { alpha: 0.3, phi: 0.9 } });
    expect(fit.params.alpha).toBe(0.3);
    expect(fit.params.phi).toBe(0.9);
  });
});
