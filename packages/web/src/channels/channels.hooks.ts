import { api } from '../api/client';
import { queryKeysFactory } from '../api/query-key-factory';
import { useItemsQuery } from '../api/queries';
import { useRefreshingMutation } from '../api/mutations';
import type { SalesChannel, ChannelConnect } from '../api/types';
export type { SalesChannel, ChannelConnect } from '../api/types';

export const channelKeys = queryKeysFactory('channels');

export function useChannels() {
  return useItemsQuery<SalesChannel>(channelKeys.list(), '/channels');
}

export function useConnectChannel() {
  return useRefreshingMutation(
    (input: ChannelConnect) => api.post<SalesChannel>('/channels', input),
    channelKeys.all,
  );
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
