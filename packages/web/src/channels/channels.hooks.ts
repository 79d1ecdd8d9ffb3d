import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../api/client';
import { queryKeysFactory } from '../api/query-key-factory';
import type { OrderChannel } from '../sales/orders.hooks';

/** GET /api/v1/channels items: what is connected, and whether its secrets are in place. */
export interface SalesChannel {
  channel: OrderChannel;
  name: string;
  shopDomain: string | null;
  location: string | null;
  safetyBuffer: number;
  hasWebhookSecret: boolean;
  hasCredentials: boolean;
  pullCursor: string | null;
  createdAt: string;
  updatedAt: string;
}

export type ChannelConnect =
  | {
      type: 'shopify';
      shopDomain: string;
      webhookSecret: string;
      accessToken?: string;
      location?: string;
      safetyBuffer?: number;
    }
  | {
      type: 'amazon';
      sellerId?: string;
      clientId?: string;
      clientSecret?: string;
      refreshToken?: string;
      location?: string;
      safetyBuffer?: number;
    }
  | { type: 'manual' | 'other'; name?: string; location?: string; safetyBuffer?: number };

export const channelKeys = queryKeysFactory('channels');

export function useChannels() {
  return useQuery({
    queryKey: channelKeys.list(),
    queryFn: async () => (await api.get<{ items: SalesChannel[] }>('/channels')).items,
  });
}

export function useConnectChannel() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: ChannelConnect) => api.post<SalesChannel>('/channels', input),
    onSuccess: () => client.invalidateQueries({ queryKey: channelKeys.all }),
  });
}

/**
 * How a connected channel stands: "live" when it can both receive (webhook secret) and pull/push
 * (API credentials); "webhooks" or "api" when only one half is set up; manual channels need neither.
 */
export type ChannelState = 'live' | 'webhooks' | 'api' | 'manual' | 'incomplete';

export function channelState(c: SalesChannel): ChannelState {
  if (c.channel === 'manual' || c.channel === 'other') return 'manual';
  // Amazon has no webhooks: its SP-API credentials are the whole connection.
  if (c.channel === 'amazon') return c.hasCredentials ? 'live' : 'incomplete';
  if (c.hasWebhookSecret && c.hasCredentials) return 'live';
  if (c.hasWebhookSecret) return 'webhooks';
  if (c.hasCredentials) return 'api';
  return 'incomplete';
}
