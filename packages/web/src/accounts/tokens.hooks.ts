import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../api/client';
import type { ApiToken, ApiTokenCreated, Page } from '../api/types';
import { queryKeysFactory } from '../api/query-key-factory';

export const tokenKeys = queryKeysFactory('tokens');

export function useTokens() {
  return useQuery({
    queryKey: tokenKeys.list(),
    queryFn: () => api.get<Page<ApiToken>>('/tokens'),
    select: (page) => page.items,
  });
}

export function useCreateToken() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (name: string) => api.post<ApiTokenCreated>('/tokens', { name }),
    onSuccess: () => client.invalidateQueries({ queryKey: tokenKeys.all }),
  });
}

export function useRevokeToken() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => api.delete<unknown>(`/tokens/${id}`),
    onSuccess: () => client.invalidateQueries({ queryKey: tokenKeys.all }),
  });
}
