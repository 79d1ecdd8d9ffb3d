import type { HealthFactors } from './factors';

export type FactorName = keyof HealthFactors;
export type Band = 'poor' | 'fair' | 'good' | 'excellent';

export const FACTOR_NAMES: readonly FactorName[] = [
  'excessPercent',
  'sellThrough',
  'strandedPercent',
  'inStockRate',
];

/** A piecewise-linear curve from a factor's value to a 0–1 score, through (value, score) points sorted by value. */
export type Curve = readonly (readonly [number, number])[];

/**
 * The documented IPI proxy. Amazon publishes its factors, the 0–1000 scale and the 400 threshold but
 * not its formula, so Stockwise scores each factor 0–1 on a monotone curve and takes the weighted sum:
 *
 *   proxy = round(1000 × Σ wᵢ·sᵢ(factorᵢ) ÷ Σ wᵢ)   over the factors that are defined
 *
 * Excess % and stranded % score lower as they rise; sell-through and in-stock rate score higher.
 */
export interface IpiModel {
  weights: Record<FactorName, number>;
  curves: Record<FactorName, Curve>;
  /** Factor score at or above which the factor is in that band. */
  bands: { excellent: number; good: number; fair: number };
  /** Proxy at or above which the score is in that band; below `fair` is poor (and Amazon limits storage below 400). */
  scoreBands: { excellent: number; good: number; fair: number };
}

export const DEFAULT_IPI_MODEL: IpiModel = {
  weights: { excessPercent: 0.35, sellThrough: 0.3, strandedPercent: 0.15, inStockRate: 0.2 },
  curves: {
    excessPercent: [
      [0, 1],
      [5, 0.9],
      [10, 0.75],
      [20, 0.5],
      [35, 0.2],
      [50, 0],
    ],
    sellThrough: [
      [0, 0],
      [0.5, 0.25],
      [1, 0.5],
      [2, 0.75],
      [3, 0.9],
      [5, 1],
    ],
    strandedPercent: [
      [0, 1],
      [1, 0.85],
      [3, 0.6],
      [10, 0.2],
      [20, 0],
    ],
    inStockRate: [
      [0, 0],
      [50, 0.1],
      [70, 0.4],
      [85, 0.75],
      [95, 0.95],
      [100, 1],
    ],
  },
  bands: { excellent: 0.85, good: 0.6, fair: 0.35 },
  scoreBands: { excellent: 700, good: 550, fair: 400 },
};

/** Amazon limits storage below this score. */
export const IPI_WARNING_THRESHOLD = 400;

/** Evaluates a piecewise-linear curve, flat beyond its first and last points. */
export function evaluateCurve(curve: Curve, x: number): number {
  const first = curve[0];
  const last = curve[curve.length - 1];
  if (!first || !last) return 0;
  if (!(x > first[0])) return first[1];
  if (x >= last[0]) return last[1];
  for (let i = 1; i < curve.length; i++) {
    const [x1, y1] = curve[i]!;
    const [x0, y0] = curve[i - 1]!;
    if (x <= x1) return y0 + ((y1 - y0) * (x - x0)) / (x1 - x0);
  }
  return last[1];
}

export function bandOf(score: number, thresholds: { excellent: number; good: number; fair: number }): Band {
  if (score >= thresholds.excellent) return 'excellent';
  if (score >= thresholds.good) return 'good';
  if (score >= thresholds.fair) return 'fair';
  return 'poor';
}

export interface FactorExplanation {
  value: number | null;
  /** 0–1 on the factor's curve; null when the factor is undefined. */
  score: number | null;
  weight: number;
  /** What this factor adds to the proxy, and the most it could add. */
  points: number;
  maxPoints: number;
  band: Band | null;
  /** Better when the value goes which way. */
  direction: 'lower-is-better' | 'higher-is-better';
}

export interface IpiProxy {
  score: number;
  band: Band;
  warning: boolean;
  /** The score below which Amazon limits storage (the warning line). */
  threshold: number;
  factors: Record<FactorName, FactorExplanation>;
  formula: string;
}

export const IPI_FORMULA =
  'proxy = round(1000 × Σ wᵢ·sᵢ ÷ Σ wᵢ) over the defined factors; sᵢ is the factor on a monotone piecewise-linear curve (0–1). Not Amazon’s formula: a documented proxy from the same four factors.';

/**
 * The IPI proxy (0–1000) from the four factors, explained per factor (points earned of the most
 * possible). Monotone: lowering excess or stranded %, or raising sell-through or in-stock rate, never
 * lowers it. Undefined factors drop out and the others' weights are scaled up to keep the 0–1000 scale.
 */
export function ipiProxy(factors: HealthFactors, model: IpiModel = DEFAULT_IPI_MODEL): IpiProxy {
  const defined = FACTOR_NAMES.filter((f) => factors[f] !== null && Number.isFinite(factors[f]));
  const totalWeight = defined.reduce((s, f) => s + model.weights[f], 0);
  let raw = 0;
  const explained = {} as Record<FactorName, FactorExplanation>;
  for (const name of FACTOR_NAMES) {
    const value = factors[name];
    const share = totalWeight > 0 ? model.weights[name] / totalWeight : 0;
    const curve = model.curves[name];
    const direction = curve[0]![1] > curve[curve.length - 1]![1] ? 'lower-is-better' : 'higher-is-better';
    if (value === null || !Number.isFinite(value) || totalWeight <= 0) {
      explained[name] = {
        value: null,
        score: null,
        weight: model.weights[name],
        points: 0,
        maxPoints: 0,
        band: null,
        direction,
      };
      continue;
    }
    const score = evaluateCurve(curve, value);
    raw += share * score;
    explained[name] = {
      value,
      score,
      weight: model.weights[name],
      points: Math.round(1000 * share * score * 10) / 10,
      maxPoints: Math.round(1000 * share * 10) / 10,
      band: bandOf(score, model.bands),
      direction,
    };
  }
  // Nothing defined (no stock, no sales): nothing is wrong, nothing is proven — the middle of the scale.
  const score = totalWeight > 0 ? Math.round(1000 * raw) : 500;
  return {
    score,
    band: bandOf(score, model.scoreBands),
    warning: score < IPI_WARNING_THRESHOLD,
    threshold: IPI_WARNING_THRESHOLD,
    factors: explained,
    formula: IPI_FORMULA,
  };
}
