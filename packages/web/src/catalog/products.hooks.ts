import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../api/client';
import { fetchAll } from '../api/paginate';
import type { Page, Product } from '../api/types';
import { queryKeysFactory } from '../api/query-key-factory';

export const productKeys = {
  ...queryKeysFactory('products'),
  lookup: (code: string) => ['products', 'lookup', code] as const,
};

export interface ProductQuery {
  q?: string;
  limit?: number;
  cursor?: string;
  sort?: 'sku' | 'title' | 'createdAt' | 'updatedAt';
  order?: 'asc' | 'desc';
}

export function useProducts(query: ProductQuery) {
  return useQuery({
    queryKey: productKeys.list(query),
    queryFn: () => api.get<Page<Product>>('/products', { ...query }),
    placeholderData: keepPreviousData,
  });
}

/** The whole catalog, for joins the server does not do yet (barcodes and volume per balance). */
export function useAllProducts() {
  return useQuery({
    queryKey: productKeys.list({ all: true }),
    queryFn: () => fetchAll<Product>('/products'),
    staleTime: 5 * 60_000,
  });
}

export function useProduct(sku: string) {
  return useQuery({
    queryKey: productKeys.detail(sku),
    queryFn: () => api.get<Product>(`/products/${encodeURIComponent(sku)}`),
  });
}

/** Imperative lookup for the scanner: one request per scan, cached so a re-scan is instant. */
export function lookupProduct(code: string): Promise<Product> {
  return api.get<Product>('/products/lookup', { code });
}
