import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../api/client';
import type { AlertItem, Page } from '../api/types';
import { queryKeysFactory } from '../api/query-key-factory';

export const alertKeys = queryKeysFactory('alerts');

export type AlertFilter = 'active' | 'acknowledged' | 'resolved';

export function useAlerts(status: AlertFilter) {
  return useQuery({
    queryKey: alertKeys.list({ status }),
    queryFn: async () => (await api.get<Page<AlertItem>>('/alerts', { status, limit: 200 })).items,
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
