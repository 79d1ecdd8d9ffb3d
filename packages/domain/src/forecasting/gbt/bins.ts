/**
 * Feature binning of a histogram GBDT (Ke et al. 2017, "LightGBM", NeurIPS; docs/forecasting.md,
 * "Catalogue-wide model"): each feature's values are cut at up to `maxBins − 1` quantiles of a sample,
 * so a split search scans bins instead of sorted values. Bin 0 holds missing values (NaN).
 */
import { mulberry32 } from '../../demo/prng';

/** Ascending cut points of one feature: bin(x) = 1 + #(cuts < x), bin(NaN) = 0. */
export type Cuts = Float64Array;

export interface BinOptions {
  /** Bins besides the missing bin. @default 63 */
  readonly maxBins?: number;
  /** Values sampled per feature to place the cuts. @default 20000 */
  readonly sample?: number;
  /** @default 1 */
  readonly seed?: number;
}

/** Cut points from the distinct values (midpoints) when few, else from sample quantiles. */
export function featureCuts(values: Float64Array, options: BinOptions = {}): Cuts {
  const maxBins = options.maxBins ?? 63;
  const sampleSize = options.sample ?? 20000;
  const random = mulberry32(options.seed ?? 1);
  const picked: number[] = [];
  const step = values.length / sampleSize;
  for (let k = 0; k < Math.min(sampleSize, values.length); k++) {
    const v = values[step > 1 ? Math.floor((k + random()) * step) : k]!;
    if (!Number.isNaN(v)) picked.push(v);
  }
  picked.sort((a, b) => a - b);
  const distinct = picked.filter((v, k) => k === 0 || v !== picked[k - 1]);
  if (distinct.length <= maxBins) {
    return Float64Array.from(distinct.slice(1), (v, k) => (distinct[k]! + v) / 2);
  }
  const cuts: number[] = [];
  for (let b = 1; b < maxBins; b++) {
    const c = picked[Math.floor((b * picked.length) / maxBins)]!;
    if (cuts.length === 0 || c > cuts[cuts.length - 1]!) cuts.push(c);
  }
  return Float64Array.from(cuts);
}

/** The bin of `x`: 0 for NaN, else 1 + the number of cuts below x (binary search). */
export function binOf(cuts: Cuts, x: number): number {
  if (Number.isNaN(x)) return 0;
  let lo = 0;
  let hi = cuts.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (cuts[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo + 1;
}

/** Bins every column (cuts placed per column); at most 64 bins, so one byte per value. */
export function binColumns(
  columns: readonly Float64Array[],
  options: BinOptions = {},
): { readonly bins: Uint8Array[]; readonly cuts: Cuts[] } {
  const cuts = columns.map((c, f) => featureCuts(c, { ...options, seed: (options.seed ?? 1) + f }));
  const bins = columns.map((c, f) => Uint8Array.from(c, (x) => binOf(cuts[f]!, x)));
  return { bins, cuts };
}
