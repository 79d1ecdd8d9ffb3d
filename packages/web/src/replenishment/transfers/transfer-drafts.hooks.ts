import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import { queryKeysFactory } from '../../api/query-key-factory';
import type { TransferDraft, TransferDraftCreate } from '../../api/types';

export const transferDraftKeys = queryKeysFactory('transfer-drafts');

export function useTransferDrafts() {
  return useQuery({
    queryKey: transferDraftKeys.lists(),
    queryFn: () => api.get<{ items: TransferDraft[] }>('/transfer-drafts'),
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
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => api.delete<unknown>(`/transfer-drafts/${String(id)}`),
    onSuccess: () => client.invalidateQueries({ queryKey: transferDraftKeys.all }),
  });
}
