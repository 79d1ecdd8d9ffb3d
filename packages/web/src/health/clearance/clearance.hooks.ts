import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { JsonRequest, Movement } from '../../api/types';
import { queryKeysFactory } from '../../api/query-key-factory';
import { restockKeys } from '../../replenishment/restock.hooks';
import { forecastKeys } from '../../forecasting/forecasts.hooks';
import type { Report } from './clearance-model';
import type { ForecastEvent, ForecastEventInput } from './markdown-model';

export const excessKeys = queryKeysFactory('excess');

/** The excess report (every Amazon location), all of it: a few hundred rows at most. */
export function useExcessReport() {
  return useQuery({
    queryKey: excessKeys.list(),
    queryFn: async () => {
      const first = await api.get<Report>('/reports/excess', { limit: 5000 });
      const rows = [...first.rows];
      let cursor = first.nextCursor;
      while (cursor) {
        const page = await api.get<Report>('/reports/excess', { limit: 5000, cursor });
        rows.push(...page.rows);
        cursor = page.nextCursor;
      }
      return { ...first, rows, nextCursor: null };
    },
    staleTime: 5 * 60_000,
  });
}

type MovementCreate = JsonRequest<'/api/v1/movements', 'post'>;

/**
 * A removal or liquidation taken out of sellable stock: one `removal` movement in the ledger, its
 * kind in the reference (the ledger has one removal type; the reference says why the units left).
 */
export function useRecordRemoval() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: {
      sku: string;
      location: string;
      quantity: number;
      kind: 'removal' | 'liquidation';
    }) => {
      const body: MovementCreate = {
        type: 'removal',
        sku: input.sku,
        location: input.location,
        quantity: input.quantity,
        from: 'sellable',
        referenceType: input.kind,
      };
      return api.post<Movement>('/movements', body);
    },
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: excessKeys.all });
      void client.invalidateQueries({ queryKey: restockKeys.all });
    },
  });
}

export const eventKeys = queryKeysFactory('events');

/**
 * The seller's events that apply to a SKU's forecast and end today or later (markdowns planned,
 * running or to come), the server matching them as the forecast does.
 */
export function useSkuEvents(sku: string, today: string) {
  return useQuery({
    queryKey: eventKeys.list({ from: today, sku }),
    queryFn: () => api.get<{ items: ForecastEvent[] }>('/events', { from: today, sku }),
  });
}

/** After a markdown is planned or removed: the events again, and every forecast (it recomputes on read). */
function useEventsChanged() {
  const client = useQueryClient();
  return () => {
    void client.invalidateQueries({ queryKey: eventKeys.all });
    void client.invalidateQueries({ queryKey: forecastKeys.all });
  };
}

/** Plans a markdown: a price event for one SKU through the events API (docs/forecasting.md Price response). */
export function usePlanMarkdown() {
  const changed = useEventsChanged();
  return useMutation({
    mutationFn: (input: ForecastEventInput) => api.post<ForecastEvent>('/events', input),
    onSuccess: changed,
  });
}

export function useRemoveEvent() {
  const changed = useEventsChanged();
  return useMutation({
    mutationFn: (id: number) => api.delete<undefined>(`/events/${String(id)}`),
    onSuccess: changed,
  });
}
