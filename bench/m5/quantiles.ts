/**
 * The quantile outputs of `bench:m5`: daily quantiles (`--quantiles FILE`: `id,q,F1…F28`), quantiles of
 * demand summed over the first 7, 14 and 28 days (`--sum-quantiles FILE`: `id,q,S7,S14,S28`) from the
 * domain's `leadTimeDemandQuantiles`, and how often the actuals stayed at or below each of them.
 */
import { writeFileSync } from 'node:fs';
import {
  leadTimeDemandMean,
  leadTimeDemandQuantiles,
} from '../../packages/domain/src/forecasting/lead-time-demand';
import { spanQuantile } from '../../packages/domain/src/replenishment/span-quantile';
import type {
  CatalogueSpanCalibration,
  SpanCheck,
} from '../../packages/domain/src/forecasting/span-calibration';
import type { DemandForecast } from '../../packages/domain/src/forecasting/types';

/** The levels the issue asks for. */
export const OUTPUT_LEVELS = [0.5, 0.8, 0.9, 0.95, 0.975, 0.99] as const;
export const SUM_SPANS = [7, 14, 28] as const;

export interface SeriesForecast {
  readonly mean: Float64Array;
  /** One array per level of `levels`. */
  readonly quantiles: readonly Float64Array[];
  readonly dispersion: number;
  readonly levelVariance: number;
  readonly spanChecks: readonly SpanCheck[];
}

function asForecast(f: SeriesForecast, calibration: CatalogueSpanCalibration | null): DemandForecast {
  return {
    model: '',
    params: {},
    demandClass: 'none',
    degenerate: null,
    mean: f.mean,
    quantiles: [],
    dispersion: f.dispersion,
    levelVariance: f.levelVariance,
    ...(calibration ? { spanCalibration: calibration } : {}),
  };
}

/** Each series' `[level][span]` quantiles by `quantilesOf`, on its forecast carrying `calibration`. */
function perSeries(
  forecasts: readonly SeriesForecast[],
  calibration: CatalogueSpanCalibration | null,
  quantilesOf: (forecast: DemandForecast) => number[][],
): number[][][] {
  return forecasts.map((f) => quantilesOf(asForecast(f, calibration)));
}

/**
 * Per series, per output level, the quantile of each span's sum (`[series][level][span]`), under the
 * catalogue's span calibration (`catalogueSpanCalibration`) as `forecastCatalogue` attaches it.
 */
export function sumQuantiles(
  forecasts: readonly SeriesForecast[],
  calibration: CatalogueSpanCalibration | null,
): number[][][] {
  return perSeries(forecasts, calibration, (forecast) => {
    const bySpan = SUM_SPANS.map((days) =>
      leadTimeDemandQuantiles(forecast, { days, levels: OUTPUT_LEVELS }),
    );
    return OUTPUT_LEVELS.map((_, l) => bySpan.map((q) => q[l]!.value));
  });
}

/**
 * The same sums' quantiles as restock plans them: the domain's `spanQuantile` (the reorder point's and
 * order-up-to level's model, lumpy demand and lead-time spread aside) on a forecast carrying the
 * calibration its forecast run stored (decision 40), `[series][level][span]`.
 */
export function plannedSumQuantiles(
  forecasts: readonly SeriesForecast[],
  calibration: CatalogueSpanCalibration | null,
): number[][][] {
  return perSeries(forecasts, calibration, (forecast) => {
    const demandBetween = (from: number, days: number) =>
      leadTimeDemandMean(forecast, { fromDay: from, days });
    return OUTPUT_LEVELS.map((alpha) =>
      SUM_SPANS.map((days) =>
        spanQuantile(forecast, { sdL: 0, alpha, compound: () => null, dist: null, demandBetween })(
          demandBetween(0, days),
          days,
          0,
        ),
      ),
    );
  });
}

export function writeQuantiles(
  file: string,
  ids: readonly string[],
  levels: readonly number[],
  forecasts: readonly SeriesForecast[],
): void {
  const horizon = forecasts[0]?.mean.length ?? 0;
  const header = ['id', 'q', ...Array.from({ length: horizon }, (_, h) => `F${String(h + 1)}`)].join(',');
  const rows = forecasts.flatMap((f, i) =>
    OUTPUT_LEVELS.map((q) => [ids[i]!, q, ...f.quantiles[levels.indexOf(q)]!].join(',')),
  );
  writeFileSync(file, `${header}\n${rows.join('\n')}\n`);
}

export function writeSumQuantiles(file: string, ids: readonly string[], sums: readonly number[][][]): void {
  const header = ['id', 'q', ...SUM_SPANS.map((d) => `S${String(d)}`)].join(',');
  const rows = sums.flatMap((perLevel, i) =>
    perLevel.map((spans, l) => [ids[i]!, OUTPUT_LEVELS[l]!, ...spans].join(',')),
  );
  writeFileSync(file, `${header}\n${rows.join('\n')}\n`);
}

/**
 * Share of actuals at or below each quantile: per output level for single days, and for the sums of
 * each span (a calibrated q-quantile covers q).
 */
export function quantileCoverage(options: {
  readonly actual: readonly Float64Array[];
  readonly levels: readonly number[];
  readonly forecasts: readonly SeriesForecast[];
  readonly sums: readonly number[][][];
}): { daily: Record<string, number>; sums: Record<string, Record<string, number>> } {
  const { actual, levels, forecasts, sums } = options;
  const n = actual.length;
  const round = (x: number) => +x.toFixed(4);
  const daily: Record<string, number> = {};
  for (const q of OUTPUT_LEVELS) {
    let under = 0;
    let days = 0;
    forecasts.forEach((f, i) => {
      const values = f.quantiles[levels.indexOf(q)]!;
      actual[i]!.forEach((a, h) => {
        days++;
        if (a <= values[h]!) under++;
      });
    });
    daily[String(q)] = round(under / days);
  }
  const sumCoverage: Record<string, Record<string, number>> = {};
  SUM_SPANS.forEach((span, s) => {
    const totals = actual.map((a) => a.subarray(0, span).reduce((x, y) => x + y, 0));
    sumCoverage[`S${String(span)}`] = Object.fromEntries(
      OUTPUT_LEVELS.map((q, l) => {
        let under = 0;
        for (let i = 0; i < n; i++) if (totals[i]! <= sums[i]![l]![s]!) under++;
        return [String(q), round(under / n)];
      }),
    );
  });
  return { daily, sums: sumCoverage };
}
