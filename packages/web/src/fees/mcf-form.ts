import { fieldRules } from '../api/schema.gen';
import type { McfRate, McfSizeTier } from './fees.hooks';

/** The size tiers in the order the table shows them. */
export const MCF_TIERS: readonly McfSizeTier[] = [
  'small_standard',
  'large_standard',
  'large_bulky',
  'extra_large',
];

/** The order-size bands the server takes (Amazon's are 1, 2, 3, 4 and 5 or more units), from its schema. */
const UNITS_IN_ORDER = fieldRules.McfRate.minUnitsInOrder;

const tierIndex = (tier: McfSizeTier) => MCF_TIERS.indexOf(tier);
const upTo = (r: McfRate) => r.maxWeightLb ?? Number.POSITIVE_INFINITY;

/** The rows as the table shows them: by tier, then weight (any weight last), then order size. */
export function sortedMcf(rows: readonly McfRate[]): McfRate[] {
  return [...rows].sort(
    (a, b) =>
      tierIndex(a.sizeTier) - tierIndex(b.sizeTier) ||
      upTo(a) - upTo(b) ||
      a.minUnitsInOrder - b.minUnitsInOrder,
  );
}

/** A row's order-size band: its units, and whether it also holds every larger order (the tier's highest). */
export function mcfBand(rows: readonly McfRate[], row: McfRate): { units: number; orMore: boolean } {
  const highest = Math.max(...rows.filter((r) => r.sizeTier === row.sizeTier).map((r) => r.minUnitsInOrder));
  return { units: row.minUnitsInOrder, orMore: row.minUnitsInOrder >= highest };
}

/** A new row for the seller to fill: large standard, any weight, 1-unit orders, no fee yet. */
export const newMcfRow = (): McfRate => ({
  sizeTier: 'large_standard',
  maxWeightLb: null,
  fee: 0,
  perLbAbove: 0,
  baseWeightLb: 0,
  minUnitsInOrder: 1,
});

/** A number field edited in the form: never negative, never NaN (an empty field is 0). */
export const nonNegative = (v: number | string): number => Math.max(0, Number(v) || 0);

/** An order-size band edited in the form: a whole number of units from 1. */
export const unitsInOrder = (v: number | string): number =>
  Math.min(
    UNITS_IN_ORDER.maximum,
    Math.max(UNITS_IN_ORDER.minimum, Math.floor(Number(v) || UNITS_IN_ORDER.minimum)),
  );
