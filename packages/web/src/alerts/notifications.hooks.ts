import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../api/client';
import { queryKeysFactory } from '../api/query-key-factory';

/** GET /api/v1/alerts/settings: where alerts go. Secrets are never sent back, only whether one is set. */
export interface NotificationSettings {
  smtp: {
    host: string;
    port: number;
    secure: boolean;
    user: string | null;
    from: string;
    passwordSet: boolean;
  } | null;
  webhook: { url: string; secretSet: boolean; signatureHeader: string } | null;
  alertRecipients: string[];
  updatedAt: string | null;
}

/** PUT body: null removes a channel; an omitted password or secret keeps the stored one. */
export interface NotificationSettingsUpdate {
  smtp: {
    host: string;
    port: number;
    secure: boolean;
    user: string | null;
    password?: string;
    from: string;
  } | null;
  webhook: { url: string; secret?: string } | null;
  alertRecipients: string[];
}

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
