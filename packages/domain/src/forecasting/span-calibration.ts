/**
 * Catalogue calibration of the quantiles of demand summed over a span (docs/forecasting.md, "Quantiles",
 * decision 36). Each series' backtest gives honest checks of its span sums at its latest two backtest
 * origins: at each, the models chosen and the error model fitted on the earlier windows only (those that
 * end by that origin), against what then sold. Pooled over the catalogue by band of forecast rate, these say how far the sums'
 * quantiles must be moved (a scale of the span's mean) and widened (a scale of its level variance) to
 * cover their levels; the forecast's own origin is calibrated with what its earlier origins showed.
 */
import { countCdf } from './count-quantiles';

/** What one series' backtest showed over a span from its latest origin (see `SpanCheck`). */
export interface SpanOutcome {
  readonly days: number;
  /** The forecast sum over the span. */
  readonly mean: number;
  /** What sold over the span (no censored day in it). */
  readonly actual: number;
}

/** One series' honest span checks from one backtest origin, with the error model fitted before it. */
export interface SpanCheck {
  readonly dispersion: number;
  readonly levelVariance: number;
  readonly spans: readonly SpanOutcome[];
}

/** The calibration of one band of forecast rate over one span. */
export interface SpanBand {
  /** Daily forecast rates below this (and at or above the previous band's) fall in the band. */
  readonly below: number;
  /** b: the span's mean is multiplied by it for its quantiles. */
  readonly meanScale: number;
  /** c: the level variance of the span, c · v · max(1, d/7)^κ. */
  readonly levelScale: number;
}

/** Per calibrated span (7, 14, 28 days), its bands; a span of d days uses the longest calibrated span ≤ max(d, 7). */
export type CatalogueSpanCalibration = readonly {
  readonly days: number;
  readonly bands: readonly SpanBand[];
}[];

export const SPAN_CALIBRATION_RULES = {
  /** The spans checked in each series' backtest. */
  spans: [7, 14, 28],
  /** Upper edges of the bands of daily forecast rate: dormant, slow, steady and fast sellers behave apart. */
  bands: [0.1, 0.25, 0.5, 2, Infinity],
  /** A band with fewer checks keeps the default (b = 1, c = `SPAN_CALIBRATION.levelScale`). */
  minChecks: 30,
  meanScales: [1, 1.1, 1.25, 1.5, 2, 3, 4, 6, 8, 12, 16],
  levelScales: [0.25, 0.35, 0.5, 0.7, 1, 1.4, 2, 4, 8, 16],
  /** The levels whose coverage is fitted, each weighted by 1 / (α(1 − α)) as in decision 19. */
  levels: [0.5, 0.8, 0.9, 0.95, 0.975, 0.99],
} as const;

/** The span level variance's growth and its default scale (decision 19): v(d) = c·v·max(1, d/7)^κ. */
export interface SpanShape {
  readonly growth: number;
  readonly levelScale: number;
}

/** Mean and variance of a span's sum under one band's calibration (and the defaults without one). */
export function calibratedSpan(
  forecast: { readonly dispersion: number; readonly levelVariance: number },
  span: { readonly mean: number; readonly days: number },
  shape: SpanShape,
  band?: Pick<SpanBand, 'meanScale' | 'levelScale'>,
): { mean: number; variance: number } {
  const mean = span.mean * (band?.meanScale ?? 1);
  const level =
    forecast.levelVariance *
    (band?.levelScale ?? shape.levelScale) *
    Math.max(1, span.days / 7) ** shape.growth;
  return { mean, variance: forecast.dispersion * mean + level * mean * mean };
}

/** The band of a span of `days` days whose forecast sum is `mean`, or undefined when it is not calibrated. */
export function spanBand(
  calibration: CatalogueSpanCalibration | undefined,
  span: { readonly mean: number; readonly days: number },
): SpanBand | undefined {
  if (!calibration || span.days < 1) return undefined;
  // The last entry no longer than the span (at least a week): planning asks this for every span it reads.
  const entry = calibration.findLast((c) => c.days <= Math.max(span.days, 7));
  const rate = span.mean / span.days;
  return entry?.bands.find((b) => rate < b.below);
}

function loss(
  checks: readonly { check: SpanCheck; outcome: SpanOutcome }[],
  shape: SpanShape,
  band: Pick<SpanBand, 'meanScale' | 'levelScale'>,
): number {
  const levels = SPAN_CALIBRATION_RULES.levels;
  const under = new Array<number>(levels.length).fill(0);
  for (const { check, outcome } of checks) {
    const { mean, variance } = calibratedSpan(check, outcome, shape, band);
    // The actual is at or below the α-quantile exactly when P(Y ≤ actual − 1) < α.
    const below = countCdf(mean, variance, outcome.actual - 1);
    levels.forEach((a, i) => {
      if (below < a) under[i]!++;
    });
  }
  return levels.reduce((s, a, i) => s + (under[i]! / checks.length - a) ** 2 / (a * (1 - a)), 0);
}

/**
 * Fits each band's (b, c) on the grid of `SPAN_CALIBRATION_RULES` by the weighted squared coverage
 * error of the checks in it; null without any check. The checks come from backtests, so nothing after
 * the forecast origin reaches the calibration.
 */
export function fitSpanCalibration(
  checks: readonly (SpanCheck | undefined)[],
  shape: SpanShape,
): CatalogueSpanCalibration | null {
  const rules = SPAN_CALIBRATION_RULES;
  const present = checks.filter((c): c is SpanCheck => c !== undefined);
  if (present.length === 0) return null;
  return rules.spans.map((days) => {
    const outcomes = present.flatMap((check) =>
      check.spans.filter((s) => s.days === days).map((outcome) => ({ check, outcome })),
    );
    let lower = 0;
    const bands = rules.bands.map((below) => {
      const inBand = outcomes.filter(({ outcome }) => {
        const rate = outcome.mean / days;
        return rate >= lower && rate < below;
      });
      lower = below;
      if (inBand.length < rules.minChecks) return { below, meanScale: 1, levelScale: shape.levelScale };
      let best = { below, meanScale: 1, levelScale: shape.levelScale };
      let bestLoss = loss(inBand, shape, best);
      for (const meanScale of rules.meanScales) {
        for (const levelScale of rules.levelScales) {
          const l = loss(inBand, shape, { meanScale, levelScale });
          // Strictly better only: ties keep the smaller scales, tried first.
          if (l < bestLoss - 1e-12) {
            bestLoss = l;
            best = { below, meanScale, levelScale };
          }
        }
      }
      return best;
    });
    return { days, bands };
  });
}
