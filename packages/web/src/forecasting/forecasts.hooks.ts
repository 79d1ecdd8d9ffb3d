import { useQuery } from '@tanstack/react-query';
import { api, isNotFound } from '../api/client';
import type { Forecast, ForecastAccuracy } from '../api/types';
import { queryKeysFactory } from '../api/query-key-factory';

export const forecastKeys = queryKeysFactory('forecasts');
export const forecastAccuracyKeys = queryKeysFactory('forecast-accuracy');

/** null when the forecasting endpoint (or this SKU's forecast) does not exist yet. */
export function useForecast(sku: string, query: { location?: string; horizon?: number }) {
  return useQuery({
    queryKey: forecastKeys.detail(sku, query),
    queryFn: async () => {
      try {
        return await api.get<Forecast>(`/forecasts/${encodeURIComponent(sku)}`, query);
      } catch (error) {
        if (isNotFound(error)) return null;
        throw error;
      }
    },
    staleTime: 10 * 60_000,
  });
}

/** Accuracy of past forecasts against what sold, over each forecast's first `windowDays` days. */
export function useForecastAccuracy(windowDays: number) {
  return useQuery({
    queryKey: forecastAccuracyKeys.list({ windowDays }),
    queryFn: () => api.get<ForecastAccuracy>('/forecasts/accuracy', { windowDays }),
    staleTime: 10 * 60_000,
  });
}
