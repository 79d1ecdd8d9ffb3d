import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, isUnauthorized } from '../api/client';
import type { Locale, Me } from '../api/types';
import { queryKeysFactory } from '../api/query-key-factory';

export const authKeys = {
  ...queryKeysFactory('auth'),
  me: () => ['auth', 'me'] as const,
  setup: () => ['auth', 'setup'] as const,
};

/** null when signed out: a 401 here is an answer, not an error. */
export function useMe() {
  return useQuery({
    queryKey: authKeys.me(),
    queryFn: async (): Promise<Me | null> => {
      try {
        return await api.get<Me>('/auth/me');
      } catch (error) {
        if (isUnauthorized(error)) return null;
        throw error;
      }
    },
    staleTime: 60_000,
  });
}

export function useSetupStatus(enabled = true) {
  return useQuery({
    queryKey: authKeys.setup(),
    queryFn: () => api.get<{ needsSetup: boolean }>('/auth/setup'),
    enabled,
    staleTime: Infinity,
  });
}

export function useLogin() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { email: string; password: string }) => api.post<Me>('/auth/login', body),
    onSuccess: async () => {
      // A new session may belong to another user or account: nothing cached may leak across.
      client.removeQueries({ predicate: (query) => query.queryKey[0] !== 'auth' });
      await client.invalidateQueries({ queryKey: authKeys.all });
    },
  });
}

export function useSetup() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: {
      setupCode: string;
      accountName: string;
      email: string;
      password: string;
      name?: string;
    }) => api.post<Me>('/auth/setup', body),
    onSuccess: async () => {
      client.setQueryData(authKeys.setup(), { needsSetup: false });
      await client.invalidateQueries({ queryKey: authKeys.me() });
    },
  });
}

export function useLogout() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<unknown>('/auth/logout'),
    onSuccess: () => {
      client.clear();
      client.setQueryData(authKeys.me(), null);
    },
  });
}

export function useSwitchAccount() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (accountId: number) => api.post<unknown>('/auth/switch-account', { accountId }),
    onSuccess: async () => {
      // Every cached list belongs to the previous account.
      client.removeQueries({ predicate: (query) => query.queryKey[0] !== 'auth' });
      await client.invalidateQueries({ queryKey: authKeys.me() });
    },
  });
}

export function useSaveLocale() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (locale: Locale) => api.put<unknown>('/auth/locale', { locale }),
    onSuccess: (_data, locale) => {
      client.setQueryData<Me | null>(authKeys.me(), (me) =>
        me ? { ...me, user: { ...me.user, locale } } : me,
      );
    },
  });
}
