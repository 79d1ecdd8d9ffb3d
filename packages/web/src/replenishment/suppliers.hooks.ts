import { useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../api/client';
import { queryKeysFactory } from '../api/query-key-factory';
import { useItemsQuery } from '../api/queries';
import { useRefreshingMutation } from '../api/mutations';
import type {
  Supplier,
  SupplierCreate,
  SupplierUpdate,
  SupplierProduct,
  Scorecard,
  SupplierBills,
} from '../api/types';
export type { Supplier, SupplierUpdate, SupplierProduct, Bill, Scorecard, SupplierBills } from '../api/types';

export const supplierKeys = queryKeysFactory('suppliers');

const supplierPath = (code: string) => `/suppliers/${encodeURIComponent(code)}`;

export function useSuppliers() {
  return useItemsQuery<Supplier>(supplierKeys.list(), '/suppliers');
}

/** One scorecard per supplier, fetched side by side (sellers have a handful of suppliers). */
export function useScorecards(codes: readonly string[]) {
  return useQueries({
    queries: codes.map((code) => ({
      queryKey: supplierKeys.detail(code, { view: 'scorecard' }),
      queryFn: () => api.get<Scorecard>(`${supplierPath(code)}/scorecard`),
    })),
  });
}

export function useSupplierProducts(code: string) {
  return useQuery({
    queryKey: supplierKeys.detail(code, { view: 'products' }),
    queryFn: async () =>
      (await api.get<{ items: SupplierProduct[] }>(`${supplierPath(code)}/products`)).items,
  });
}

export function useSupplierBills() {
  return useQuery({
    queryKey: [...supplierKeys.all, 'bills'] as const,
    queryFn: () => api.get<SupplierBills>('/suppliers/bills'),
  });
}

export function useUpdateSupplier() {
  return useRefreshingMutation(
    ({ code, patch }: { code: string; patch: SupplierUpdate }) =>
      api.patch<Supplier>(supplierPath(code), patch),
    supplierKeys.all,
  );
}

export function useCreateSupplier() {
  return useRefreshingMutation(
    (input: SupplierCreate) => api.post<Supplier>('/suppliers', input),
    supplierKeys.all,
  );
}

/**
 * Deletes a supplier no order names; one that orders name is kept for their history and made inactive.
 * The list refetches first, so the deleted supplier's scorecard is dropped rather than fetched again.
 */
export function useDeleteSupplier() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (code: string) => api.delete<{ deleted: boolean; deactivated: boolean }>(supplierPath(code)),
    onSuccess: async (_result, code) => {
      await client.invalidateQueries({ queryKey: supplierKeys.lists() });
      client.removeQueries({ queryKey: [...supplierKeys.details(), code] });
      await client.invalidateQueries({ queryKey: supplierKeys.all });
    },
  });
}
