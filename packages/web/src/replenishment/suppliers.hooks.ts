import { useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../api/client';
import { queryKeysFactory } from '../api/query-key-factory';

/** GET /api/v1/suppliers: terms, staged lead time and what receipts taught about it. */
export interface Supplier {
  code: string;
  name: string;
  contactName: string | null;
  email: string | null;
  phone: string | null;
  address: string | null;
  currency: string;
  paymentTermsDays: number;
  leadTime: {
    productionDays: number;
    transitDays: number;
    groundDays: number;
    checkInDays: number;
    statedDays: number;
    learned: { meanDays: number; sdDays: number; observations: number; source: string };
  };
  notes: string | null;
  active: boolean;
}

export interface SupplierUpdate {
  name?: string;
  contactName?: string | null;
  email?: string | null;
  phone?: string | null;
  paymentTermsDays?: number;
  leadTime?: { productionDays: number; transitDays: number; groundDays: number; checkInDays: number };
  notes?: string | null;
  active?: boolean;
}

/** GET /api/v1/suppliers/{code}/products: the supplier's terms per SKU. */
export interface SupplierProduct {
  supplier: string;
  sku: string;
  supplierSku: string | null;
  unitCost: number | null;
  priceBreaks: { minQuantity: number; unitCost: number }[];
  moq: number;
  casePack: number | null;
  preferred: boolean;
}

export interface Bill {
  number: string;
  amount: number;
  dueOn: string;
  overdue: boolean;
}

/** GET /api/v1/suppliers/{code}/scorecard. Rates are 0–1; null where there is no history yet. */
export interface Scorecard {
  supplier: string;
  asOf: string;
  orders: number;
  receivedOrders: number;
  onTimeRate: number | null;
  leadTime: {
    statedDays: number;
    meanDays: number | null;
    varianceDays2: number | null;
    sdDays: number | null;
    observations: number;
  };
  fillRate: number | null;
  openOrders: { count: number; value: number; units: number };
  billsDue: Bill[];
  totalDue: number;
}

/** GET /api/v1/suppliers/bills: every supplier's unpaid bills, soonest due first. */
export interface SupplierBills {
  asOf: string;
  items: (Bill & { supplier: string; supplierName: string; currency: string })[];
  totals: { currency: string; amount: number; overdue: number }[];
}

export const supplierKeys = queryKeysFactory('suppliers');

const supplierPath = (code: string) => `/suppliers/${encodeURIComponent(code)}`;

export function useSuppliers() {
  return useQuery({
    queryKey: supplierKeys.list(),
    queryFn: async () => (await api.get<{ items: Supplier[] }>('/suppliers')).items,
  });
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
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ code, patch }: { code: string; patch: SupplierUpdate }) =>
      api.patch<Supplier>(supplierPath(code), patch),
    onSuccess: () => client.invalidateQueries({ queryKey: supplierKeys.all }),
  });
}
