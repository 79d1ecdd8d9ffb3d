import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../api/client';
import { fetchAll } from '../api/paginate';
import type { AgeLayer, Balance, InventorySummary, Page, StockOuts } from '../api/types';
import { queryKeysFactory } from '../api/query-key-factory';

export const inventoryKeys = {
  ...queryKeysFactory('inventory'),
  layers: (query: object) => ['inventory', 'layers', query] as const,
  summary: () => ['inventory', 'summary'] as const,
  stockOuts: () => ['inventory', 'stock-outs'] as const,
};

/** Every SKU × location balance; `loaded` counts rows while the pages stream in. */
export function useAllBalances() {
  const [loaded, setLoaded] = useState(0);
  const query = useQuery({
    queryKey: inventoryKeys.list({ all: true }),
    queryFn: ({ signal }) => fetchAll<Balance>('/inventory', { onProgress: setLoaded, signal }),
    staleTime: 60_000,
  });
  return { ...query, loaded };
}

export function useBalances(query: { sku?: string; location?: string }) {
  return useQuery({
    queryKey: inventoryKeys.list(query),
    queryFn: () => api.get<Page<Balance>>('/inventory', { ...query, limit: 1000 }),
  });
}

export function useLayers(query: { sku?: string; location?: string }) {
  return useQuery({
    queryKey: inventoryKeys.layers(query),
    queryFn: () => api.get<Page<AgeLayer>>('/inventory/layers', query),
    select: (page) => page.items,
    staleTime: 60_000,
  });
}

/** The overview's totals, computed by the server: one small response however many SKUs there are. */
export function useInventorySummary() {
  return useQuery({
    queryKey: inventoryKeys.summary(),
    queryFn: () => api.get<InventorySummary>('/inventory/summary'),
    staleTime: 60_000,
  });
}

/** The planning position's stock-outs (SKU × location), the ones the overview counts and restock flags. */
export function useStockOuts() {
  return useQuery({
    queryKey: inventoryKeys.stockOuts(),
    queryFn: () => api.get<StockOuts>('/inventory/stock-outs'),
    staleTime: 60_000,
  });
}
