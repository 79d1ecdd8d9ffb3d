import { api } from '../api/client';
import type { Member, MemberCreate, MemberInvited } from '../api/types';
import { queryKeysFactory } from '../api/query-key-factory';
import { useItemsQuery } from '../api/queries';
import { useRefreshingMutation } from '../api/mutations';

export const userKeys = queryKeysFactory('users');

export function useUsers() {
  return useItemsQuery<Member>(userKeys.list(), '/users');
}

/** Adding a member records an invitation (they appear among the members once they join). */
export function useCreateUser() {
  return useRefreshingMutation((body: MemberCreate) => api.post<MemberInvited>('/users', body), userKeys.all);
}
