import { useQuery } from '@tanstack/react-query';
import { api } from '../api/client';
import type { ApiToken, ApiTokenCreated, Page } from '../api/types';
import { queryKeysFactory } from '../api/query-key-factory';
import { useRefreshingMutation } from '../api/mutations';

export const tokenKeys = queryKeysFactory('tokens');

export function useTokens() {
  return useQuery({
    queryKey: tokenKeys.list(),
    queryFn: () => api.get<Page<ApiToken>>('/tokens'),
    select: (page) => page.items,
  });
}

export function useCreateToken() {
  return useRefreshingMutation(
    (name: string) => api.post<ApiTokenCreated>('/tokens', { name }),
    tokenKeys.all,
  );
}

export function useRevokeToken() {
  return useRefreshingMutation((id: number) => api.delete<unknown>(`/tokens/${id}`), tokenKeys.all);
}
