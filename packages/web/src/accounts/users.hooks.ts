import { api } from '../api/client';
import type { Member, MemberCreate } from '../api/types';
import { queryKeysFactory } from '../api/query-key-factory';
import { useItemsQuery } from '../api/queries';
import { useRefreshingMutation } from '../api/mutations';

export const userKeys = queryKeysFactory('users');

export function useUsers() {
  return useItemsQuery<Member>(userKeys.list(), '/users');
}

export function useCreateUser() {
  return useRefreshingMutation((body: MemberCreate) => api.post<Member>('/users', body), userKeys.all);
}
