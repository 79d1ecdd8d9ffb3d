import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../api/client';
import type {
  Page,
  PurchaseOrder,
  PurchaseOrderReceipt,
  PurchaseOrderUpdate,
  ReceiveScan,
} from '../api/types';
import { queryKeysFactory } from '../api/query-key-factory';
import { restockKeys } from './restock.hooks';

export const purchaseOrderKeys = queryKeysFactory('purchase-orders');

const poPath = (number: string) => `/purchase-orders/${encodeURIComponent(number)}`;

/** Where the browser downloads an order's CSV or PDF (same-origin, the session cookie authenticates). */
export function purchaseOrderExportUrl(number: string, format: 'csv' | 'pdf'): string {
  return `/api/v1${poPath(number)}/export.${format}`;
}

export function usePurchaseOrders() {
  return useQuery({
    queryKey: purchaseOrderKeys.list(),
    queryFn: async () => (await api.get<Page<PurchaseOrder>>('/purchase-orders', { limit: 200 })).items,
  });
}

export function usePurchaseOrder(number: string) {
  return useQuery({
    queryKey: purchaseOrderKeys.detail(number),
    queryFn: () => api.get<PurchaseOrder>(poPath(number)),
  });
}

/**
 * Drafts one order per supplier × location from the current recommendations for the chosen SKUs,
 * then sets each drafted line to the quantity the buyer typed (keyed by SKU and location).
 */
export function useCreatePurchaseOrders() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async ({ skus, quantities }: { skus: string[]; quantities: Map<string, number> }) => {
      const { items } = await api.post<{ items: PurchaseOrder[] }>('/purchase-orders', {
        fromRecommendations: true,
        skus,
      });
      const orders: PurchaseOrder[] = [];
      for (const order of items) {
        const edited = order.lines.map((line) => ({
          sku: line.sku,
          quantity: quantities.get(lineKey(line.sku, order.location)) ?? line.quantity,
          unitCost: line.unitCost,
        }));
        const lines = edited.filter((line) => line.quantity > 0);
        if (lines.length === 0) {
          // Only rows the buyer left out (the same SKU at another location): not wanted.
          await api.post<PurchaseOrder>(`${poPath(order.number)}/cancel`);
          continue;
        }
        const changed =
          lines.length !== order.lines.length ||
          lines.some((line, i) => line.quantity !== order.lines[i]?.quantity);
        orders.push(changed ? await api.patch<PurchaseOrder>(poPath(order.number), { lines }) : order);
      }
      return orders;
    },
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: purchaseOrderKeys.all });
      void client.invalidateQueries({ queryKey: restockKeys.all });
    },
  });
}

export function lineKey(sku: string, location: string): string {
  return `${sku}\u0001${location}`;
}

/** A step on one order (send, cancel, edit): the answer replaces the cached order, the lists refetch. */
function useOrderStep<TInput = void>(number: string, step: (input: TInput) => Promise<PurchaseOrder>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: step,
    onSuccess: (order) => {
      client.setQueryData(purchaseOrderKeys.detail(number), order);
      void client.invalidateQueries({ queryKey: purchaseOrderKeys.lists() });
      void client.invalidateQueries({ queryKey: restockKeys.all });
    },
  });
}

export function useSendPurchaseOrder(number: string) {
  return useOrderStep(number, () => api.post<PurchaseOrder>(`${poPath(number)}/send`));
}

export function useCancelPurchaseOrder(number: string) {
  return useOrderStep(number, () => api.post<PurchaseOrder>(`${poPath(number)}/cancel`));
}

export function useUpdatePurchaseOrder(number: string) {
  return useOrderStep(number, (patch: PurchaseOrderUpdate) =>
    api.patch<PurchaseOrder>(poPath(number), patch),
  );
}

export function useReceivePurchaseOrder(number: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (scan: ReceiveScan) =>
      api.post<PurchaseOrderReceipt>(`${poPath(number)}/receive`, { lines: [scan] }),
    onSuccess: (result) => {
      client.setQueryData(purchaseOrderKeys.detail(number), result.purchaseOrder);
      void client.invalidateQueries({ queryKey: purchaseOrderKeys.lists() });
    },
  });
}
