import { api } from '../api/client';
import { queryKeysFactory } from '../api/query-key-factory';
import { useItemsQuery } from '../api/queries';
import { useRefreshingMutation } from '../api/mutations';
import type { components } from '../api/schema.gen';

type Schemas = components['schemas'];

/** GET /api/v1/fees items: a dated schedule per marketplace; the shipped defaults are read-only. */
export type FeeSchedule = Schemas['FeeSchedule'];

/** A row of the Multi-Channel Fulfilment table (standard shipping), as the server defines it. */
export type McfRate = FeeSchedule['mcf'][number];

export type McfSizeTier = McfRate['sizeTier'];

/** The rates a seller edits most; the server's schedule has more (surcharge brackets, fulfilment tables). */
export type FeeRates = Pick<
  FeeSchedule,
  | 'storage'
  | 'peakMonths'
  | 'capacityOveragePerCubicFoot'
  | 'referralRate'
  | 'inboundPerCubicFoot'
  | 'removalPerUnit'
  | 'disposalPerUnit'
  | 'otherVariablePerUnit'
>;

export type FeeRatesPatch = Schemas['FeeScheduleUpdate'];

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
