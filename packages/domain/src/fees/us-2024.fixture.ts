import type { SizeTier } from '../catalog/dimensions';
import type { FeeSchedule, McfRate } from './fee-schedule';

/** One weight row of the MCF table in its five order-size bands (1, 2, 3, 4, 5+ units): the fees in order. */
const mcfBands = (
  sizeTier: SizeTier,
  maxWeightLb: number | null,
  fees: readonly [number, number, number, number, number],
  perLb: { perLbAbove: number; baseWeightLb: number } = { perLbAbove: 0, baseWeightLb: 0 },
): McfRate[] => fees.map((fee, i) => ({ sizeTier, maxWeightLb, fee, ...perLb, minUnitsInOrder: i + 1 }));

/**
 * docs/formulas.md's US rates (from 2024), as migration 0005 seeds them, with the Multi-Channel
 * Fulfilment table of migration 0062 (docs/fees.md, "Multi-Channel Fulfilment"). Tests use this copy; an
 * integration test checks the seeded row equals it, so the two cannot drift apart.
 */
export const US_2024_FEES: FeeSchedule = {
  marketplace: 'US',
  effectiveFrom: '2024-01-01',
  currency: 'USD',
  storage: { standard: { offPeak: 0.78, peak: 2.4 }, oversize: { offPeak: 0.56, peak: 1.4 } },
  peakMonths: [10, 11, 12],
  warehouseStoragePerCubicFootMonth: 0.78,
  agedSurchargeDay: 15,
  agedSurcharge: [
    { minDays: 181, maxDays: 210, perCubicFoot: 0.5, perUnit: 0 },
    { minDays: 211, maxDays: 240, perCubicFoot: 1.0, perUnit: 0 },
    { minDays: 241, maxDays: 270, perCubicFoot: 1.5, perUnit: 0 },
    { minDays: 271, maxDays: 300, perCubicFoot: 3.8, perUnit: 0 },
    { minDays: 301, maxDays: 330, perCubicFoot: 4.0, perUnit: 0 },
    { minDays: 331, maxDays: 365, perCubicFoot: 4.2, perUnit: 0 },
    { minDays: 366, maxDays: null, perCubicFoot: 6.9, perUnit: 0.15 },
  ],
  utilizationSurcharge: [
    { minWeeks: 22, perCubicFoot: 0.44 },
    { minWeeks: 28, perCubicFoot: 0.76 },
    { minWeeks: 36, perCubicFoot: 1.16 },
    { minWeeks: 44, perCubicFoot: 1.58 },
    { minWeeks: 52, perCubicFoot: 1.88 },
  ],
  capacityOveragePerCubicFoot: 10,
  referralRate: 0.15,
  fulfilment: [
    { sizeTier: 'small_standard', maxWeightLb: 0.25, fee: 3.06, perLbAbove: 0, baseWeightLb: 0 },
    { sizeTier: 'small_standard', maxWeightLb: 0.5, fee: 3.15, perLbAbove: 0, baseWeightLb: 0 },
    { sizeTier: 'small_standard', maxWeightLb: 0.75, fee: 3.24, perLbAbove: 0, baseWeightLb: 0 },
    { sizeTier: 'small_standard', maxWeightLb: null, fee: 3.33, perLbAbove: 0, baseWeightLb: 0 },
    { sizeTier: 'large_standard', maxWeightLb: 0.25, fee: 3.68, perLbAbove: 0, baseWeightLb: 0 },
    { sizeTier: 'large_standard', maxWeightLb: 0.5, fee: 3.9, perLbAbove: 0, baseWeightLb: 0 },
    { sizeTier: 'large_standard', maxWeightLb: 1, fee: 4.35, perLbAbove: 0, baseWeightLb: 0 },
    { sizeTier: 'large_standard', maxWeightLb: 2, fee: 5.12, perLbAbove: 0, baseWeightLb: 0 },
    { sizeTier: 'large_standard', maxWeightLb: 3, fee: 5.77, perLbAbove: 0, baseWeightLb: 0 },
    { sizeTier: 'large_standard', maxWeightLb: null, fee: 6.46, perLbAbove: 0.32, baseWeightLb: 3 },
    { sizeTier: 'large_bulky', maxWeightLb: null, fee: 9.61, perLbAbove: 0.38, baseWeightLb: 1 },
    { sizeTier: 'extra_large', maxWeightLb: null, fee: 26.33, perLbAbove: 0.38, baseWeightLb: 1 },
  ],
  mcf: [
    ...mcfBands('small_standard', 0.25, [3.95, 2.75, 2.39, 1.89, 1.79]),
    ...mcfBands('small_standard', 0.625, [4.95, 3.45, 2.95, 2.29, 1.99]),
    ...mcfBands('small_standard', null, [5.79, 4.05, 3.45, 2.89, 2.59]),
    ...mcfBands('large_standard', 0.625, [5.49, 3.85, 3.29, 2.69, 2.39]),
    ...mcfBands('large_standard', 1, [5.79, 3.9, 3.4, 2.89, 2.59]),
    ...mcfBands('large_standard', 2, [5.95, 3.95, 3.45, 3.35, 2.95]),
    ...mcfBands('large_standard', null, [5.95, 3.95, 3.45, 3.35, 2.95], {
      perLbAbove: 0.38,
      baseWeightLb: 2,
    }),
    ...mcfBands('large_bulky', null, [10.99, 6.8, 5.8, 4.8, 3.8], { perLbAbove: 0.38, baseWeightLb: 2 }),
    // one rate for every order size
    {
      sizeTier: 'extra_large',
      maxWeightLb: 150,
      fee: 15.3,
      perLbAbove: 0.39,
      baseWeightLb: 2,
      minUnitsInOrder: 1,
    },
    {
      sizeTier: 'extra_large',
      maxWeightLb: null,
      fee: 143.3,
      perLbAbove: 0.92,
      baseWeightLb: 90,
      minUnitsInOrder: 1,
    },
  ],
  inboundPerCubicFoot: 0.3,
  removalPerUnit: 1.04,
  disposalPerUnit: 1.04,
  liquidationPerUnit: 0.25,
  liquidationRecoveryRate: 0.1,
  otherVariablePerUnit: 0,
};
