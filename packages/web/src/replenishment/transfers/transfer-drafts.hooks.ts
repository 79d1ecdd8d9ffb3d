import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import { useRefreshingMutation } from '../../api/mutations';
import { queryKeysFactory } from '../../api/query-key-factory';
import type { TransferDraft, TransferDraftCreate } from '../../api/types';

export const transferDraftKeys = queryKeysFactory('transfer-drafts');

/** The open drafts (not yet sent), newest first. */
export function useTransferDrafts() {
  return useQuery({
    queryKey: transferDraftKeys.list({ status: 'draft' }),
    queryFn: () => api.get<{ items: TransferDraft[] }>('/transfer-drafts', { status: 'draft' }),
  });
}

/** Saves one draft per route, one after another (each is its own transaction on the server). */
export function useCreateTransferDrafts() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (drafts: TransferDraftCreate[]) => {
      const saved: TransferDraft[] = [];
      for (const body of drafts) saved.push(await api.post<TransferDraft>('/transfer-drafts', body));
      return saved;
    },
    onSettled: () => client.invalidateQueries({ queryKey: transferDraftKeys.all }),
  });
}

export function useDeleteTransferDraft() {
  return useRefreshingMutation(
    (id: number) => api.delete<unknown>(`/transfer-drafts/${String(id)}`),
    transferDraftKeys.all,
  );
}

/** Marks a draft sent (the shipment left): it leaves the open list. */
export function useMarkTransferDraftSent() {
  return useRefreshingMutation(
    (id: number) => api.post<TransferDraft>(`/transfer-drafts/${String(id)}/sent`, {}),
    transferDraftKeys.all,
  );
}
