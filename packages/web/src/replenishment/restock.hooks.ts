import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, optional } from '../api/client';
import type { RestockExport, RestockPlan, RestockSkuSettings } from '../api/types';
import { downloadBlob } from '../ledger/inventory/csv';
import { projectionKeys } from './projection.hooks';
import { queryKeysFactory } from '../api/query-key-factory';

export const restockKeys = queryKeysFactory('restock');

/** How the plan supplies each location (the API's `mode`). */
export type SupplyMode = RestockPlan['mode'];

/**
 * The whole restock plan in one mode; without `mode` the server picks its default (network planning
 * for a seller with an own warehouse and an Amazon location) and says which in `plan.mode`.
 * `null` when the server has no restock endpoint.
 */
export function useRestockPlan(mode?: SupplyMode, options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: restockKeys.list(mode ? { mode } : {}),
    queryFn: () => optional(() => api.get<RestockPlan>('/restock', mode ? { mode } : {})),
    staleTime: 5 * 60_000,
    retry: false,
    enabled: options.enabled ?? true,
  });
}

/** The planner's shown rows as an Excel workbook, written by the server's report writer and downloaded. */
export function useRestockExport() {
  return useMutation({
    mutationFn: async (table: RestockExport) => {
      downloadBlob('restock-plan.xlsx', await api.postForFile('/restock/export', table));
    },
  });
}

export const skuSettingsKeys = queryKeysFactory('restock-settings');

/** A SKU's own planning settings as stored (GET /restock/settings/{sku}). */
export function useSkuSettings(sku: string) {
  return useQuery({
    queryKey: skuSettingsKeys.detail(sku),
    queryFn: () =>
      api.get<RestockSkuSettings & { sku: string }>(`/restock/settings/${encodeURIComponent(sku)}`),
  });
}

/**
 * Saves a SKU's settings; the plan and projections are planned with them, so both are fetched again
 * (the recommendation in the open row refreshes).
 */
export function useSaveSkuSettings(sku: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (settings: RestockSkuSettings) =>
      api.put<RestockSkuSettings & { sku: string }>(`/restock/settings/${encodeURIComponent(sku)}`, settings),
    onSuccess: () =>
      Promise.all([
        client.invalidateQueries({ queryKey: skuSettingsKeys.detail(sku) }),
        client.invalidateQueries({ queryKey: restockKeys.all }),
        client.invalidateQueries({ queryKey: projectionKeys.all }),
      ]),
  });
}
