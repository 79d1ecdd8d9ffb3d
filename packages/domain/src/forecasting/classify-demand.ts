import type { DemandClass } from './types';

/**
 * Demand classification of Syntetos, Boylan & Croston (2005, JORS 56(5)) with the cut-offs
 * ADI = 1.32 and CV² = 0.49: smooth (regular, stable sizes), erratic (regular, variable sizes),
 * intermittent (sporadic, stable sizes), lumpy (sporadic, variable sizes). ADI is observed days per
 * non-zero day; CV² is the squared coefficient of variation of the non-zero sizes. NaN days are
 * ignored; no non-zero observation gives 'none'.
 */
export function classifyDemand(
  y: Float64Array,
  options: { readonly adiCutoff?: number; readonly cv2Cutoff?: number } = {},
): { demandClass: DemandClass; adi: number; cv2: number } {
  let observed = 0;
  let nonZero = 0;
  let sum = 0;
  let sumSq = 0;
  for (const v of y) {
    if (Number.isNaN(v)) continue;
    observed++;
    if (v > 0) {
      nonZero++;
      sum += v;
      sumSq += v * v;
    }
  }
  if (nonZero === 0) return { demandClass: 'none', adi: Infinity, cv2: 0 };
  const adi = observed / nonZero;
  const mean = sum / nonZero;
  const variance = Math.max(0, sumSq / nonZero - mean * mean);
  const cv2 = variance / (mean * mean);
  return { demandClass: classifyDemandClass(adi, cv2, options), adi, cv2 };
}

/** The class of an ADI and CV² (cut-offs 1.32 and 0.49 unless given), as `classifyDemand` draws it. */
export function classifyDemandClass(
  adi: number,
  cv2: number,
  options: { readonly adiCutoff?: number; readonly cv2Cutoff?: number } = {},
): Exclude<DemandClass, 'none'> {
  const sporadic = adi >= (options.adiCutoff ?? 1.32);
  const variable = cv2 >= (options.cv2Cutoff ?? 0.49);
  return sporadic ? (variable ? 'lumpy' : 'intermittent') : variable ? 'erratic' : 'smooth';
}
