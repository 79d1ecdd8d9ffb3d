import { api } from '../api/client';
import { queryKeysFactory } from '../api/query-key-factory';
import { useItemsQuery } from '../api/queries';
import { useRefreshingMutation } from '../api/mutations';

/** The rates a seller edits most; the server's schedule has more (surcharge brackets, fulfilment tables). */
export interface FeeRates {
  storage: { standard: { offPeak: number; peak: number }; oversize: { offPeak: number; peak: number } };
  peakMonths: number[];
  capacityOveragePerCubicFoot: number;
  referralRate: number;
  inboundPerCubicFoot: number;
  removalPerUnit: number;
  disposalPerUnit: number;
  otherVariablePerUnit: number;
}

export type McfSizeTier = 'small_standard' | 'large_standard' | 'large_bulky' | 'extra_large';

/**
 * A row of the Multi-Channel Fulfilment table (standard shipping): the fee per unit of an order of at
 * least `minUnitsInOrder` units, for the tier's units up to `maxWeightLb` (null: any weight), plus
 * `perLbAbove` per lb above `baseWeightLb`.
 */
export interface McfRate {
  sizeTier: McfSizeTier;
  maxWeightLb: number | null;
  fee: number;
  perLbAbove: number;
  baseWeightLb: number;
  minUnitsInOrder: number;
}

/** GET /api/v1/fees items: a dated schedule per marketplace; the shipped defaults are read-only. */
export interface FeeSchedule extends FeeRates {
  id: number;
  marketplace: string;
  effectiveFrom: string;
  currency: string;
  source: 'default' | 'account';
  agedSurcharge: { minDays: number; maxDays: number | null; perCubicFoot: number; perUnit: number }[];
  /** Empty: the marketplace has no MCF table (those fees are unknown in the profit report). */
  mcf: McfRate[];
  updatedAt: string;
}

export type FeeRatesPatch = Partial<FeeRates> & { mcf?: McfRate[] };

export const feeKeys = queryKeysFactory('fees');

export function useFeeSchedules() {
  return useItemsQuery<FeeSchedule>(feeKeys.list(), '/fees');
}

/** A new schedule from a date; the server starts it from the rates in force then. */
export function useCreateFeeSchedule() {
  return useRefreshingMutation(
    (input: { marketplace: string; effectiveFrom: string }) => api.post<FeeSchedule>('/fees', input),
    feeKeys.all,
  );
}

export function useUpdateFeeSchedule() {
  return useRefreshingMutation(
    ({ id, patch }: { id: number; patch: FeeRatesPatch }) => api.patch<FeeSchedule>(`/fees/${id}`, patch),
    feeKeys.all,
  );
}

export function useDeleteFeeSchedule() {
  return useRefreshingMutation((id: number) => api.delete<unknown>(`/fees/${id}`), feeKeys.all);
}
