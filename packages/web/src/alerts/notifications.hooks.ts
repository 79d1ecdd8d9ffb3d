import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../api/client';
import { queryKeysFactory } from '../api/query-key-factory';
import type { NotificationSettings, NotificationSettingsUpdate } from '../api/types';
export type { NotificationSettings, NotificationSettingsUpdate } from '../api/types';

export const notificationKeys = queryKeysFactory('notification-settings');

export function useNotificationSettings() {
  return useQuery({
    queryKey: notificationKeys.all,
    queryFn: () => api.get<NotificationSettings>('/alerts/settings'),
  });
}

/** Saves; a new webhook without a secret gets one from the server, returned once as `webhookSecret`. */
export function useSaveNotificationSettings() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: NotificationSettingsUpdate) =>
      api.put<NotificationSettings & { webhookSecret?: string }>('/alerts/settings', body),
    onSuccess: (saved) => {
      client.setQueryData(notificationKeys.all, saved);
    },
  });
}
