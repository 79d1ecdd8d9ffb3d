import { api } from '../api/client';
import type { ApiToken, ApiTokenCreated } from '../api/types';
import { queryKeysFactory } from '../api/query-key-factory';
import { useItemsQuery } from '../api/queries';
import { useRefreshingMutation } from '../api/mutations';

export const tokenKeys = queryKeysFactory('tokens');

export function useTokens() {
  return useItemsQuery<ApiToken>(tokenKeys.list(), '/tokens');
}

export function useCreateToken() {
  return useRefreshingMutation(
    (name: string) => api.post<ApiTokenCreated>('/tokens', { name }),
    tokenKeys.all,
  );
}

export function useRevokeToken(id: number) {
  return useRefreshingMutation(() => api.delete<unknown>(`/tokens/${id}`), tokenKeys.all);
}
