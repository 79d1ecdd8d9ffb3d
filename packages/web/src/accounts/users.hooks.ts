import { useQuery } from '@tanstack/react-query';
import { api } from '../api/client';
import type { Member, MemberCreate, Page } from '../api/types';
import { queryKeysFactory } from '../api/query-key-factory';
import { useRefreshingMutation } from '../api/mutations';

export const userKeys = queryKeysFactory('users');

export function useUsers() {
  return useQuery({
    queryKey: userKeys.list(),
    queryFn: () => api.get<Page<Member>>('/users'),
    select: (page) => page.items,
  });
}

export function useCreateUser() {
  return useRefreshingMutation((body: MemberCreate) => api.post<Member>('/users', body), userKeys.all);
}
