import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../api/client';
import { queryKeysFactory } from '../api/query-key-factory';
import type { StorageOverview } from '../api/types';
import type { ConversionQuery } from '../components/conversion/conversion';

export const storageKeys = queryKeysFactory('storage-overview');

const PATH = '/reports/storage/overview';

/** Storage fees by storage type for `months` months up to this one and next month, with capacity. */
export function useStorageOverview(months: number) {
  return useQuery({
    queryKey: storageKeys.detail(months),
    queryFn: () => api.get<StorageOverview>(PATH, { months }),
    staleTime: 5 * 60_000,
  });
}

/** The same months with each month's fees converted by the seller's table (nothing is asked without one). */
export function useConvertedStorage(months: number, conversion: ConversionQuery | null) {
  return useQuery({
    queryKey: storageKeys.detail(months, { converted: conversion }),
    queryFn: () =>
      api.get<StorageOverview>(PATH, { months, convertTo: conversion?.to, rates: conversion?.rates }),
    enabled: conversion !== null,
    placeholderData: keepPreviousData,
  });
}
