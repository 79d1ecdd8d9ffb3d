import { describe, expect, it } from 'vitest';
import { expectClose } from '../../test/reference/close';
import { hospitalH7934 as hp } from '../../test/reference/series';
import { etsFilter, etsForecast } from './ets';

const none = new Float64Array(0);

describe('etsFilter / etsForecast with fixed parameters (exact against R forecast 8.20)', () => {
  it('SES', () => {
    // R: ses(hospital[,"H7934"], h=5, alpha=0.3, initial="simple")$mean
    const r = etsFilter(hp, {
      params: { alpha: 0.3, beta: 0, gamma: 0, phi: 1 },
      init: { level: hp[0]!, trend: 0, season: none },
      trend: false,
    });
    expectClose(
      etsForecast({ state: r.state, phi: 1, trend: false, start: hp.length, horizon: 5 }),
      Array<number>(5).fill(47.97676559),
      1e-9,
    );
  });

  it("Holt's linear trend (R's β* = 0.1 is state-space β = α·β* = 0.03)", () => {
    // R: holt(hospital[,"H7934"], h=5, alpha=0.3, beta=0.1, initial="simple")$mean
    const r = etsFilter(hp, {
      params: { alpha: 0.3, beta: 0.03, gamma: 0, phi: 1 },
      init: { level: hp[0]!, trend: hp[1]! - hp[0]!, season: none },
      trend: true,
    });
    const f = etsForecast({ state: r.state, phi: 1, trend: true, start: hp.length, horizon: 5 });
    expectClose(f, [45.78683993, 45.26253451, 44.7382291, 44.21392369, 43.68961827], 1e-9);
  });

  it('damped trend ETS(A,Ad,N) from R initial states', () => {
    // R: f <- ets(hospital[,"H7934"], "AAN", damped=TRUE, alpha=0.3, beta=0.05, phi=0.9)
    //    f$initstate = (95.98190101, -2.33377223); forecast(f, h=6)$mean
    const r = etsFilter(hp, {
      params: { alpha: 0.3, beta: 0.05, gamma: 0, phi: 0.9 },
      init: { level: 95.98190101, trend: -2.33377223, season: none },
      trend: true,
    });
    const f = etsForecast({ state: r.state, phi: 0.9, trend: true, start: hp.length, horizon: 6 });
    expectClose(f, [46.95613242, 46.8835378, 46.81820264, 46.759401, 46.70647953, 46.6588502], 1e-8);
  });

  it('additive seasonal ETS(A,N,A) from R initial states', () => {
    // R: f <- ets(hospital[,"H7934"], "ANA", alpha=0.2, gamma=0.1); f$initstate; forecast(f, h=14)$mean
    // R lists s1 = s_0 … s12 = s_{-11}; our season[j] is used at t ≡ j (mod 12), so it is reversed.
    const s = [
      -4.838260083, -6.067630261, -3.636654752, 2.410225292, 2.274529805, 5.076273984, 4.506521869,
      0.8611297499, 0.005336350712, 5.588783279, -4.311637547, -1.868617686,
    ];
    const season = Float64Array.from({ length: 12 }, (_, j) => s[11 - j]!);
    const r = etsFilter(hp, {
      params: { alpha: 0.2, beta: 0, gamma: 0.1, phi: 1 },
      init: { level: 87.23817472, trend: 0, season },
      trend: false,
    });
    const f = etsForecast({ state: r.state, phi: 1, trend: false, start: hp.length, horizon: 14 });
    expectClose(
      f,
      [
        47.39508726, 45.50455543, 54.53188934, 49.57596423, 50.08227575, 53.1936478, 53.76562426, 51.33428443,
        52.19226438, 46.94432861, 43.72377326, 46.25374804, 47.39508726, 45.50455543,
      ],
      1e-8,
    );
  });

  it('lets NaN days coast instead of reading them as zero', () => {
    const y = Float64Array.from([10, 10, NaN, NaN, 10]);
    const r = etsFilter(y, {
      params: { alpha: 0.5, beta: 0, gamma: 0, phi: 1 },
      init: { level: 10, trend: 0, season: none },
      trend: false,
    });
    expect(r.state.level).toBe(10);
    expect(r.count).toBe(3);
  });
});
