import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../api/client';
import type { Invitation, Member, MemberCreate, MemberInvited } from '../api/types';
import { queryKeysFactory } from '../api/query-key-factory';
import { useItemsQuery } from '../api/queries';
import { useRefreshingMutation } from '../api/mutations';
import { authKeys } from './auth.hooks';

export const userKeys = queryKeysFactory('users');
const invitationKeys = queryKeysFactory('invitations');

export function useUsers() {
  return useItemsQuery<Member>(userKeys.list(), '/users');
}

/** Adding a member records an invitation (they appear among the members once they join). */
export function useCreateUser() {
  return useRefreshingMutation((body: MemberCreate) => api.post<MemberInvited>('/users', body), userKeys.all);
}

/** Removing a member ends their sessions in this account and revokes their tokens for it. */
export function useRemoveMember(userId: number) {
  return useRefreshingMutation(() => api.delete<unknown>(`/users/${userId}`), userKeys.all);
}

/** The invitations into this account nobody has answered yet (owners only). */
export function usePendingInvitations() {
  return useItemsQuery<Invitation>(userKeys.detail('invitations'), '/users/invitations');
}

export function useWithdrawInvitation(id: number) {
  return useRefreshingMutation(() => api.delete<unknown>(`/users/invitations/${id}`), userKeys.all);
}

/** The signed-in user's invitations into other accounts. */
export function useMyInvitations() {
  return useItemsQuery<Invitation>(invitationKeys.list(), '/auth/invitations');
}

/** Joining adds the account to my account switcher, so who-am-I is fetched again. */
export function useAcceptInvitation(id: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<Invitation>(`/auth/invitations/${id}/accept`),
    onSuccess: () =>
      Promise.all([
        client.invalidateQueries({ queryKey: invitationKeys.all }),
        client.invalidateQueries({ queryKey: authKeys.me() }),
      ]),
  });
}

export function useDeclineInvitation(id: number) {
  return useRefreshingMutation(() => api.delete<unknown>(`/auth/invitations/${id}`), invitationKeys.all);
}
