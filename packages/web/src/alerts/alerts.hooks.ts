import { keepPreviousData, useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../api/client';
import type { AlertItem, Page } from '../api/types';
import { queryKeysFactory } from '../api/query-key-factory';

export const alertKeys = queryKeysFactory('alerts');

export type AlertStatusFilter = 'active' | 'acknowledged' | 'resolved';

export interface AlertFilter {
  status: AlertStatusFilter;
  kind?: AlertItem['kind'] | undefined;
  severity?: AlertItem['severity'] | undefined;
  location?: string | undefined;
}

/** Rows per page of the alerts list. */
export const ALERTS_PAGE_SIZE = 50;

/** The alerts in the server's order (most severe, then most urgent), a page at a time ("load more"). */
export function useAlerts(filter: AlertFilter) {
  return useInfiniteQuery({
    queryKey: alertKeys.list(filter),
    queryFn: ({ pageParam }) =>
      api.get<Page<AlertItem>>('/alerts', { ...filter, limit: ALERTS_PAGE_SIZE, cursor: pageParam }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
}

export function useAlertAction() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, action }: { id: number; action: 'acknowledge' | 'snooze' }) =>
      api.post<AlertItem>(`/alerts/${id}/${action}`, action === 'snooze' ? { days: 7 } : {}),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: alertKeys.all });
    },
  });
}
