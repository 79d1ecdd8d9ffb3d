import { useQuery } from '@tanstack/react-query';
import { api } from '../api/client';
import type { Job, Page } from '../api/types';
import { queryKeysFactory } from '../api/query-key-factory';

export const jobKeys = queryKeysFactory('jobs');

const isActive = (job: Job) => job.status === 'queued' || job.status === 'running';

export function useJobs() {
  return useQuery({
    queryKey: jobKeys.list(),
    queryFn: () => api.get<Page<Job>>('/jobs'),
    select: (page) => page.items,
    // Poll only while something is moving; an idle list does not need a timer.
    refetchInterval: (query) => (query.state.data?.items.some(isActive) ? 2000 : false),
  });
}
